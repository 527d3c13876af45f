using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Administration.Accounts;

namespace Rectification.Web.Security;

/// <summary>
/// Checks a user name and password (<see cref="RecordSignIn"/>: Identity's lockout, and the attempt audited in the same
/// transaction), from the address the request came from.
/// </summary>
/// <remarks>
/// Every refusal costs one password hash, whatever its cause (unknown name, disabled or locked account, wrong password), so the
/// answer time does not tell an existing account from an unknown one; the caller answers every refusal with the same words
/// (<see cref="Endpoints.AccountEndpoints.Refused"/>). Only the audit entry keeps the true outcome.
/// </remarks>
public sealed class PasswordSignIn(ISender sender, IHttpContextAccessor http, ILogger<PasswordSignIn> log)
{
    public sealed record Attempt(SignInOutcome Outcome, Domain.Organization.UserAccount? User);

    public async Task<Attempt> CheckAsync(string userName, string password, string channel, CancellationToken ct)
    {
        var recorded = await sender.Send(RecordSignIn.WithPassword(channel, userName, password, RemoteAddress(http.HttpContext)), ct);
        if (!recorded.IsSuccess)
        {
            // A name that is no plain text, say, or a clash with a simultaneous attempt on the same account: refused like any other.
            log.LogWarning("Sign-in attempt for {UserName} via {Channel} was not recorded: {Code}", userName.Length <= 100 ? userName : userName[..100], channel, recorded.Error!.Code);
            return new Attempt(SignInOutcome.Failed, null);
        }

        return new Attempt(recorded.Value.Outcome, recorded.Value.SignedIn);
    }

    /// <summary>The client's address as the forwarded headers left it (<see cref="ProxyHeaders"/>).</summary>
    public static string RemoteAddress(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
