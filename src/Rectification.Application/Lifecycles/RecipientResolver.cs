using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;

namespace Rectification.Application.Lifecycles;

/// <summary>Turns "role R, in the case's unit or above it" into the users who hold that role there.</summary>
public sealed class RecipientResolver(IAppDbContext db)
{
    public async Task<IReadOnlyList<UserAccount>> ResolveAsync(RecipientSpec spec, Guid caseUnitId, CancellationToken ct)
    {
        if (spec.Scope == RecipientScope.Unit)
        {
            return await db.Users.Where(u => u.Role == spec.Role && u.UnitId == caseUnitId).OrderBy(u => u.UserName).ToListAsync(ct);
        }

        var path = await db.Units.Where(u => u.Id == caseUnitId).Select(u => u.Path).FirstAsync(ct);
        var ancestors = AncestorPaths(path);
        return await db.Users
            .Where(u => u.Role == spec.Role && db.Units.Any(unit => unit.Id == u.UnitId && ancestors.Contains(unit.Path)))
            .OrderBy(u => u.UserName)
            .ToListAsync(ct);
    }

    /// <summary>"/a/b/c/" → "/a/", "/a/b/", "/a/b/c/": the unit itself and every unit above it.</summary>
    public static List<string> AncestorPaths(string path)
    {
        var result = new List<string>();
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
        {
            result.Add(path[..(i + 1)]);
        }

        return result;
    }
}
