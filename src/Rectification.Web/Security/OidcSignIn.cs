using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Administration.Accounts;

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
        var external = context.Principal!;
        var ct = context.HttpContext.RequestAborted;
        var recorded = await services.GetRequiredService<ISender>().Send(RecordSignIn.Externally(external.FindFirstValue("email"),
            external.FindFirstValue("preferred_username"), external.FindFirstValue("sub"), PasswordSignIn.RemoteAddress(context.HttpContext)), ct);
        if (!recorded.IsSuccess)
        {
            context.Fail($"The single sign-on attempt could not be recorded ({recorded.Error!.Code}).");
            return;
        }

        var attempt = recorded.Value;
        if (attempt.Outcome == SignInOutcome.UnknownExternalUser)
        {
            context.Fail("The single sign-on identity matches no user of this system (by e-mail or user name).");
            return;
        }

        if (attempt.SignedIn is not { } user)
        {
            context.Fail("The account of this single sign-on identity is disabled.");
            return;
        }

        context.Principal = await services.GetRequiredService<AccountPrincipals>().ForUserAsync(user, SecurityRegistration.CookieScheme, "oidc", ct);
    }
}
