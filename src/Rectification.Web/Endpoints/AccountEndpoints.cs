using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rectification.Application.Abstractions;
using Rectification.Domain.Auditing;
using Rectification.Domain.Common;
using Rectification.Infrastructure.Identity;
using Rectification.Infrastructure.Persistence;
using Rectification.Web.Http;
using Rectification.Web.Security;

namespace Rectification.Web.Endpoints;

public sealed record Credentials(string? UserName, string? Password);

public sealed record AntiforgeryToken(string HeaderName, string Token);

public sealed record ChangePasswordBody(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Sign-in for the API (a bearer token) and for browsers (the cookie), sign-out, and changing one's own password. The two
/// sign-in endpoints are the only API endpoints open to anonymous callers; HostHardening gives them a stricter rate limit.
/// </summary>
public static class AccountEndpoints
{
    public const string TokenPath = "/api/account/token";
    public const string SignInPath = "/api/account/sign-in";

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account").RequireAuthorization();

        account.MapPost("/token", async (Credentials c, PasswordSignIn signIn, AccessTokens tokens, AccountPrincipals principals, IOptions<IdentityOptions> identity, CancellationToken ct) =>
        {
            if (Invalid(c) is { } invalid)
            {
                return invalid;
            }

            var attempt = await signIn.CheckAsync(c.UserName!, c.Password!, "token", ct);
            if (attempt.User is not { } user)
            {
                return Refused(attempt.Outcome, identity);
            }

            var principal = await principals.ForUserAsync(user, "token", "password", ct);
            return Results.Ok(tokens.Issue(user, principal.FindFirst(AccountPrincipals.StampClaim)?.Value));
        }).AllowAnonymous();

        account.MapPost("/sign-in", async (Credentials c, PasswordSignIn signIn, AccountPrincipals principals, IOptions<IdentityOptions> identity, HttpContext http, CancellationToken ct) =>
        {
            if (Invalid(c) is { } invalid)
            {
                return invalid;
            }

            var attempt = await signIn.CheckAsync(c.UserName!, c.Password!, "cookie", ct);
            if (attempt.User is not { } user)
            {
                return Refused(attempt.Outcome, identity);
            }

            await http.SignInAsync(SecurityRegistration.CookieScheme, await principals.ForUserAsync(user, SecurityRegistration.CookieScheme, "password", ct));
            return Results.NoContent();
        }).AllowAnonymous();

        // A script signed in with the cookie asks here for the token its state-changing calls must carry (CrossSiteRequests).
        account.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Ok(new AntiforgeryToken(tokens.HeaderName ?? CrossSiteRequests.HeaderName, tokens.RequestToken!));
        });

        account.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(SecurityRegistration.CookieScheme);
            return Results.NoContent();
        });

        account.MapPost("/password", async (ChangePasswordBody b, ICurrentUser user, UserManager<Account> accounts, RectificationDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var fields = new Dictionary<string, string[]>();
            if (string.IsNullOrEmpty(b.CurrentPassword) || b.CurrentPassword.Length > 256)
            {
                fields["currentPassword"] = ["required, at most 256 characters"];
            }

            if (string.IsNullOrEmpty(b.NewPassword) || b.NewPassword.Length > 256)
            {
                fields["newPassword"] = ["required, at most 256 characters"];
            }

            if (fields.Count > 0)
            {
                return ResultMapping.ToProblem(Error.Validation(fields));
            }

            var account = user.UserId is { } id ? await accounts.FindByIdAsync(id.ToString()) : null;
            if (account is null || !await accounts.HasPasswordAsync(account))
            {
                return ResultMapping.ToProblem(Error.Conflict("account.no-password"));
            }

            if (!await accounts.CheckPasswordAsync(account, b.CurrentPassword!))
            {
                return ResultMapping.ToProblem(new Error(ErrorKind.Validation, "account.password-mismatch", new Dictionary<string, object?>())
                {
                    FieldErrors = new Dictionary<string, string[]> { ["currentPassword"] = ["wrong password"] },
                });
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var changed = await accounts.ChangePasswordAsync(account, b.CurrentPassword!, b.NewPassword!);
            if (!changed.Succeeded)
            {
                return ResultMapping.ToProblem(new Error(ErrorKind.Validation, "account.password-rejected",
                    new Dictionary<string, object?> { ["rules"] = string.Join(" ", changed.Errors.Select(e => e.Description)) })
                {
                    FieldErrors = new Dictionary<string, string[]> { ["newPassword"] = changed.Errors.Select(e => e.Code).ToArray() },
                });
            }

            db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, user.UserId, user.UserName, user.Role.ToString(), "Account.ChangePassword",
                SignInAudit.EntityType, account.Id, null, null, null, "", "", "{}"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Results.NoContent();
        });

        return app;
    }

    private static IResult? Invalid(Credentials c)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(c.UserName) || c.UserName.Length > 100)
        {
            fields["userName"] = ["required, at most 100 characters"];
        }

        if (string.IsNullOrEmpty(c.Password) || c.Password.Length > 256)
        {
            fields["password"] = ["required, at most 256 characters"];
        }

        return fields.Count > 0 ? ResultMapping.ToProblem(Error.Validation(fields)) : null;
    }

    /// <summary>
    /// A wrong name and a wrong password answer alike; only a locked account says so, with how long it stays locked, and a disabled
    /// one, so that its owner knows to ask an administrator rather than wait.
    /// </summary>
    public static IResult Refused(SignInOutcome outcome, IOptions<IdentityOptions> identity) => outcome switch
    {
        SignInOutcome.LockedOut => ResultMapping.ToProblem(Error.Forbidden("account.locked-out",
            ("minutes", ((int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes)).ToString(CultureInfo.InvariantCulture))), StatusCodes.Status401Unauthorized),
        SignInOutcome.Disabled => ResultMapping.ToProblem(Error.Forbidden("account.disabled"), StatusCodes.Status401Unauthorized),
        _ => ResultMapping.ToProblem(Error.Forbidden("account.sign-in-failed"), StatusCodes.Status401Unauthorized),
    };
}
