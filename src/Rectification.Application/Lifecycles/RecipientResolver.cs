using Rectification.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;

namespace Rectification.Application.Lifecycles;

/// <summary>Turns "role R, in the case's unit or above it" into the users who hold that role there.</summary>
public sealed class RecipientResolver(IAppDbContext db, TimeProvider clock, IVisibilityCatalog visibility)
{
    /// <param name="kind">The lifecycle name of the case the mail is about: nobody who may not see it receives it.</param>
    public async Task<IReadOnlyList<UserAccount>> ResolveAsync(RecipientSpec spec, Guid caseUnitId, string kind, CancellationToken ct)
    {
        List<UserAccount> holders;
        if (spec.Scope == RecipientScope.Unit)
        {
            holders = await db.Users.Where(u => u.Role == spec.Role && u.UnitId == caseUnitId).OrderBy(u => u.UserName).ToListAsync(ct);
        }
        else
        {
            var path = await db.Units.Where(u => u.Id == caseUnitId).Select(u => u.Path).FirstAsync(ct);
            var ancestors = AncestorPaths(path);
            holders = await db.Users
                .Where(u => u.Role == spec.Role && db.Units.Any(unit => unit.Id == u.UnitId && ancestors.Contains(unit.Path)))
                .OrderBy(u => u.UserName)
                .ToListAsync(ct);
        }

        return await WithDeputiesAsync(holders, kind, ct);
    }

    private async Task<IReadOnlyList<UserAccount>> WithDeputiesAsync(List<UserAccount> holders, string kind, CancellationToken ct)
    {
        var today = OfficeTime.Today(clock);
        var ids = holders.Select(h => h.Id).ToList();
        var deputies = await db.Delegations.AsNoTracking()
            .Where(d => ids.Contains(d.UserId) && !d.Revoked && d.From <= today && d.To >= today)
            .Join(db.Users, d => d.DeputyUserId, u => u.Id, (d, u) => new { d.UserId, d.CreatedAt, Deputy = u })
            .ToListAsync(ct);
        var byUser = deputies.GroupBy(d => d.UserId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.CreatedAt)!.Deputy);
        return MailRecipients.Choose(holders, byUser.GetValueOrDefault, visibility.Rules, kind);
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
