using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Inspections;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Organization;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Web.Pages;

/// <summary>
/// The plan editor (整改方案) and its screening (过筛式审核): the unit fills one ledger line per fed-back problem and submits; the
/// supervising side accepts it or returns it with comments per line; an accepted line is changed only by a request that the
/// supervising side decides. Every step sends the same command as the API, and a refusal is shown at the field of its line.
/// </summary>
public sealed class PlanModel(ISender sender, ICurrentUser user) : PageModel
{
    // The ledger fields as the commands name them, and the short name each has in the ids of a line's inputs.
    private static readonly Dictionary<string, string> FieldIds = new(StringComparer.Ordinal)
    {
        ["measures"] = "measures", ["responsibleLeader"] = "leader", ["responsibleDepartment"] = "department", ["kind"] = "kind",
        ["deadline"] = "deadline", ["reason"] = "reason", ["comment"] = "comment",
    };

    public PlanDto? Plan { get; private set; }
    public InspectionDto? Inspection { get; private set; }
    public string UnitName { get; private set; } = "";
    public IReadOnlyDictionary<Guid, ProblemSummary> Problems { get; private set; } = new Dictionary<Guid, ProblemSummary>();
    public IReadOnlyList<LineChangeDto> Changes { get; private set; } = [];

    /// <summary>The last returned revision, whose comments the unit works through.</summary>
    public PlanRevisionDto? LastReturn { get; private set; }

    /// <summary>What changed, line by line and field by field, and between which versions (0 for the lines not yet submitted).</summary>
    public IReadOnlyList<LineDiff> Diff { get; private set; } = [];
    public (int From, int To) DiffVersions { get; private set; }

    /// <summary>What the user typed into the form that was refused, so it is shown again for correction instead of the stored line.</summary>
    public LinePosted? Posted { get; private set; }

    public string? Refusal { get; private set; }

    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    public bool May(string trigger) => Plan?.PermittedTriggers.Contains(trigger) == true;

    /// <summary>The unit asks for changes to the lines of its accepted plan (the command's own roles).</summary>
    public bool MayProposeChanges => Plan?.State == PlanStates.Accepted && user.Role is Role.UnitLiaison or Role.UnitLeader;

    /// <summary>The supervising side decides the requests (the command's own roles).</summary>
    public bool MayDecideChanges => user.Role is Role.DisciplineCommission or Role.OrganizationDepartment or Role.InspectionOffice;

