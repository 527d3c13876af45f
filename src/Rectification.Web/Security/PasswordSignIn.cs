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
/// <remarks>
/// Every refusal costs one password hash, whatever its cause (unknown name, disabled or locked account, wrong password), so the
/// answer time does not tell an existing account from an unknown one; the caller answers every refusal with the same words
/// (<see cref="Endpoints.AccountEndpoints.Refused"/>). Only the audit entry keeps the true outcome.
/// </remarks>
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
            HashInVain(password);
            outcome = SignInOutcome.Failed;
        }
        else if (AccountStatus.IsDisabled(account))
        {
            // Refused before the password is tried: a disabled account answers no password guesses.
            HashInVain(password);
            outcome = SignInOutcome.Disabled;
        }
        else if (await accounts.IsLockedOutAsync(account))
        {
            // Identity would refuse a locked account without hashing at all; the hash here keeps its answer as slow as the others.
            HashInVain(password);
            outcome = SignInOutcome.LockedOut;
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

    /// <summary>The work of checking a password (same hasher, same iterations) where there is no password to check.</summary>
    private void HashInVain(string password) => accounts.PasswordHasher.HashPassword(new Account(), password);
}
