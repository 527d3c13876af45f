using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.CommonProblems;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Organization;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Web.Pages;

/// <summary>What an answer form asked for, kept when the answer is refused.</summary>
public sealed record SelfCheckInput(Guid TaskId, string Form, string Statement, string Description, string Facts, Severity? Severity);

/// <summary>
/// 未巡先改自查: the self-check tasks pushed to the units in the user's scope, soonest due first, with their light. A unit's own roles
/// answer each one "not present" with a statement or open it as the unit's problem, with the API's own commands; the supervising
/// roles read the same list and open a push's progress from it.
/// </summary>
public sealed class SelfChecksModel(ISender sender, ICurrentUser user, Deadlines deadlines) : PageModel
{
    public const string NotPresentForm = "not-present";
    public const string OpenForm = "open";

    public IReadOnlyList<SelfCheckDto> Tasks { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();
    public string? Refusal { get; private set; }

    /// <summary>The refused answer, so that its messages stand at its fields and what was typed stays.</summary>
    public SelfCheckInput? Input { get; private set; }

    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    /// <summary>The problem just opened, for the confirmation's link.</summary>
    [BindProperty(SupportsGet = true, Name = "problem")] public Guid? OpenedProblem { get; set; }

    public bool MayAnswer => user.Role is Role.UnitLiaison or Role.UnitLeader;

    /// <summary>A pending task races its answer day; an answered one is done and shows no light.</summary>
    public TrafficLight LightOf(SelfCheckDto task) =>
        TrafficLights.For(task.DueDate, deadlines.Today, deadlines.YellowWithinDays, running: task.State == SelfCheckStates.Pending);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostNotPresentAsync(Guid taskId, string? statement, CancellationToken ct)
    {
        Input = new SelfCheckInput(taskId, NotPresentForm, statement ?? "", "", "", null);
        var result = await sender.Send(new AnswerSelfCheckNotPresent(taskId, statement ?? ""), ct);
        return result.IsSuccess ? Redirect("/self-checks?done=not-present") : await RefusedAsync(result.Error!, ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid taskId, string? description, string? facts, Severity? severity, CancellationToken ct)
    {
        Input = new SelfCheckInput(taskId, OpenForm, "", description ?? "", facts ?? "", severity);
        if (severity is not { } chosen)
        {
            ModelState.AddModelError("severity", UiText.T("field-required"));
            Refusal = UiText.T("field-required");
            await LoadAsync(ct);
            return Page();
        }

        var result = await sender.Send(new OpenSelfCheckProblem(taskId, description ?? "", facts ?? "", chosen), ct);
        return result.IsSuccess
            ? Redirect($"/self-checks?done=opened&problem={result.Value.OpenedProblemId}")
            : await RefusedAsync(result.Error!, ct);
    }

    private async Task<IActionResult> RefusedAsync(Error error, CancellationToken ct)
    {
        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        foreach (var (field, messages) in error.FieldErrors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(FieldNames.Json(field), message);
            }
        }

        Refusal = Messages.Format(error, System.Globalization.CultureInfo.CurrentUICulture);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var tasks = await sender.Send(new ListSelfChecks(), ct);
        // Waiting tasks first, soonest due first; then the answered ones, newest answer first.
        Tasks = tasks.IsSuccess
            ? [.. tasks.Value.OrderBy(t => t.State != SelfCheckStates.Pending).ThenBy(t => t.State == SelfCheckStates.Pending ? t.DueDate : DateOnly.MaxValue)
                .ThenByDescending(t => t.AnsweredAt)]
            : [];
        var units = await sender.Send(new ListUnits(), ct);
        UnitNames = units.IsSuccess ? units.Value.ToDictionary(u => u.Id, u => u.Name) : new Dictionary<Guid, string>();
    }
}
