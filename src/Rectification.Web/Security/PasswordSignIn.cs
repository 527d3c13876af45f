using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rectification.Domain.Organization;
using Rectification.Infrastructure.Identity;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Web.Security;

/// <summary>
/// Checks a user name and password with Identity's lockout, and audits the attempt, in one transaction: the failed-attempt
/// counter and the audit entry are written together or not at all.
/// </summary>
public sealed class PasswordSignIn(RectificationDbContext db, UserManager<Account> accounts, SignInManager<Account> signIns, SignInAudit audit)
{
    public sealed record Attempt(SignInOutcome Outcome, UserAccount? User);

    public async Task<Attempt> CheckAsync(string userName, string password, string channel, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var account = await accounts.FindByNameAsync(userName);
        var user = account is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == account.Id, ct);
        SignInOutcome outcome;
        if (account is null || user is null)
        {
            // The same work as a wrong password, so the answer time does not tell which user names exist.
            accounts.PasswordHasher.HashPassword(new Account(), password);
            outcome = SignInOutcome.Failed;
        }
        else if (AccountStatus.IsDisabled(account))
        {
            // Refused before the password is tried, like a locked account: a disabled account answers no password guesses.
            accounts.PasswordHasher.HashPassword(new Account(), password);
            outcome = SignInOutcome.Disabled;
        }
        else
        {
            var result = await signIns.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
            outcome = result.Succeeded ? SignInOutcome.Succeeded
                : result.IsLockedOut ? SignInOutcome.LockedOut
                : result.IsNotAllowed ? SignInOutcome.NotAllowed
                : SignInOutcome.Failed;
        }

        audit.Add(userName, user, channel, outcome);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Attempt(outcome, outcome == SignInOutcome.Succeeded ? user : null);
    }
}
