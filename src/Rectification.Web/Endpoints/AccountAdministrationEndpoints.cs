using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Behaviors;
using Rectification.Domain.Auditing;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Infrastructure.Identity;
using Rectification.Infrastructure.Persistence;
using Rectification.Web.Http;
using Rectification.Web.Security;

namespace Rectification.Web.Endpoints;

public sealed record CreateAccountBody(string? UserName, string? DisplayName, Role? Role, string? Email, string? PreferredLanguage, Guid? UnitId, string? Password);

public sealed record ResetPasswordBody(string? NewPassword);

public sealed record AccountDto(Guid Id, string UserName, string DisplayName, string Email, Role Role, Guid UnitId, string UnitName, string PreferredLanguage,
    bool LockedOut, DateTimeOffset? LockedOutUntil, bool Disabled, DateTime? LastSignInAt);

/// <summary>
/// Account administration for administrators, within their unit and below: create a user with an account, list, unlock, reset
/// a password, disable and enable. Another unit's account answers exactly like a missing one (404). These live beside the
/// sign-in endpoints rather than in the Mediator layer because they work through Identity's UserManager, which the Application
/// layer does not know; like the password change, each action and its audit entry are saved in one transaction, so the entry
/// joins the hash chain or nothing happens.
/// </summary>
public static class AccountAdministrationEndpoints
{
    public const string EntityType = SignInAudit.EntityType;
    private static readonly string[] Languages = ["zh-CN", "en"];

