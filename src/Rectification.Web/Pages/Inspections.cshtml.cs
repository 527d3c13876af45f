using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Inspections;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Organization;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;

using Rectification.Web.Pages.Shared;

namespace Rectification.Web.Pages;

/// <summary>
/// The inspections in the user's scope, and for the inspection office the form that registers one. The form sends the API's own
/// <see cref="RegisterInspection"/>, so a refusal is the pipeline's, shown at its field, and nothing is saved.
/// </summary>
public sealed class InspectionsModel(ISender sender, ICurrentUser user) : PageModel
{
    public IReadOnlyList<InspectionDto> Inspections { get; private set; } = [];
    public IReadOnlyList<RoundDto> Rounds { get; private set; } = [];
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> RoundNames { get; private set; } = new Dictionary<Guid, string>();
    public string? Refusal { get; private set; }

    /// <summary>What was typed, shown again after a refusal.</summary>
    public RegisterForm Form { get; private set; } = new(null, null, InspectionKind.Regular, "", null, null);

    [BindProperty(SupportsGet = true, Name = "done")] public bool Done { get; set; }

    /// <summary>Only the office registers inspections; everybody else reads the list.</summary>
    public bool MayRegister => user.Role == Role.InspectionOffice;

    /// <summary>The round just created (after the redirect): named in the confirmation and chosen in the register form.</summary>
    [BindProperty(SupportsGet = true, Name = "round")] public Guid? NewRound { get; set; }

    /// <summary>What was typed into the round form, shown again after a refusal.</summary>
    public RoundForm RoundTyped { get; private set; } = new("", null, null, null);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (NewRound is { } round)
        {
            Form = Form with { RoundId = round };
        }

        await LoadAsync(ct);
    }

    /// <summary>A round (巡察轮次) is created before its inspections are registered in it.</summary>
    public async Task<IActionResult> OnPostRoundAsync(string? name, int? year, int? number, int? term, CancellationToken ct)
    {
        RoundTyped = new RoundForm(name ?? "", year, number, term);
        var result = await sender.Send(new CreateRound(name ?? "", year ?? 0, number ?? 0, term), ct);
        if (result.IsSuccess)
        {
            return Redirect($"/inspections?round={result.Value.Id}");
        }

        Refusal = ModelState.Show(result.Error!, "round-");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? roundId, Guid? unitId, InspectionKind? kind, string? groupName, DateOnly? startDate, DateOnly? endDate,
        CancellationToken ct)
    {
        Form = new RegisterForm(roundId, unitId, kind ?? InspectionKind.Regular, groupName ?? "", startDate, endDate);
        // A date left empty is named as missing rather than as the year 1 the binder would make of it.
        if (startDate is null) ModelState.AddModelError("startDate", UiText.T("field-required"));
        if (endDate is null) ModelState.AddModelError("endDate", UiText.T("field-required"));
        var command = new RegisterInspection(roundId ?? Guid.Empty, unitId ?? Guid.Empty, kind ?? InspectionKind.Regular, groupName ?? "",
            startDate ?? DateOnly.MinValue, endDate ?? startDate ?? DateOnly.MinValue);
        var result = await sender.Send(command, ct);
        if (result.IsSuccess && ModelState.IsValid)
        {
            return Redirect($"/inspections/{result.Value.Id}?done=Register");
        }

        if (result.Error is { } error)
        {
            Refusal = ModelState.Show(error);
        }
        else
        {
            Refusal = UiText.T("insp-refused");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var inspections = await sender.Send(new ListInspections(), ct);
        Inspections = inspections.IsSuccess ? inspections.Value.OrderByDescending(i => i.StartDate).ToList() : [];
        var units = await sender.Send(new ListUnits(), ct);
        Units = units.IsSuccess ? units.Value : [];
        UnitNames = Units.ToDictionary(u => u.Id, u => u.Name);
        var rounds = await sender.Send(new ListRounds(), ct);
        Rounds = rounds.IsSuccess ? rounds.Value.OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ToList() : [];
        RoundNames = Rounds.ToDictionary(r => r.Id, r => r.Name);
    }

    public sealed record RoundForm(string Name, int? Year, int? Number, int? Term);

    public sealed record RegisterForm(Guid? RoundId, Guid? UnitId, InspectionKind Kind, string GroupName, DateOnly? StartDate, DateOnly? EndDate);
}
