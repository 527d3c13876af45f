using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

public sealed record AccountDto(Guid Id, string UserName, string DisplayName, string Email, Role Role, Guid UnitId, string UnitName, string PreferredLanguage,
    bool LockedOut, DateTimeOffset? LockedOutUntil, bool Disabled, DateTime? LastSignInAt);

/// <summary>
/// The accounts whose users sit in the administrator's unit and below, with their last successful sign-in; with
/// <paramref name="AccountId"/>, that one only (none when it lies outside the scope).
/// </summary>
[AllowedRoles(Role.Administrator)]
public sealed record ListAccounts(Guid? AccountId = null) : IAppQuery<IReadOnlyList<AccountDto>>;

public sealed class ListAccountsHandler(IAppDbContext db, IAccountStore accounts, ICurrentUser user) : IQueryHandler<ListAccounts, Result<IReadOnlyList<AccountDto>>>
{
    public async ValueTask<Result<IReadOnlyList<AccountDto>>> Handle(ListAccounts query, CancellationToken ct)
    {
        var scope = user.UnitPath;
        var only = query.AccountId;
        var users = await (from u in db.Users.AsNoTracking()
                           join unit in db.Units.AsNoTracking() on u.UnitId equals unit.Id
                           where unit.Path.StartsWith(scope) && (only == null || u.Id == only)
                           orderby unit.Path, u.UserName
                           select new { u.Id, u.UserName, u.DisplayName, u.Email, u.Role, u.UnitId, UnitName = unit.Name, u.PreferredLanguage })
            .ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        // Only users with an account are listed: one who signs in through single sign-on alone has nothing to administer here.
        var states = (await accounts.StatesAsync(ids, ct)).ToDictionary(s => s.Id);
        // Sign-ins are audit entries already (RecordSignIn); no column of their own is needed for the last one.
        var lastSignIns = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.Command == RecordSignIn.Command || e.Command == RecordSignIn.EarlierCommand)
                && e.Trigger == nameof(SignInOutcome.Succeeded) && ids.Contains(e.EntityId))
            .GroupBy(e => e.EntityId).Select(g => new { g.Key, At = g.Max(e => e.At) }).ToDictionaryAsync(g => g.Key, g => g.At, ct);
        return users.Where(u => states.ContainsKey(u.Id))
            .Select(u => (u, State: states[u.Id]))
            .Select(x => new AccountDto(x.u.Id, x.u.UserName, x.u.DisplayName, x.u.Email, x.u.Role, x.u.UnitId, x.u.UnitName, x.u.PreferredLanguage,
                x.State.LockedOut, x.State.LockedOutUntil, x.State.Disabled, lastSignIns.TryGetValue(x.u.Id, out var at) ? at : null))
            .ToList();
    }
}
