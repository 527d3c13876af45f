using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Rectification.Application.Localization;
using Rectification.Web.Endpoints;
using Rectification.Web.Security;

namespace Rectification.Web.Pages.Account;

/// <summary>The sign-in form: the same password check, lockout and audit as the API (channel "form"); anti-forgery is on by default for page posts.</summary>
public sealed class SignInModel(PasswordSignIn signIn, SignInThrottle throttle, AccountPrincipals principals, AuthenticationSettings settings, IOptions<IdentityOptions> identity) : PageModel
{
    public string? Error { get; private set; }
    public string? UserName { get; private set; }
    public string? ReturnUrl { get; private set; }
    public string? SingleSignOn => settings.Oidc?.DisplayName;

    public void OnGet(string? returnUrl, string? error)
    {
        ReturnUrl = Local(returnUrl);
        Error = error == "sso" ? UiText.T("sso-failed") : null;
    }

    public IActionResult OnGetSso(string? returnUrl) => settings.Oidc is null
        ? NotFound()
        : Challenge(new AuthenticationProperties { RedirectUri = Local(returnUrl) }, SecurityRegistration.OidcScheme);

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = Local(returnUrl);
        UserName = userName;
        if (string.IsNullOrWhiteSpace(userName) || userName.Length > 100 || string.IsNullOrEmpty(password) || password.Length > 256)
        {
            Error = Refusal();
            return Page();
        }

        if (throttle.Refusal(userName) is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = SignInThrottle.RetryAfterSeconds(wait);
            Error = Messages.Format("request.rate-limited", new Dictionary<string, object?>(), CultureInfo.CurrentUICulture);
            return Page();
        }

        var attempt = await signIn.CheckAsync(userName, password, "form", ct);
        if (attempt.User is { } user)
        {
            await HttpContext.SignInAsync(SecurityRegistration.CookieScheme, await principals.ForUserAsync(user, SecurityRegistration.CookieScheme, "password", ct));
            return LocalRedirect(ReturnUrl);
        }

        // The same words for every cause, as the API answers (AccountEndpoints.Refused).
        Error = Refusal();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    private string Refusal() => Messages.Format(AccountEndpoints.SignInRefusedCode,
        new Dictionary<string, object?> { ["minutes"] = AccountEndpoints.LockoutMinutes(identity) }, CultureInfo.CurrentUICulture);

    /// <summary>Only a path of this site: an open redirect would make the sign-in page a phishing relay.</summary>
    private string Local(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
