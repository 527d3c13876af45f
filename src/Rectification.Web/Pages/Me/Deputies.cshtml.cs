using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Localization;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Web.Pages.Admin;

namespace Rectification.Web.Pages.Me;

/// <summary>代理人: the signed-in user's deputies for absences not yet over, and the form naming one (the API's own <see cref="NameDeputy"/>).</summary>
public sealed class DeputiesModel(ISender sender, TimeProvider clock) : PageModel
{
    public MyDeputies Mine { get; private set; } = new([], []);
    public string? Refusal { get; private set; }
    public DeputyForm Form { get; private set; } = new(null, null, null, "");

    [BindProperty(SupportsGet = true, Name = "done")] public bool Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = OfficeTime.Today(clock);
        Form = new DeputyForm(null, today, today.AddDays(6), "");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? deputyUserId, DateOnly? from, DateOnly? to, string? reason, CancellationToken ct)
    {
        Form = new DeputyForm(deputyUserId, from, to, reason ?? "");
        if (deputyUserId is null) ModelState.AddModelError("deputyUserId", UiText.T("field-required"));
        if (from is null) ModelState.AddModelError("from", UiText.T("field-required"));
        if (to is null) ModelState.AddModelError("to", UiText.T("field-required"));
        var result = await sender.Send(new NameDeputy(deputyUserId ?? Guid.Empty, from ?? DateOnly.MinValue, to ?? from ?? DateOnly.MinValue, reason ?? ""), ct);
        if (result.IsSuccess && ModelState.IsValid)
        {
            return Redirect("/me/deputies?done=true");
        }

        if (result.Error is { } error)
        {
            AdminFields.Add(ModelState, error);
        }

        Refusal = result.Error is null || result.Error.Code == "validation.failed"
            ? UiText.T("admin-fix-fields")
            : Messages.Format(result.Error, System.Globalization.CultureInfo.CurrentUICulture);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = await sender.Send(new ListMyDeputies(), ct);
        Mine = mine.IsSuccess ? mine.Value : new MyDeputies([], []);
    }

    public sealed record DeputyForm(Guid? DeputyUserId, DateOnly? From, DateOnly? To, string Reason);
}
