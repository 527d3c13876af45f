using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rectification.Domain.Organization;
using Rectification.Infrastructure.Identity;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Web.Security;

/// <summary>
/// Builds the signed-in principal from the domain user, whatever proved the identity (password, token, single sign-on), so
/// role and unit always come from the Users table and never from what a client or an external provider sent.
/// </summary>
public sealed class AccountPrincipals(RectificationDbContext db)
{
    public const string MethodClaim = "rectification:auth-method";

    /// <summary>The account's security stamp at sign-in; Identity changes it with the password, which ends every older session and token.</summary>
    public const string StampClaim = "stamp";

    public async Task<ClaimsPrincipal?> ForUserAsync(Guid userId, string scheme, string method, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? null : await ForUserAsync(user, scheme, method, ct);
    }

    public async Task<ClaimsPrincipal> ForUserAsync(UserAccount user, string scheme, string method, CancellationToken ct = default)
    {
        var unitPath = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Path).FirstAsync(ct);
        var stamp = await CurrentStampAsync(user.Id, ct);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ClaimTypes.GivenName, user.DisplayName),
            new Claim(ClaimTypes.Role, user.Role.ToString()),
            new Claim(HttpCurrentUser.UnitIdClaim, user.UnitId.ToString()),
            new Claim(HttpCurrentUser.UnitPathClaim, unitPath),
            new Claim(MethodClaim, method),
        ], scheme, ClaimTypes.Name, ClaimTypes.Role);
        if (stamp is not null)
        {
            identity.AddClaim(new Claim(StampClaim, stamp));
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// False once the password changed (or the account was removed or disabled) after the session or token was issued. A principal
    /// without a stamp came from single sign-on for a user without a local account, which has nothing to change.
    /// </summary>
    public async Task<bool> IsCurrentAsync(Guid userId, string? stamp, CancellationToken ct = default)
    {
        if (stamp is null)
        {
            return true;
        }

        // Disabling also renews the stamp; the lockout end is checked as well so that a disabled account stays out even if its
        // stamp were ever written back unchanged (say, by an import).
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == userId).Select(a => new { a.SecurityStamp, a.LockoutEnd }).FirstOrDefaultAsync(ct);
        return account is not null && account.SecurityStamp == stamp && !AccountStatus.IsDisabled(account.LockoutEnd);
    }

    private Task<string?> CurrentStampAsync(Guid userId, CancellationToken ct) =>
        db.Accounts.AsNoTracking().Where(a => a.Id == userId).Select(a => a.SecurityStamp).FirstOrDefaultAsync(ct);
}
