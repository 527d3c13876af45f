using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Rectification.Infrastructure.Identity;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Web.Security;

/// <summary>
/// Single sign-on through the organization's OpenID Connect provider. The provider proves who someone is; what they may do
/// comes from the domain user found by the e-mail claim, else by the preferred user name. Nobody is created on the fly: an
/// external identity without a domain user is refused (and audited like every other attempt).
/// </summary>
public static class OidcSignIn
{
    public static void Configure(OpenIdConnectOptions o, OidcSettings settings)
    {
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SaveTokens = false;
        o.MapInboundClaims = false;
        o.SignInScheme = SecurityRegistration.CookieScheme;
        o.CallbackPath = "/account/oidc-callback";
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" })
        {
            o.Scope.Add(scope);
        }

        o.Events.OnTokenValidated = MapToDomainUser;
        // A refusal (no matching user, a provider error, an expired attempt) goes back to the form with a message, not to a 500.
        o.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn))
                .LogWarning("Single sign-on failed: {Reason}", context.Failure?.Message);
            context.Response.Redirect(SecurityRegistration.SignInPath + "?error=sso");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    private static async Task MapToDomainUser(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<RectificationDbContext>();
        var audit = services.GetRequiredService<SignInAudit>();
        var external = context.Principal!;
        var email = external.FindFirstValue("email");
        var name = external.FindFirstValue("preferred_username");
        var ct = context.HttpContext.RequestAborted;

        var user = email is { Length: > 0 }
            ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct)
            : null;
        if (user is null && name is { Length: > 0 })
        {
            user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, ct);
        }

        // A disabled local account keeps its owner out of single sign-on too: the administrator's switch covers every way in.
        var disabled = user is not null && AccountStatus.IsDisabled(await db.Accounts.AsNoTracking().Where(a => a.Id == user.Id).Select(a => a.LockoutEnd).FirstOrDefaultAsync(ct));
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            audit.Add(email ?? name ?? external.FindFirstValue("sub") ?? "unknown", user, "oidc",
                user is null ? SignInOutcome.UnknownExternalUser : disabled ? SignInOutcome.Disabled : SignInOutcome.Succeeded);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        if (user is null)
        {
            context.Fail("The single sign-on identity matches no user of this system (by e-mail or user name).");
            return;
        }

        if (disabled)
        {
            context.Fail("The account of this single sign-on identity is disabled.");
            return;
        }

        context.Principal = await services.GetRequiredService<AccountPrincipals>().ForUserAsync(user, SecurityRegistration.CookieScheme, "oidc", ct);
    }
}
