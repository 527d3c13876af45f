using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>
/// Who a signed-in principal is, from the Users table and never from what a client or an external provider sent: the user, the
/// path of their unit, and their account's state (null for a user without a local account, who signs in through single sign-on).
/// </summary>
public sealed record SignInIdentity(UserAccount User, string UnitPath, AccountState? Account);

/// <summary>
/// Asked on every request that carries a session or a token, before anyone is signed in: open to all, it tells only what the
/// caller's own session or token already names.
/// </summary>
public sealed record GetSignInIdentity(Guid UserId) : IAppQuery<SignInIdentity>;

public sealed class GetSignInIdentityHandler(IAppDbContext db, IAccountStore accounts) : IQueryHandler<GetSignInIdentity, Result<SignInIdentity>>
{
    public async ValueTask<Result<SignInIdentity>> Handle(GetSignInIdentity query, CancellationToken ct)
    {
        var found = await (from u in db.Users.AsNoTracking()
                           join unit in db.Units.AsNoTracking() on u.UnitId equals unit.Id
                           where u.Id == query.UserId
                           select new { User = u, unit.Path }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Error.NotFound("User", query.UserId);
        }

        var account = (await accounts.StatesAsync([query.UserId], ct)).SingleOrDefault();
        return new SignInIdentity(found.User, found.Path, account);
    }
}
