using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Rectification.Infrastructure.Identity;

namespace Rectification.Web.Security;

/// <summary>
/// Local accounts (ASP.NET Core Identity: hashed passwords, lockout, password rules from configuration), a cookie for the web
/// pages, bearer tokens for the API, and optionally an organization's OpenID Connect single sign-on. One policy scheme picks
/// the right one per request.
/// </summary>
public static class SecurityRegistration
{
    /// <summary>The default scheme: a bearer token when one is sent, else the cookie (pages) or the bearer challenge (API).</summary>
    public const string PolicyScheme = "Rectification";
    public const string CookieScheme = "Identity.Application";
    public const string OidcScheme = "Oidc";
    public const string SignInPath = "/account/sign-in";

    /// <summary>How far the clocks of the issuer and of this host may disagree about a token's lifetime.</summary>
    public static readonly TimeSpan TokenClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = AuthenticationSettings.Read(configuration, environment);
        services.AddSingleton(settings);

        // Local accounts (Identity over the application's DbContext) are Infrastructure's; the schemes that use them are the host's.
        services.AddAccounts(configuration);
        services.AddScoped<AccountPrincipals>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AccessTokens>();

        var authentication = services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = SelectScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "rectification.auth";
                o.Cookie.HttpOnly = true;
                // Strict: no other site can make the browser send it, which also keeps the cookie-authenticated API out of reach of CSRF.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = SignInPath;
                o.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                o.Events.OnValidatePrincipal = EndIfPasswordChanged;
                o.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
            })
            .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = AccessTokens.Key(settings),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                };
                o.Events = new JwtBearerEvents { OnTokenValidated = ReplaceWithDomainPrincipal };
            });
        // The token lifetime is judged by the application's clock (which tests and demonstrations may move), not the machine's,
        // with at most TokenClockSkew of tolerance (the library's default is five minutes).
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, clock) =>
        {
            o.TimeProvider = clock;
            o.TokenValidationParameters.ClockSkew = TokenClockSkew;
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } e && now < e.ToUniversalTime() + TokenClockSkew && (notBefore is not { } n || now >= n.ToUniversalTime() - TokenClockSkew);
            };
        });

        if (settings.Oidc is { } oidc)
        {
            authentication.AddOpenIdConnect(OidcScheme, oidc.DisplayName, o => OidcSignIn.Configure(o, oidc));
        }

        services.AddAuthorization();
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        // An API call without a cookie is challenged the API's way (401 with WWW-Authenticate: Bearer), a page the browser's way.
        var api = context.Request.Path.StartsWithSegments(HostHardening.ApiPrefix, StringComparison.OrdinalIgnoreCase);
        return api && !context.Request.Cookies.ContainsKey("rectification.auth") ? JwtBearerDefaults.AuthenticationScheme : CookieScheme;
    }

    private static async Task ReplaceWithDomainPrincipal(Microsoft.AspNetCore.Authentication.JwtBearer.TokenValidatedContext context)
    {
        var principals = context.HttpContext.RequestServices.GetRequiredService<AccountPrincipals>();
        var ct = context.HttpContext.RequestAborted;
        // Every token this system issues carries the account's security stamp; one without it was not issued here (or by an older
        // release) and could not be ended by a password change, so it is refused rather than taken as "nothing to check".
        var stamp = context.Principal!.FindFirst(AccountPrincipals.StampClaim)?.Value is { Length: > 0 } s ? s : null;
        var principal = stamp is not null && AccessTokens.UserId(context.Principal!) is { } id && await principals.IsCurrentAsync(id, stamp, ct)
            ? await principals.ForUserAsync(id, JwtBearerDefaults.AuthenticationScheme, "token", ct)
            : null;
        if (principal is null)
        {
            context.Fail("The token carries no security stamp, names no user of this system, or the password changed since it was issued.");
            return;
        }

        context.Principal = principal;
    }

    private static async Task EndIfPasswordChanged(CookieValidatePrincipalContext context)
    {
        var principals = context.HttpContext.RequestServices.GetRequiredService<AccountPrincipals>();
        var stamp = context.Principal?.FindFirst(AccountPrincipals.StampClaim)?.Value;
        if (context.Principal is null || AccessTokens.UserId(context.Principal) is not { } id || !await principals.IsCurrentAsync(id, stamp, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    /// <summary>The API answers 401/403 (a ProblemDetails follows); a page goes to the sign-in form.</summary>
    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(HostHardening.ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
