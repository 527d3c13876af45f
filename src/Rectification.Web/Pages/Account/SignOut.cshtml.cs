using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Web.Security;

namespace Rectification.Web.Pages.Account;

/// <summary>Sign-out is a POST with the anti-forgery token, so another site cannot sign a user out by a link.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(SecurityRegistration.CookieScheme);
        return Redirect(SecurityRegistration.SignInPath);
    }
}
