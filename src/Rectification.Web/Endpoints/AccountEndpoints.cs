using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rectification.Application.Administration.Accounts;
using Rectification.Domain.Common;
using Rectification.Infrastructure.Identity;
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

        account.MapPost("/token", async (Credentials c, PasswordSignIn signIn, SignInThrottle throttle, AccessTokens tokens, AccountPrincipals principals, IOptions<IdentityOptions> identity, HttpContext http, CancellationToken ct) =>
        {
            if (Invalid(c) is { } invalid)
            {
                return invalid;
            }

            if (throttle.Refusal(c.UserName!) is { } wait)
            {
                await HostHardening.RateLimited(http, wait);
                return Results.Empty;
            }

            var attempt = await signIn.CheckAsync(c.UserName!, c.Password!, "token", ct);
            if (attempt.User is not { } user)
            {
                return Refused(identity);
            }

            var principal = await principals.ForUserAsync(user, "token", "password", ct);
            return Results.Ok(tokens.Issue(user, principal.FindFirst(AccountPrincipals.StampClaim)?.Value));
        }).AllowAnonymous();

        account.MapPost("/sign-in", async (Credentials c, PasswordSignIn signIn, SignInThrottle throttle, AccountPrincipals principals, IOptions<IdentityOptions> identity, HttpContext http, CancellationToken ct) =>
        {
            if (Invalid(c) is { } invalid)
            {
                return invalid;
            }

            if (throttle.Refusal(c.UserName!) is { } wait)
            {
                await HostHardening.RateLimited(http, wait);
                return Results.Empty;
            }

            var attempt = await signIn.CheckAsync(c.UserName!, c.Password!, "cookie", ct);
            if (attempt.User is not { } user)
            {
                return Refused(identity);
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

        account.MapPost("/password", async (ChangePasswordBody b, ISender sender, CancellationToken ct) =>
            (await sender.Send(new ChangeOwnPassword(b.CurrentPassword, b.NewPassword), ct)).ToHttp(_ => Results.NoContent()));

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
    /// Every refusal answers alike, byte for byte: an unknown name, a wrong password, a locked and a disabled account. Telling
    /// "locked" or "disabled" would confirm that the account exists to whoever guesses names; the one text names every cause,
    /// so the account's owner still learns to wait or to ask an administrator. The audit entry keeps the true outcome.
    /// </summary>
    public static IResult Refused(IOptions<IdentityOptions> identity) =>
        ResultMapping.ToProblem(Error.Forbidden(SignInRefusedCode, ("minutes", LockoutMinutes(identity))), StatusCodes.Status401Unauthorized);

    public const string SignInRefusedCode = "account.sign-in-failed";

    public static string LockoutMinutes(IOptions<IdentityOptions> identity) =>
        ((int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
}
