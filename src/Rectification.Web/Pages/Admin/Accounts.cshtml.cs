using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Administration.Accounts;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Organization;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Web.Pages.Admin;

/// <summary>
/// 账号管理: the accounts of the users in the administrator's unit and below, found by text, and the administrator's steps on them
/// (create, unlock, reset the password, disable after a confirmation, enable), each the API's own command, so the scope, the
/// password rules and the audit are the pipeline's. Anyone else gets the 403 page (the query's own refusal).
/// </summary>
public sealed class AccountsModel(ISender sender, ICurrentUser user) : PageModel
{
    public static readonly string[] Languages = ["zh-CN", "en"];

    /// <summary>The roles a person may be given (System is the scheduler's own).</summary>
    public static IEnumerable<Role> Roles => Enum.GetValues<Role>().Where(r => r != Role.System);

    public IReadOnlyList<AccountDto> Accounts { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public string? Refusal { get; private set; }
    public CreateForm Form { get; private set; } = new(null, null, null, null, "zh-CN", null);

    /// <summary>The account whose password form was refused, so it is opened again with its error.</summary>
    public Guid? ResetRefused { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    [BindProperty(SupportsGet = true, Name = "confirm")] public Guid? Confirm { get; set; }

    public Guid? Self => user.UserId;

    public AccountDto? Confirming => Confirm is { } id ? Accounts.FirstOrDefault(a => a.Id == id) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public async Task<IActionResult> OnPostCreateAsync(string? userName, string? displayName, Role? role, string? email, string? preferredLanguage, Guid? unitId,
        string? password, CancellationToken ct)
    {
        Form = new CreateForm(userName, displayName, role, email, preferredLanguage ?? "zh-CN", unitId);
        // Left empty: named here in the page's words (the command's own rule texts are written for the API).
        foreach (var (key, value) in new[] { ("userName", userName), ("displayName", displayName), ("email", email), ("password", password) })
        {
            if (string.IsNullOrWhiteSpace(value)) ModelState.AddModelError(key, UiText.T("field-required"));
        }

        if (role is null) ModelState.AddModelError("role", UiText.T("field-required"));
        if (unitId is null) ModelState.AddModelError("unitId", UiText.T("field-required"));
        var result = await sender.Send(new CreateAccount(userName, displayName, role, email, preferredLanguage, unitId, password), ct);
        if (result.IsSuccess && ModelState.IsValid)
        {
            return Redirect("/admin/accounts?done=Create&q=" + Uri.EscapeDataString(userName!.Trim()));
        }

        return await RefusedAsync(result.Error, "", ct);
    }

    public Task<IActionResult> OnPostUnlockAsync(Guid accountId, CancellationToken ct) => StepAsync("Unlock", new UnlockAccount(accountId), ct);

    public Task<IActionResult> OnPostDisableAsync(Guid accountId, CancellationToken ct) => StepAsync("Disable", new DisableAccount(accountId), ct);

    public Task<IActionResult> OnPostEnableAsync(Guid accountId, CancellationToken ct) => StepAsync("Enable", new EnableAccount(accountId), ct);

    public async Task<IActionResult> OnPostResetAsync(Guid accountId, string? newPassword, CancellationToken ct)
    {
        var prefix = $"reset-{accountId}-";
        if (string.IsNullOrEmpty(newPassword)) ModelState.AddModelError(prefix + "newPassword", UiText.T("field-required"));
        var result = await sender.Send(new ResetAccountPassword(accountId, newPassword ?? ""), ct);
        if (result.IsSuccess && ModelState.IsValid)
        {
            return Redirect(Back("Reset"));
        }

        ResetRefused = accountId;
        return await RefusedAsync(result.Error, prefix, ct);
    }

    private async Task<IActionResult> StepAsync(string done, IAppCommand<Guid> command, CancellationToken ct)
    {
        var result = await sender.Send(command, ct);
        return result.IsSuccess ? Redirect(Back(done)) : await RefusedAsync(result.Error, "", ct);
    }

    private string Back(string done) => "/admin/accounts?done=" + done + (string.IsNullOrWhiteSpace(Query) ? "" : "&q=" + Uri.EscapeDataString(Query));

    private async Task<IActionResult> RefusedAsync(Error? error, string prefix, CancellationToken ct)
    {
        if (error?.Kind == ErrorKind.Forbidden)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (error is not null)
        {
            AdminFields.Add(ModelState, error, prefix);
        }

        Refusal = error is null || error.Code == "validation.failed" ? UiText.T("admin-fix-fields") : Messages.Format(error, System.Globalization.CultureInfo.CurrentUICulture);
        Done = null;
        Confirm = null;
        return await LoadAsync(ct) ? Page() : StatusCode(StatusCodes.Status403Forbidden);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var accounts = await sender.Send(new ListAccounts(), ct);
        if (!accounts.IsSuccess)
        {
            return false;
        }

        Total = accounts.Value.Count;
        var q = Query?.Trim();
        Accounts = string.IsNullOrEmpty(q)
            ? accounts.Value
            : accounts.Value.Where(a => new[] { a.UserName, a.DisplayName, a.UnitName, a.Email }.Any(t => t.Contains(q, StringComparison.OrdinalIgnoreCase))).ToList();
        var units = await sender.Send(new ListUnits(), ct);
        Units = units.IsSuccess ? units.Value.Where(u => u.Active).ToList() : [];
        return true;
    }

    public sealed record CreateForm(string? UserName, string? DisplayName, Role? Role, string? Email, string PreferredLanguage, Guid? UnitId);
}
