using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Administration.Accounts;
using Rectification.Application.Messaging;
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
/// a password, disable and enable. Each change is an ordinary command (Application/Administration/Accounts), so validation,
/// scope (another unit's account answers exactly like a missing one, 404), the transaction and the audit entry are the
/// pipeline's; these endpoints only translate HTTP and answer with the account as it now is.
/// </summary>
public static class AccountAdministrationEndpoints
{
    public const string EntityType = SignInAudit.EntityType;

    public static IEndpointRouteBuilder MapAccountAdministration(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/accounts").WithTags("Administration")
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.Administrator)));

        admin.MapGet("/", async (ICurrentUser me, RectificationDbContext db, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(await ListAsync(db, me.UnitPath, null, clock, ct)));

        admin.MapPost("/", async (CreateAccountBody b, ISender sender, ICurrentUser me, RectificationDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var created = await sender.Send(new CreateAccount(b.UserName, b.DisplayName, b.Role, b.Email, b.PreferredLanguage, b.UnitId, b.Password), ct);
            return created.IsSuccess
                ? Results.Created($"/api/admin/accounts/{created.Value}", (await ListAsync(db, me.UnitPath, created.Value, clock, ct)).Single())
                : ResultMapping.ToProblem(created.Error!);
        });

        admin.MapPost("/{id:guid}/unlock", (Guid id, ISender sender, ICurrentUser me, RectificationDbContext db, TimeProvider clock, CancellationToken ct) =>
            Act(new UnlockAccount(id), sender, me, db, clock, ct));

        admin.MapPost("/{id:guid}/password", (Guid id, ResetPasswordBody b, ISender sender, ICurrentUser me, RectificationDbContext db, TimeProvider clock, CancellationToken ct) =>
            Act(new ResetAccountPassword(id, b.NewPassword), sender, me, db, clock, ct));

        admin.MapPost("/{id:guid}/disable", (Guid id, ISender sender, ICurrentUser me, RectificationDbContext db, TimeProvider clock, CancellationToken ct) =>
            Act(new DisableAccount(id), sender, me, db, clock, ct));

        admin.MapPost("/{id:guid}/enable", (Guid id, ISender sender, ICurrentUser me, RectificationDbContext db, TimeProvider clock, CancellationToken ct) =>
            Act(new EnableAccount(id), sender, me, db, clock, ct));

        return app;
    }

    /// <summary>Sends the command and answers with the account it changed, or with the pipeline's refusal.</summary>
    private static async Task<IResult> Act(IAppCommand<Guid> command, ISender sender, ICurrentUser me, RectificationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var changed = await sender.Send(command, ct);
        return changed.IsSuccess ? Results.Ok((await ListAsync(db, me.UnitPath, changed.Value, clock, ct)).Single()) : ResultMapping.ToProblem(changed.Error!);
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
}