    public string? FieldError(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostEditLineAsync(Guid id, Guid problemId, long version, string? measures, string? leader, string? department,
        RectificationKind? kind, DateOnly? deadline, CancellationToken ct)
    {
        var prefix = $"line-{problemId}";
        Posted = new LinePosted(prefix, measures, leader, department, kind, deadline, null);
        if (Missing(prefix, kind, deadline))
        {
            return RefusedAsync(id, UiText.T("plan-fix-fields"), ct);
        }

        return StepAsync(id, PlanTriggers.EditLine, prefix, $"#{prefix}",
            new EditLedgerLine(id, problemId, measures ?? "", leader ?? "", department ?? "", kind!.Value, deadline!.Value, version), ct);
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, long version, CancellationToken ct) =>
        StepAsync(id, PlanTriggers.Submit, "submit", "", new SubmitPlan(id, version), ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, long version, string? comment, CancellationToken ct) =>
        StepAsync(id, PlanTriggers.Accept, "accept", "", new AcceptPlan(id, string.IsNullOrWhiteSpace(comment) ? null : comment, version), ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, long version, string? comment, CancellationToken ct)
    {
        // Each line's comment box is named after its problem; an empty box means the line needs no comment.
        var lineComments = Request.Form
            .Where(f => f.Key.StartsWith("lineComment-", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => Guid.TryParse(f.Key["lineComment-".Length..], out var problemId) ? new LineComment(problemId, f.Value.ToString().Trim()) : null)
            .OfType<LineComment>()
            .ToList();
        return StepAsync(id, PlanTriggers.Return, "return", "", new ReturnPlan(id, comment ?? "", lineComments, version), ct);
    }

    public Task<IActionResult> OnPostProposeChangeAsync(Guid id, Guid problemId, string? measures, string? leader, string? department,
        RectificationKind? kind, DateOnly? deadline, string? reason, CancellationToken ct)
    {
        var prefix = $"change-{problemId}";
        Posted = new LinePosted(prefix, measures, leader, department, kind, deadline, reason);
        if (Missing(prefix, kind, deadline))
        {
            return RefusedAsync(id, UiText.T("plan-fix-fields"), ct);
        }

        return StepAsync(id, nameof(ProposeLedgerLineChange), prefix, $"#line-{problemId}",
            new ProposeLedgerLineChange(id, problemId, measures ?? "", leader ?? "", department ?? "", kind!.Value, deadline!.Value, reason ?? ""), ct);
    }

    public Task<IActionResult> OnPostDecideChangeAsync(Guid id, Guid changeId, bool accept, string? comment, CancellationToken ct) =>
        StepAsync(id, nameof(DecideLedgerLineChange), $"decide-{changeId}", "", new DecideLedgerLineChange(changeId, accept, comment), ct);

    private bool Missing(string prefix, RectificationKind? kind, DateOnly? deadline)
    {
        // The command cannot even be written without a kind and a day; these two are refused here, in the command's words.
        if (kind is null)
        {
            ModelState.AddModelError($"{prefix}-kind", UiText.T("field-required"));
        }

        if (deadline is null)
        {
            ModelState.AddModelError($"{prefix}-deadline", UiText.T("field-required"));
        }

        return kind is null || deadline is null;
    }

    private async Task<IActionResult> StepAsync<T>(Guid id, string done, string prefix, string anchor, IAppCommand<T> command, CancellationToken ct)
    {
        var result = await sender.Send(command, ct);
        if (result.IsSuccess)
        {
            return Redirect($"/plans/{id}?done={done}{anchor}");
        }

        var error = result.Error!;
        if (error.Kind == ErrorKind.NotFound && error.Args.GetValueOrDefault("kind") is "Plan")
        {
            return NotFound();
        }

        foreach (var (field, messages) in error.FieldErrors)
        {
            var json = FieldNames.Json(field);
            var key = FieldIds.TryGetValue(json, out var name) ? $"{prefix}-{name}" : prefix;
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }

        return await RefusedAsync(id, Messages.Format(error, System.Globalization.CultureInfo.CurrentUICulture), ct);
    }

    private async Task<IActionResult> RefusedAsync(Guid id, string refusal, CancellationToken ct)
    {
        Refusal = refusal;
        Done = null;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var plan = await sender.Send(new GetPlan(id), ct);
        if (!plan.IsSuccess)
        {
            return false;
        }

        Plan = plan.Value;
        var inspection = await sender.Send(new GetInspection(Plan.InspectionId), ct);
        Inspection = inspection.IsSuccess ? inspection.Value : null;
        var units = await sender.Send(new ListUnits(), ct);
        UnitName = units.IsSuccess ? units.Value.FirstOrDefault(u => u.Id == Plan.UnitId)?.Name ?? "" : "";
        var problems = await sender.Send(new ListProblems(InspectionId: Plan.InspectionId, PageSize: 500), ct);
        Problems = problems.IsSuccess ? problems.Value.Items.ToDictionary(p => p.Id) : new Dictionary<Guid, ProblemSummary>();
        if (Plan.State == PlanStates.Accepted)
        {
            var changes = await sender.Send(new ListLedgerLineChanges(id), ct);
            Changes = changes.IsSuccess ? changes.Value : [];
        }

        LastReturn = Plan.Revisions.LastOrDefault(r => r.Outcome == ScreeningOutcome.Returned);
        var last = Plan.Revisions.LastOrDefault();
        if (last is not null && Plan.State is PlanStates.Returned or PlanStates.Drafting)
        {
            // Being revised: what the unit changed since the version that was returned, before it submits again.
            Diff = DiffPlanRevisionsHandler.Compare(last.Lines, Plan.Lines);
            DiffVersions = (last.Number, 0);
        }
        else if (Plan.Revisions.Count >= 2)
        {
            var diff = await sender.Send(new DiffPlanRevisions(id, last!.Number - 1, last.Number), ct);
            Diff = diff.IsSuccess ? diff.Value.Lines : [];
            DiffVersions = (last.Number - 1, last.Number);
        }

        return true;
    }

    /// <summary>The values of a refused line form; <see cref="Prefix"/> names the form (<c>line-{problem}</c> or <c>change-{problem}</c>).</summary>
    public sealed record LinePosted(string Prefix, string? Measures, string? Leader, string? Department, RectificationKind? Kind, DateOnly? Deadline, string? Reason);
}
