using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Clues;
using Rectification.Application.Inspections;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Organization;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Web.Pages.Shared;

namespace Rectification.Web.Pages;

/// <summary>
/// One inspection: its problems, the form that adds a problem with its dossier, and the feedback (反馈) after which the feedback
/// letter and the unit's plan are linked. Both forms send the API's own commands (<see cref="RegisterProblem"/>,
/// <see cref="FeedBackInspection"/>); a refusal is shown at its field or above the forms, and nothing changes.
/// </summary>
public sealed class InspectionModel(ISender sender, ICurrentUser user, ILifecycleCatalog lifecycles, IVisibilityCatalog visibility) : PageModel
{
    public InspectionDto? Inspection { get; private set; }
    public string UnitName { get; private set; } = "";
    public string RoundName { get; private set; } = "";
    public IReadOnlyList<ProblemSummary> Problems { get; private set; } = [];

    /// <summary>The unit's plan once the inspection is fed back, or null.</summary>
    public Guid? PlanId { get; private set; }

    public string? Refusal { get; private set; }

    /// <summary>What was typed into the problem form, shown again after a refusal.</summary>
    public ProblemForm Form { get; private set; } = new("", "", "", Severity.General, "", "", "", false);

    /// <summary>What was typed into the clue handover form, shown again after a refusal.</summary>
    public ClueForm ClueInput { get; private set; } = new("", SheetColour.Red, [], "");

    /// <summary>The clue sheets handed over from this inspection, for the roles that may see them (never the unit's).</summary>
    public IReadOnlyList<ClueDto> Clues { get; private set; } = [];

    public bool SeesClues => ClueAccess.SeesSheets(visibility, user.Role);

    /// <summary>The step that was just taken (after the redirect): <c>Register</c>, <c>RegisterProblem</c> or <c>FeedBack</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    /// <summary>The office and the groups find problems and feed them back; the other roles read.</summary>
    public bool MayRecord => user.Role is Role.InspectionOffice or Role.InspectionGroup;

    /// <summary>Feedback takes every problem still only registered.</summary>
    public bool MayFeedBack => MayRecord && Problems.Any(p => p.State == ProblemStates.Registered);

    public string StateLabel(string state) =>
        lifecycles.Current(Problem.Lifecycle).States.TryGetValue(state, out var label) ? UiText.L(label) : state;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProblemAsync(Guid id, string? title, string? description, string? category, Severity? severity,
        string? facts, string? basis, string? processRecord, bool raisedDuringInspection, CancellationToken ct)
    {
        Form = new ProblemForm(title ?? "", description ?? "", category ?? "", severity ?? Severity.General, facts ?? "", basis ?? "", processRecord ?? "",
            raisedDuringInspection);
        var command = new RegisterProblem(id, Form.Title, Form.Description, Form.Category, Form.Severity, Form.Facts, Form.Basis, Form.ProcessRecord,
            raisedDuringInspection);
        return await StepAsync(id, "RegisterProblem", await sender.Send(command, ct), ct);
    }

    /// <summary>Hands a clue over on a coloured sheet (<see cref="HandOverClue"/>); the new sheet's page follows.</summary>
    public async Task<IActionResult> OnPostHandOverClueAsync(Guid id, string? summary, SheetColour? colour, List<Guid>? problemIds, string? code,
        CancellationToken ct)
    {
        ClueInput = new ClueForm(summary ?? "", colour ?? SheetColour.Red, problemIds ?? [], code ?? "");
        if (colour is null)
        {
            ModelState.AddModelError("colour", UiText.T("field-required"));
            Refusal = UiText.T("clue-refused");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var result = await sender.Send(new HandOverClue(id, ClueInput.Summary, ClueInput.Colour, ClueInput.ProblemIds, string.IsNullOrWhiteSpace(code) ? null : code.Trim()), ct);
        return result.IsSuccess ? Redirect(PageLinks.Clue(result.Value.Id) + "?done=HandOver") : await StepAsync(id, "HandOverClue", result, ct);
    }

    public async Task<IActionResult> OnPostFeedBackAsync(Guid id, CancellationToken ct) =>
        await StepAsync(id, "FeedBack", await sender.Send(new FeedBackInspection(id), ct), ct);

    private async Task<IActionResult> StepAsync<T>(Guid id, string step, Result<T> result, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            return Redirect($"/inspections/{id}?done={step}");
        }

        var error = result.Error!;
        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Refusal = ModelState.Show(error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var inspection = await sender.Send(new GetInspection(id), ct);
        if (!inspection.IsSuccess)
        {
            return false;
        }

        Inspection = inspection.Value;
        var units = await sender.Send(new ListUnits(), ct);
        UnitName = units.IsSuccess ? units.Value.FirstOrDefault(u => u.Id == Inspection.UnitId)?.Name ?? "" : "";
        var rounds = await sender.Send(new ListRounds(), ct);
        RoundName = rounds.IsSuccess ? rounds.Value.FirstOrDefault(r => r.Id == Inspection.RoundId)?.Name ?? "" : "";
        var problems = await sender.Send(new ListProblems(InspectionId: id, PageSize: 500), ct);
        Problems = problems.IsSuccess ? problems.Value.Items.OrderBy(p => p.Code, StringComparer.Ordinal).ToList() : [];
        if (Inspection.FedBackAt is not null)
        {
            var plan = await sender.Send(new GetPlanOfInspection(id), ct);
            PlanId = plan.IsSuccess ? plan.Value.Id : null;
        }

        if (SeesClues)
        {
            var clues = await sender.Send(new ListClues(InspectionId: id), ct);
            Clues = clues.IsSuccess ? clues.Value : [];
        }

        return true;
    }

    public sealed record ClueForm(string Summary, SheetColour Colour, IReadOnlyList<Guid> ProblemIds, string Code);

    public sealed record ProblemForm(string Title, string Description, string Category, Severity Severity, string Facts, string Basis, string ProcessRecord,
        bool RaisedDuringInspection);
}
