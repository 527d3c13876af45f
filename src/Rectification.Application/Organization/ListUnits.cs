using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using DomainUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Application.Organization;

/// <summary>The units the user may see: their own and everything below it, in tree order.</summary>
public sealed record ListUnits : IAppQuery<IReadOnlyList<UnitDto>>;

public sealed class ListUnitsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListUnits, Result<IReadOnlyList<UnitDto>>>
{
    public async ValueTask<Result<IReadOnlyList<UnitDto>>> Handle(ListUnits query, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(user.UnitPath)).OrderBy(u => u.Path).ToListAsync(ct);
        return units.Select(u => u.ToDto()).ToList();
    }
}
