using Rectification.Domain.Visibility;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;

namespace Rectification.Application.Reminders;

/// <summary>
/// Who holds which role where, loaded once per sweep so that thousands of due cases are addressed from memory
/// instead of with queries per case. Deputies named for today stand in for absent users.
/// </summary>
public sealed class RecipientDirectory
{
    private readonly Dictionary<string, Guid> unitByPath;
    private readonly Dictionary<Guid, string> pathByUnit;
    private readonly ILookup<(Guid Unit, Role Role), UserAccount> users;
    private readonly Dictionary<Guid, UserAccount> deputies;

    private RecipientDirectory(Dictionary<Guid, string> pathByUnit, ILookup<(Guid, Role), UserAccount> users, Dictionary<Guid, UserAccount> deputies)
    {
        this.pathByUnit = pathByUnit;
        unitByPath = pathByUnit.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        this.users = users;
        this.deputies = deputies;
    }

    public static async Task<RecipientDirectory> LoadAsync(IAppDbContext db, DateOnly today, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Path }).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var accounts = await db.Users.AsNoTracking().ToListAsync(ct);
        var byId = accounts.ToDictionary(u => u.Id);
        var delegations = await db.Delegations.AsNoTracking().Where(d => !d.Revoked && d.From <= today && d.To >= today).ToListAsync(ct);
        var deputies = delegations
            .Where(d => byId.ContainsKey(d.DeputyUserId))
            .GroupBy(d => d.UserId)
            .ToDictionary(g => g.Key, g => byId[g.OrderByDescending(d => d.CreatedAt).First().DeputyUserId]);
        return new RecipientDirectory(units, accounts.ToLookup(u => (u.UnitId, u.Role)), deputies);
    }

    /// <summary>The holders of the role there, chosen by <see cref="MailRecipients.Choose"/>.</summary>
    public IReadOnlyList<UserAccount> Resolve(RecipientSpec spec, Guid caseUnitId, VisibilityRules rules, string kind)
    {
        IEnumerable<Guid> unitIds = spec.Scope == RecipientScope.Unit
            ? [caseUnitId]
            : pathByUnit.TryGetValue(caseUnitId, out var path)
                ? RecipientResolver.AncestorPaths(path).Where(unitByPath.ContainsKey).Select(p => unitByPath[p])
                : [];
        return MailRecipients.Choose(unitIds.SelectMany(u => users[(u, spec.Role)]), deputies.GetValueOrDefault, rules, kind);
    }
}
