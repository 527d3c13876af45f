using Rectification.Domain.Common;

namespace Rectification.Application.Abstractions;

/// <summary>
/// The sign-in credentials of the domain users (same id, same user name), as the account commands change them. Every change is
/// left to the command's own save, so it commits with the domain user and the audit entries or not at all. A refusal the
/// caller can act on comes back as an <see cref="Error"/> (a missing account, a password the rules refuse); null is success.
/// </summary>
public interface IAccountStore
{
    Task<bool> ExistsAsync(Guid id, CancellationToken ct);

    Task<bool> IsUserNameTakenAsync(string userName, CancellationToken ct);

    /// <summary>The account signing in with this name, matched as the credentials store matches names (whatever the letter case).</summary>
    Task<Guid?> FindIdByNameAsync(string userName, CancellationToken ct);

    /// <summary>
    /// Tries the password on the account (null: no account to try it on), counting a failure towards the lockout. Every refusal
    /// costs one password hash, whatever its cause, so the time taken does not tell an existing account from an unknown one.
    /// </summary>
    Task<SignInOutcome> CheckPasswordAsync(Guid? id, string password, CancellationToken ct);

    /// <summary>The sign-in state of those of the given users that have an account (a user signing in only through single sign-on has none).</summary>
    Task<IReadOnlyList<AccountState>> StatesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>A new account for the domain user <paramref name="id"/>; a refused password or user name changes nothing.</summary>
    Task<Error?> CreateAsync(Guid id, string userName, string email, string password, CancellationToken ct);

    /// <summary>Ends every session and token already out, and refuses every sign-in until enabled again.</summary>
    Task<Error?> DisableAsync(Guid id, CancellationToken ct);

    Task<Error?> EnableAsync(Guid id, CancellationToken ct);

    /// <summary>Lifts a lockout after failed sign-ins; a disabled account stays disabled (that is what enable is for).</summary>
    Task<Error?> UnlockAsync(Guid id, CancellationToken ct);

    /// <summary>Sets a new password without knowing the old one, ending every session and token issued before.</summary>
    Task<Error?> ResetPasswordAsync(Guid id, string newPassword, CancellationToken ct);

    /// <summary>The owner's own change, which proves the current password first.</summary>
    Task<Error?> ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken ct);
}
