using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Domain.Common;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Infrastructure.Identity;

/// <summary>
/// <see cref="IAccountStore"/> over Identity's UserManager. Its store is told not to save by itself: the changes stay in the
/// scope's DbContext, the same one the command's transaction saves, so an account change, the domain user and the audit entries
/// commit together. The field names in the refusals are the account commands' JSON names.
/// </summary>
public sealed class AccountStore : IAccountStore
{
    private readonly UserManager<Account> accounts;
    private readonly SignInManager<Account> signIns;
    private readonly TimeProvider clock;

    public AccountStore(UserManager<Account> accounts, SignInManager<Account> signIns, IUserStore<Account> store, TimeProvider clock)
    {
        this.accounts = accounts;
        this.signIns = signIns;
        this.clock = clock;
        if (store is not UserOnlyStore<Account, RectificationDbContext, Guid> ef)
        {
            throw new InvalidOperationException("The account store expects Identity's EF store over the application's DbContext.");
        }

        ef.AutoSaveChanges = false;
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken ct) => await accounts.FindByIdAsync(id.ToString()) is not null;

    public async Task<bool> IsUserNameTakenAsync(string userName, CancellationToken ct) => await accounts.FindByNameAsync(userName) is not null;

    public async Task<Guid?> FindIdByNameAsync(string userName, CancellationToken ct) => (await accounts.FindByNameAsync(userName))?.Id;

    public async Task<SignInOutcome> CheckPasswordAsync(Guid? id, string password, CancellationToken ct)
    {
        var account = id is { } found ? await accounts.FindByIdAsync(found.ToString()) : null;
        if (account is null)
        {
            HashInVain(password);
            return SignInOutcome.Failed;
        }

        if (AccountStatus.IsDisabled(account))
        {
            // Refused before the password is tried: a disabled account answers no password guesses.
            HashInVain(password);
            return SignInOutcome.Disabled;
        }

        if (await accounts.IsLockedOutAsync(account))
        {
            // Identity would refuse a locked account without hashing at all; the hash here keeps its answer as slow as the others.
            HashInVain(password);
            return SignInOutcome.LockedOut;
        }

        // The failed-attempt counter (and a lockout) Identity sets here stays in the scope's DbContext for the command's save.
        var result = await signIns.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.Succeeded
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : result.IsNotAllowed ? SignInOutcome.NotAllowed
            : SignInOutcome.Failed;
    }

    public async Task<IReadOnlyList<AccountState>> StatesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var rows = await accounts.Users.AsNoTracking().Where(a => list.Contains(a.Id)).Select(a => new { a.Id, a.SecurityStamp, a.LockoutEnd }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        // Lockout flags are worked out here rather than in SQL: SQLite cannot compare DateTimeOffset values.
        return rows.Select(r => new AccountState(r.Id, r.SecurityStamp, AccountStatus.IsDisabled(r.LockoutEnd),
            AccountStatus.IsLockedOut(r.LockoutEnd, now) ? r.LockoutEnd : null)).ToList();
    }

    public async Task<Error?> CreateAsync(Guid id, string userName, string email, string password, CancellationToken ct)
    {
        var account = new Account { Id = id, UserName = userName, Email = email };
        if (await PasswordRefusal(account, password, "password") is { } refused)
        {
            return refused;
        }

        var created = await accounts.CreateAsync(account, password);
        return created.Succeeded ? null : Error.Validation(new Dictionary<string, string[]>
        {
            // E.g. characters Identity does not allow in a user name.
            [created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "userName"] = created.Errors.Select(e => e.Description).ToArray(),
        });
    }

    public Task<Error?> DisableAsync(Guid id, CancellationToken ct) => Change(id, async account =>
    {
        account.LockoutEnabled = true;
        account.LockoutEnd = AccountStatus.DisabledUntil;
        // A new stamp ends the sessions and tokens already out, not only new sign-ins.
        await Check(accounts.UpdateSecurityStampAsync(account));
        return null;
    });

    public Task<Error?> EnableAsync(Guid id, CancellationToken ct) => Change(id, async account =>
    {
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        await Check(accounts.UpdateAsync(account));
        return null;
    });

    public Task<Error?> UnlockAsync(Guid id, CancellationToken ct) => Change(id, async account =>
    {
        if (AccountStatus.IsDisabled(account))
        {
            // Unlocking must not quietly undo a deliberate disabling.
            return Error.Conflict("account.disabled");
        }

        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        await Check(accounts.UpdateAsync(account));
        return null;
    });

    public Task<Error?> ResetPasswordAsync(Guid id, string newPassword, CancellationToken ct) => Change(id, async account =>
    {
        if (await PasswordRefusal(account, newPassword, "newPassword") is { } refused)
        {
            return refused;
        }

        account.PasswordHash = accounts.PasswordHasher.HashPassword(account, newPassword);
        // The new stamp ends every session and token issued before, as a change of one's own password does.
        await Check(accounts.UpdateSecurityStampAsync(account));
        return null;
    });

    public async Task<Error?> ChangePasswordAsync(Guid id, string currentPassword, string newPassword, CancellationToken ct)
    {
        var account = await accounts.FindByIdAsync(id.ToString());
        if (account is null || !await accounts.HasPasswordAsync(account))
        {
            return Error.Conflict("account.no-password");
        }

        if (!await accounts.CheckPasswordAsync(account, currentPassword))
        {
            return new Error(ErrorKind.Validation, "account.password-mismatch", new Dictionary<string, object?>())
            {
                FieldErrors = new Dictionary<string, string[]> { ["currentPassword"] = ["wrong password"] },
            };
        }

        var changed = await accounts.ChangePasswordAsync(account, currentPassword, newPassword);
        return changed.Succeeded ? null : Rejected(changed.Errors, "newPassword");
    }

    /// <summary>
    /// Each change sets the account's values itself and then makes exactly one Identity update: the EF store re-attaches the
    /// account on every update, which without a save in between would take the earlier changes for the original values, and
    /// so hide them from the audit's before and from the concurrency check.
    /// </summary>
    private async Task<Error?> Change(Guid id, Func<Account, Task<Error?>> change) =>
        await accounts.FindByIdAsync(id.ToString()) is { } account ? await change(account) : Error.NotFound("Account", id);

    /// <summary>The work of checking a password (same hasher, same iterations) where there is no password to check.</summary>
    private void HashInVain(string password) => accounts.PasswordHasher.HashPassword(new Account(), password);

    /// <summary>The password rules, checked before anything changes, so a refused password leaves nothing half done.</summary>
    private async Task<Error?> PasswordRefusal(Account account, string password, string field)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in accounts.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(accounts, account, password)).Errors);
        }

        return errors.Count == 0 ? null : Rejected(errors, field);
    }

    private static Error Rejected(IEnumerable<IdentityError> errors, string field)
    {
        var list = errors.ToList();
        return new Error(ErrorKind.Validation, "account.password-rejected", new Dictionary<string, object?> { ["rules"] = string.Join(" ", list.Select(e => e.Description)) })
        {
            FieldErrors = new Dictionary<string, string[]> { [field] = list.Select(e => e.Code).ToArray() },
        };
    }

    /// <summary>Past the checks above, Identity refusing an update is a fault (say, a concurrency stamp), not an answer for the caller.</summary>
    private static async Task Check(Task<IdentityResult> update)
    {
        var result = await update;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused an account update: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