    public static IEndpointRouteBuilder MapAccountAdministration(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/accounts").WithTags("Administration")
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.Administrator)));

        admin.MapGet("/", async (ICurrentUser me, RectificationDbContext db, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(await ListAsync(db, me.UnitPath, null, clock, ct)));

        admin.MapPost("/", async (CreateAccountBody b, ICurrentUser me, RectificationDbContext db, UserManager<Account> accounts, IDatabaseErrors errors, TimeProvider clock, CancellationToken ct) =>
        {
            if (Invalid(b) is { } invalid)
            {
                return ResultMapping.ToProblem(invalid);
            }

            var unit = await db.Units.AsNoTracking().Where(u => u.Id == b.UnitId && u.Path.StartsWith(me.UnitPath)).FirstOrDefaultAsync(ct);
            if (unit is null)
            {
                return ResultMapping.ToProblem(Error.NotFound("Unit", b.UnitId!.Value));
            }

            var userName = b.UserName!.Trim();
            if (await db.Users.AnyAsync(u => u.UserName == userName, ct) || await accounts.FindByNameAsync(userName) is not null)
            {
                return ResultMapping.ToProblem(Error.Conflict("account.user-name-taken", ("userName", userName)));
            }

            var id = Guid.CreateVersion7();
            var account = new Account { Id = id, UserName = userName, Email = b.Email!.Trim() };
            // The password rules are checked before anything is written, so a refused password leaves no half-made user behind.
            if (await PasswordRefusal(accounts, account, b.Password!, "password") is { } refused)
            {
                return ResultMapping.ToProblem(refused);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var user = UserAccount.Create(id, userName, b.DisplayName!.Trim(), b.Email!.Trim(), b.Role!.Value, unit.Id, b.PreferredLanguage!);
            db.Users.Add(user);
            IdentityResult created;
            try
            {
                await db.SaveChangesAsync(ct);
                created = await accounts.CreateAsync(account, b.Password!);
            }
            catch (DbUpdateException e) when (errors.IsUniqueViolation(e))
            {
                // Another administrator created the same name between the check above and this insert.
                return ResultMapping.ToProblem(Error.Conflict("account.user-name-taken", ("userName", userName)));
            }

            if (!created.Succeeded)
            {
                // E.g. characters Identity does not allow in a user name; the transaction is rolled back with the domain user.
                return ResultMapping.ToProblem(Error.Validation(new Dictionary<string, string[]>
                {
                    [created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "userName"] = created.Errors.Select(e => e.Description).ToArray(),
                }));
            }

            Audit(db, me, clock, "Account.Create", id, new { userName, displayName = user.DisplayName, email = user.Email, role = user.Role.ToString(), unitId = unit.Id, language = user.PreferredLanguage });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var dto = (await ListAsync(db, me.UnitPath, id, clock, ct)).Single();
            return Results.Created($"/api/admin/accounts/{id}", dto);
        });

        admin.MapPost("/{id:guid}/unlock", (Guid id, ICurrentUser me, RectificationDbContext db, UserManager<Account> accounts, TimeProvider clock, CancellationToken ct) =>
            Act(id, me, db, accounts, clock, "Account.Unlock", async account =>
            {
                if (AccountStatus.IsDisabled(account))
                {
                    // Unlocking must not quietly undo a deliberate disabling; that is what enable is for.
                    return Error.Conflict("account.disabled");
                }

                await Check(accounts.SetLockoutEndDateAsync(account, null));
                await Check(accounts.ResetAccessFailedCountAsync(account));
                return null;
            }, ct));

        admin.MapPost("/{id:guid}/password", (Guid id, ResetPasswordBody b, ICurrentUser me, RectificationDbContext db, UserManager<Account> accounts, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(b.NewPassword) || b.NewPassword.Length > 256)
            {
                return Task.FromResult(ResultMapping.ToProblem(Error.Validation(new Dictionary<string, string[]> { ["newPassword"] = ["required, at most 256 characters"] })));
            }

            return Act(id, me, db, accounts, clock, "Account.ResetPassword", async account =>
            {
                if (await PasswordRefusal(accounts, account, b.NewPassword, "newPassword") is { } refused)
                {
                    return refused;
                }

                // Removing the password renews the security stamp, which ends every session and token issued before (as a change does).
                await Check(accounts.RemovePasswordAsync(account));
                await Check(accounts.AddPasswordAsync(account, b.NewPassword));
                return null;
            }, ct);
        });

        admin.MapPost("/{id:guid}/disable", (Guid id, ICurrentUser me, RectificationDbContext db, UserManager<Account> accounts, TimeProvider clock, CancellationToken ct) =>
            Act(id, me, db, accounts, clock, "Account.Disable", async account =>
            {
                if (account.Id == me.UserId)
                {
                    // The last administrator could otherwise shut everyone out, themselves included.
                    return Error.Conflict("account.cannot-disable-self");
                }

                await Check(accounts.SetLockoutEnabledAsync(account, true));
                await Check(accounts.SetLockoutEndDateAsync(account, AccountStatus.DisabledUntil));
                // A new stamp ends the sessions and tokens already out, not only new sign-ins.
                await Check(accounts.UpdateSecurityStampAsync(account));
                return null;
            }, ct));

        admin.MapPost("/{id:guid}/enable", (Guid id, ICurrentUser me, RectificationDbContext db, UserManager<Account> accounts, TimeProvider clock, CancellationToken ct) =>
            Act(id, me, db, accounts, clock, "Account.Enable", async account =>
            {
                await Check(accounts.SetLockoutEndDateAsync(account, null));
                await Check(accounts.ResetAccessFailedCountAsync(account));
                return null;
            }, ct));

        return app;
    }

    /// <summary>Finds the account within the caller's scope, applies the change and writes its audit entry in one transaction.</summary>
    private static async Task<IResult> Act(Guid id, ICurrentUser me, RectificationDbContext db, UserManager<Account> accounts, TimeProvider clock, string command,
        Func<Account, Task<Error?>> change, CancellationToken ct)
    {
        var inScope = await (from a in db.Accounts
                             join u in db.Users on a.Id equals u.Id
                             join unit in db.Units on u.UnitId equals unit.Id
                             where a.Id == id && unit.Path.StartsWith(me.UnitPath)
                             select a.Id).AnyAsync(ct);
        if (!inScope || await accounts.FindByIdAsync(id.ToString()) is not { } account)
        {
            return ResultMapping.ToProblem(Error.NotFound("Account", id));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await change(account) is { } refused)
        {
            return ResultMapping.ToProblem(refused);
        }

        Audit(db, me, clock, command, id, new { userName = account.UserName });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Results.Ok((await ListAsync(db, me.UnitPath, id, clock, ct)).Single());
    }

    /// <summary>The accounts whose users sit in the scope (a unit path prefix), with their last successful sign-in from the audit chain.</summary>
    private static async Task<List<AccountDto>> ListAsync(RectificationDbContext db, string scope, Guid? only, TimeProvider clock, CancellationToken ct)
    {
        var rows = from a in db.Accounts.AsNoTracking()
                   join u in db.Users.AsNoTracking() on a.Id equals u.Id
                   join unit in db.Units.AsNoTracking() on u.UnitId equals unit.Id
                   where unit.Path.StartsWith(scope) && (only == null || a.Id == only)
                   orderby unit.Path, u.UserName
                   select new { u.Id, u.UserName, u.DisplayName, u.Email, u.Role, u.UnitId, UnitName = unit.Name, u.PreferredLanguage, a.LockoutEnd };
        var list = await rows.ToListAsync(ct);
        var ids = list.Select(r => r.Id).ToList();
        // Sign-ins are audit entries already (SignInAudit); no column of their own is needed for the last one.
        var lastSignIns = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Command == SignInAudit.Command && e.Trigger == nameof(SignInOutcome.Succeeded) && ids.Contains(e.EntityId))
            .GroupBy(e => e.EntityId).Select(g => new { g.Key, At = g.Max(e => e.At) }).ToDictionaryAsync(g => g.Key, g => g.At, ct);
        var now = clock.GetUtcNow();
        // Lockout flags are worked out here rather than in SQL: SQLite cannot compare DateTimeOffset values.
        return list.Select(r => new AccountDto(r.Id, r.UserName, r.DisplayName, r.Email, r.Role, r.UnitId, r.UnitName, r.PreferredLanguage,
            AccountStatus.IsLockedOut(r.LockoutEnd, now), AccountStatus.IsLockedOut(r.LockoutEnd, now) ? r.LockoutEnd : null,
            AccountStatus.IsDisabled(r.LockoutEnd), lastSignIns.TryGetValue(r.Id, out var at) ? at : null)).ToList();
    }

    private static void Audit(RectificationDbContext db, ICurrentUser me, TimeProvider clock, string command, Guid accountId, object payload) =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, me.UserId, me.UserName, me.Role.ToString(), command, EntityType, accountId,
            null, null, null, "", "", JsonSerializer.Serialize(payload)));

    private static async Task<Error?> PasswordRefusal(UserManager<Account> accounts, Account account, string password, string field)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in accounts.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(accounts, account, password)).Errors);
        }

        return errors.Count == 0 ? null : new Error(ErrorKind.Validation, "account.password-rejected",
            new Dictionary<string, object?> { ["rules"] = string.Join(" ", errors.Select(e => e.Description)) })
        {
            FieldErrors = new Dictionary<string, string[]> { [field] = errors.Select(e => e.Code).ToArray() },
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

    private static Error? Invalid(CreateAccountBody b)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(b.UserName) || b.UserName.Trim().Length > 100)
        {
            fields["userName"] = ["required, at most 100 characters"];
        }

        if (string.IsNullOrWhiteSpace(b.DisplayName) || b.DisplayName.Trim().Length > 200)
        {
            fields["displayName"] = ["required, at most 200 characters"];
        }

        if (string.IsNullOrWhiteSpace(b.Email) || b.Email.Trim().Length > 320 || !b.Email.Contains('@', StringComparison.Ordinal))
        {
            fields["email"] = ["required, an e-mail address of at most 320 characters"];
        }

        if (b.Role is not { } role || !Enum.IsDefined(role) || role == Role.System)
        {
            // System is the scheduler's own identity, never a person's.
            fields["role"] = ["required, a role other than System"];
        }

        if (b.PreferredLanguage is null || !Languages.Contains(b.PreferredLanguage))
        {
            fields["preferredLanguage"] = ["required, zh-CN or en"];
        }

        if (b.UnitId is null)
        {
            fields["unitId"] = ["required"];
        }

        if (string.IsNullOrEmpty(b.Password) || b.Password.Length > 256)
        {
            fields["password"] = ["required, at most 256 characters"];
        }

        // The names shown to others are plain text like every command's; a password may hold any character.
        foreach (var (field, message) in PlainTextFields.Check(b with { Password = null }))
        {
            fields[field] = fields.TryGetValue(field, out var earlier) ? [.. earlier, message] : [message];
        }

        return fields.Count > 0 ? Error.Validation(fields) : null;
    }
}
