using System.Text.Json;
using Rectification.Domain.Auditing;
using Rectification.Domain.Organization;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Web.Security;

public enum SignInOutcome { Succeeded, Failed, LockedOut, NotAllowed, UnknownExternalUser, Disabled }

/// <summary>
/// Every sign-in attempt, successful or not, becomes an audit entry (command <see cref="Command"/>, the outcome as trigger). The
/// caller saves it inside its transaction, so it joins the hash chain like every other entry; failures are also logged.
/// </summary>
public sealed class SignInAudit(RectificationDbContext db, TimeProvider clock, IHttpContextAccessor http, ILogger<SignInAudit> logger)
{
    public const string Command = "Account.SignIn";
    public const string EntityType = "Account";

    public void Add(string attemptedName, UserAccount? user, string channel, SignInOutcome outcome)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var name = user?.UserName ?? Truncate(attemptedName, 100);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, user?.Id, name, user?.Role.ToString() ?? "", Command, EntityType,
            user?.Id ?? Guid.Empty, outcome.ToString(), null, null, "", "", JsonSerializer.Serialize(new { channel, address })));

        if (outcome == SignInOutcome.Succeeded)
        {
            logger.LogInformation("Sign-in of {UserName} via {Channel} from {Address} succeeded", name, channel, address);
        }
        else
        {
            logger.LogWarning("Sign-in refused for {UserName} via {Channel} from {Address}: {Outcome}", name, channel, address, outcome);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
