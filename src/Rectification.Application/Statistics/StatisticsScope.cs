using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Domain.Common;

namespace Rectification.Application.Statistics;

/// <summary>The units a figure counts: the user's whole scope, or one unit of it with everything below; another scope's unit is not found.</summary>
public static class StatisticsScope
{
    public static async Task<Result<IQueryable<Guid>>> UnitsAsync(IAppDbContext db, ICurrentUser user, Visibility.ReadPolicy visibility, Guid? unitId, CancellationToken ct)
    {
        if (unitId is not { } id)
        {
            return Result<IQueryable<Guid>>.Ok(visibility.UnitsInScope);
        }

        var path = await db.Units.Where(u => u.Id == id).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null || !path.StartsWith(user.UnitPath, StringComparison.Ordinal))
        {
            return Error.NotFound("Unit", id);
        }

        return Result<IQueryable<Guid>>.Ok(db.Units.Where(u => u.Path.StartsWith(path)).Select(u => u.Id));
    }
}
