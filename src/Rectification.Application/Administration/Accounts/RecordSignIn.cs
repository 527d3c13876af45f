using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>
/// How one sign-in attempt ended, and who it turned out to be (null: nobody this system knows). The audit entry of the attempt is
/// written from it (<see cref="Behaviors.AuditBehavior{TMessage, TResponse}"/>): in that person's name, with the outcome as trigger.
/// </summary>
public sealed record SignInAttempt(SignInOutcome Outcome, UserAccount? User, string AttemptedName)
{
    /// <summary>Sign-ins are entries about the account, whatever proved (or failed to prove) the identity.</summary>
    public const string EntityType = "Account";

    /// <summary>The user to sign in; null for every refusal.</summary>
    public UserAccount? SignedIn => Outcome == SignInOutcome.Succeeded ? User : null;

    /// <summary>The name the audit entry carries: the user's own, else (cut to the column's length) the name that was tried.</summary>
    public string AuditedName => User?.UserName ?? (AttemptedName.Length <= 100 ? AttemptedName : AttemptedName[..100]);
}

/// <summary>
/// One sign-in attempt, successful or not, checked and audited in one transaction: the failed-attempt counter and the audit entry
/// are written together or not at all. On the password channels (<see cref="Channels"/>) the password is tried here, with
/// Identity's lockout; on <see cref="External"/> the organization's provider proved the identity already, and what the person
/// may do comes from the domain user found by the e-mail, else by the user name. Nobody is created on the fly.
/// </summary>
/// <remarks>
/// Sent before anyone is signed in, so it is open to every caller; the host sends it for the attempts it receives only. The
/// JSON names are the ones sign-in entries have always had in their payload (<c>channel</c>, <c>address</c>).
/// </remarks>
public sealed record RecordSignIn(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("userName")] string? UserName,
    [property: Secret, JsonPropertyName("password")] string? Password,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("address")] string Address) : IAppCommand<SignInAttempt>
{
    /// <summary>The audit entries' command: the name of this command, as for every other.</summary>
    public const string Command = nameof(RecordSignIn);

    /// <summary>What sign-in entries were called before they went through the pipeline; older audit trails hold them.</summary>
    public const string EarlierCommand = "Account.SignIn";

    /// <summary>Single sign-on through the organization's OpenID Connect provider.</summary>
    public const string External = "oidc";

    /// <summary>A password checked here: for an API token, for the script's cookie, from the sign-in form.</summary>
    public static readonly IReadOnlySet<string> Channels = new HashSet<string>(StringComparer.Ordinal) { "token", "cookie", "form" };

    public static RecordSignIn WithPassword(string channel, string userName, string password, string address) =>
        new(channel, userName, password, null, null, address);

    public static RecordSignIn Externally(string? email, string? userName, string? subject, string address) =>
        new(External, userName, null, email, subject, address);

    [JsonIgnore] public string AttemptedName => Channel == External ? Email ?? UserName ?? Subject ?? "unknown" : UserName ?? "";
}

public sealed class RecordSignInValidator : AbstractValidator<RecordSignIn>
{
    public RecordSignInValidator()
    {
        RuleFor(c => c.Channel).Must(c => c == RecordSignIn.External || RecordSignIn.Channels.Contains(c)).WithMessage("token, cookie, form or oidc");
        When(c => c.Channel != RecordSignIn.External, () =>
        {
            RuleFor(c => c.UserName).NotEmpty().WithMessage("required");
            RuleFor(c => c.Password).NotNull().WithMessage("required");
        });
        RuleFor(c => c.Address).Must(a => !string.IsNullOrEmpty(a) && a.Length <= 100).WithMessage("required, at most 100 characters");
    }
}

public sealed class RecordSignInHandler(IAppDbContext db, IAccountStore accounts, ILogger<RecordSignInHandler> log) : ICommandHandler<RecordSignIn, Result<SignInAttempt>>
{
    public async ValueTask<Result<SignInAttempt>> Handle(RecordSignIn command, CancellationToken ct)
    {
        var attempt = command.Channel == RecordSignIn.External ? await ExternalAsync(command, ct) : await PasswordAsync(command, ct);
        if (attempt.Outcome == SignInOutcome.Succeeded)
        {
            log.LogInformation("Sign-in of {UserName} via {Channel} from {Address} succeeded", attempt.AuditedName, command.Channel, command.Address);
        }
        else
        {
            log.LogWarning("Sign-in refused for {UserName} via {Channel} from {Address}: {Outcome}", attempt.AuditedName, command.Channel, command.Address, attempt.Outcome);
        }

        return attempt;
    }

    private async Task<SignInAttempt> PasswordAsync(RecordSignIn command, CancellationToken ct)
    {
        // The account first, as Identity matches names; the domain user by the account's id (same id, same user name).
        var id = await accounts.FindIdByNameAsync(command.UserName!, ct);
        var user = id is { } found ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == found, ct) : null;
        var outcome = await accounts.CheckPasswordAsync(user?.Id, command.Password!, ct);
        return new SignInAttempt(outcome, user, command.AttemptedName);
    }

    private async Task<SignInAttempt> ExternalAsync(RecordSignIn command, CancellationToken ct)
    {
        var user = command.Email is { Length: > 0 } email ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct) : null;
        if (user is null && command.UserName is { Length: > 0 } name)
        {
            user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, ct);
        }

        // A disabled local account keeps its owner out of single sign-on too: the administrator's switch covers every way in.
        var disabled = user is not null && (await accounts.StatesAsync([user.Id], ct)).SingleOrDefault() is { Disabled: true };
        var outcome = user is null ? SignInOutcome.UnknownExternalUser : disabled ? SignInOutcome.Disabled : SignInOutcome.Succeeded;
        return new SignInAttempt(outcome, user, command.AttemptedName);
    }
}
