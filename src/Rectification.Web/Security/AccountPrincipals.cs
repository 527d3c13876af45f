using System.Security.Claims;
using Mediator;
using Rectification.Application.Administration.Accounts;
using Rectification.Domain.Organization;

namespace Rectification.Web.Security;

/// <summary>
/// Builds the signed-in principal from the domain user, whatever proved the identity (password, token, single sign-on), so
/// role and unit always come from the Users table (<see cref="GetSignInIdentity"/>) and never from what a client or an external
/// provider sent.
/// </summary>
public sealed class AccountPrincipals(ISender sender)
{
    public const string MethodClaim = "rectification:auth-method";

    /// <summary>The account's security stamp at sign-in; Identity changes it with the password, which ends every older session and token.</summary>
    public const string StampClaim = "stamp";

    public async Task<ClaimsPrincipal?> ForUserAsync(Guid userId, string scheme, string method, CancellationToken ct = default)
    {
        var found = await sender.Send(new GetSignInIdentity(userId), ct);
        return found.IsSuccess ? Build(found.Value, scheme, method) : null;
    }

    public async Task<ClaimsPrincipal> ForUserAsync(UserAccount user, string scheme, string method, CancellationToken ct = default) =>
        await ForUserAsync(user.Id, scheme, method, ct) ?? throw new InvalidOperationException($"The user {user.Id} who just signed in is gone.");

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

        // Disabling also renews the stamp; the disabling is checked as well so that a disabled account stays out even if its
        // stamp were ever written back unchanged (say, by an import).
        var found = await sender.Send(new GetSignInIdentity(userId), ct);
        return found.IsSuccess && found.Value.Account is { } account && account.SecurityStamp == stamp && !account.Disabled;
    }

    private static ClaimsPrincipal Build(SignInIdentity found, string scheme, string method)
    {
        var user = found.User;
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ClaimTypes.GivenName, user.DisplayName),
            new Claim(ClaimTypes.Role, user.Role.ToString()),
            new Claim(HttpCurrentUser.UnitIdClaim, user.UnitId.ToString()),
            new Claim(HttpCurrentUser.UnitPathClaim, found.UnitPath),
            new Claim(MethodClaim, method),
        ], scheme, ClaimTypes.Name, ClaimTypes.Role);
        if (found.Account?.SecurityStamp is { } stamp)
        {
            identity.AddClaim(new Claim(StampClaim, stamp));
        }

        return new ClaimsPrincipal(identity);
    }
}
