using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Administration.Accounts;
using Rectification.Application.Localization;
using Rectification.Web.Pages.Admin;
using Rectification.Web.Security;

namespace Rectification.Web.Pages.Me;

/// <summary>
/// 修改密码: the signed-in user changes their own password through the API's own <see cref="ChangeOwnPassword"/>. The change ends
/// every older session, this one included, so the page signs out and asks for the new password at once.
/// </summary>
public sealed class PasswordModel(ISender sender) : PageModel
{
    public string? Refusal { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(currentPassword)) ModelState.AddModelError("currentPassword", UiText.T("field-required"));
        if (string.IsNullOrEmpty(newPassword)) ModelState.AddModelError("newPassword", UiText.T("field-required"));
        else if (newPassword != confirmPassword) ModelState.AddModelError("confirmPassword", UiText.T("pw-mismatch"));
        if (!ModelState.IsValid)
        {
            Refusal = UiText.T("admin-fix-fields");
            return Page();
        }

        var result = await sender.Send(new ChangeOwnPassword(currentPassword, newPassword), ct);
        if (result.IsSuccess)
        {
            await HttpContext.SignOutAsync(SecurityRegistration.CookieScheme);
            return Redirect("/account/sign-in?changed=true");
        }

        AdminFields.Add(ModelState, result.Error!);
        Refusal = Messages.Format(result.Error!, System.Globalization.CultureInfo.CurrentUICulture);
        return Page();
    }
}
