using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;

namespace Rectification.Web.Security;

/// <summary>
/// Cross-site request forgery: a browser attaches the sign-in cookie to whatever another site makes it send, so every
/// state-changing request the cookie authenticates must come from this site (<c>Sec-Fetch-Site</c> and <c>Origin</c>, when the
/// browser sends them) and carry the antiforgery token, in the <c>RequestVerificationToken</c> header (the API, scripts) or the
/// form field (the pages' forms). A bearer token is never sent by a browser on its own, so bearer calls are not checked. The
/// cookie sign-in itself is checked for its origin, so another site cannot sign a visitor in to an account of its choosing.
/// </summary>
/// <remarks>
/// A page reads the token from <c>&lt;meta name="request-verification-token"&gt;</c> in the layout; a script signed in through
/// <c>POST /api/account/sign-in</c> reads it from <c>GET /api/account/antiforgery</c>. <c>CrossSite:AllowedOrigins</c> lists
/// further origins (e.g. the public address in front of a proxy that does not forward the host).
/// </remarks>
public static class CrossSiteRequests
{
    public const string HeaderName = "RequestVerificationToken";
    public const string FormField = "__RequestVerificationToken";
    public const string CookieName = "rectification.antiforgery";

    public static IServiceCollection AddCrossSiteRequestProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAntiforgery(o =>
        {
            o.HeaderName = HeaderName;
            o.FormFieldName = FormField;
            o.Cookie.Name = CookieName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton(new AllowedOrigins(configuration.GetSection("CrossSite:AllowedOrigins").Get<string[]>() ?? []));
        return services;
    }

    /// <summary>Call after authentication (only a cookie-authenticated request is checked) and before the endpoints.</summary>
    public static IApplicationBuilder UseCrossSiteRequestProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Refusal(context) is { } refusal)
        {
            await refusal(context);
            return;
        }

        await next(context);
    }).Use(async (context, next) =>
    {
        if (!IsSafe(context.Request.Method) && IsCookieAuthenticated(context.User) && !await HasValidToken(context))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CrossSiteRequests))
                .LogWarning("Refused a cookie-authenticated {Method} {Path} without a valid antiforgery token", context.Request.Method, context.Request.Path);
            await HostHardening.WriteProblem(context, StatusCodes.Status400BadRequest, "request.antiforgery-token-invalid", ("缺少防伪令牌", "Antiforgery token missing"));
            return;
        }

        await next(context);
    });

    public static bool IsCookieAuthenticated(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == SecurityRegistration.CookieScheme);

    private static Func<HttpContext, Task>? Refusal(HttpContext context)
    {
        var request = context.Request;
        if (IsSafe(request.Method))
        {
            return null;
        }

        var cookieSignIn = HttpMethods.IsPost(request.Method) && HostHardening.CookieSignInPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
        if (!cookieSignIn && !IsCookieAuthenticated(context.User))
        {
            return null;
        }

        if (ForeignSource(context) is not { } source)
        {
            return null;
        }

        return c =>
        {
            c.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CrossSiteRequests))
                .LogWarning("Refused a cross-site {Method} {Path} from {Source}", request.Method, request.Path, source);
            return HostHardening.WriteProblem(c, StatusCodes.Status403Forbidden, "request.cross-site", ("拒绝跨站请求", "Cross-site request refused"));
        };
    }

    /// <summary>What gave the request away as sent by another site, or null when nothing did.</summary>
    private static string? ForeignSource(HttpContext context)
    {
        var headers = context.Request.Headers;
        // Sent by every current browser, and it decides: under this site's Referrer-Policy (no-referrer) Chromium sends
        // "Origin: null" even for its own form posts. "same-site" is a sibling subdomain, which is another site here.
        var fetchSite = headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite.Equals("same-origin", StringComparison.OrdinalIgnoreCase) || fetchSite.Equals("none", StringComparison.OrdinalIgnoreCase)
                ? null
                : "Sec-Fetch-Site: " + fetchSite;
        }

        var origin = headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        var request = context.Request;
        var own = request.Scheme + "://" + request.Host.ToUriComponent();
        if (origin.Equals(own, StringComparison.OrdinalIgnoreCase) || context.RequestServices.GetRequiredService<AllowedOrigins>().Contains(origin))
        {
            return null;
        }

        return "Origin: " + origin;
    }

    private static async Task<bool> HasValidToken(HttpContext context)
    {
        // The API takes the token in the header only: looking for the form field would read a whole upload into memory.
        if (context.Request.Path.StartsWithSegments(HostHardening.ApiPrefix, StringComparison.OrdinalIgnoreCase) && !context.Request.Headers.ContainsKey(HeaderName))
        {
            return false;
        }

        return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    internal sealed class AllowedOrigins(string[] origins)
    {
        private readonly HashSet<string> set = new(origins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

        public bool Contains(string origin) => set.Contains(origin);
    }
}
