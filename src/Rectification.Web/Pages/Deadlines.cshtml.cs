using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Organization;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

using Rectification.Web.Pages.Shared;

namespace Rectification.Web.Pages;

/// <summary>
/// 延期与督办: deadline extension requests to decide and their history, reminder talks (提醒谈话) to hold and record, and the
/// overdue problems with the step of the ladder they stand at and who must act. Every action is the API's own command.
/// </summary>
public sealed class DeadlinesModel(ISender sender, ICurrentUser user, IReminderCatalog reminders) : PageModel
{
    public IReadOnlyList<ExtensionDto> Extensions { get; private set; } = [];
    public IReadOnlyList<TaskDto> Tasks { get; private set; } = [];
    public IReadOnlyList<LedgerRow> Overdue { get; private set; } = [];
    public int OverdueTotal { get; private set; }
    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();
    public string? Refusal { get; private set; }

    /// <summary>The item whose form was refused, so that its message stands at its field.</summary>
    public Guid? RefusedItem { get; private set; }

    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    public bool MayDecide => user.Role is Role.InspectionOffice or Role.DisciplineCommission;

    public bool MayRecordTalk => user.Role is Role.InspectionOffice or Role.DisciplineCommission or Role.UnitLeader;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDecideAsync(Guid extensionId, bool approve, string? comment, CancellationToken ct) =>
        await Act(await sender.Send(new DecideDeadlineExtension(extensionId, approve, comment), ct), extensionId, approve ? "Approved" : "Rejected", ct);

    public async Task<IActionResult> OnPostTalkAsync(Guid taskId, string? record, CancellationToken ct) =>
        await Act(await sender.Send(new CompleteTask(taskId, record ?? ""), ct), taskId, "Talk", ct);

    private async Task<IActionResult> Act<T>(Domain.Common.Result<T> result, Guid item, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            return Redirect($"/deadlines?done={done}");
        }

        var error = result.Error!;
        if (error.Kind == Domain.Common.ErrorKind.NotFound)
        {
            return NotFound();
        }

        RefusedItem = item;
        Refusal = ModelState.Show(error);

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The rung of the problem ladder a problem stands at, or null.</summary>
    public ReminderStepDefinition? StepOf(ProblemSummary problem) => reminders.Settings.Step(Problem.Lifecycle, problem.EscalationStep);

    /// <summary>Who in the unit must act on an overdue problem: the unit's roles the step told, else the liaison.</summary>
    public static IReadOnlyList<Role> WhoMustAct(ReminderStepDefinition? step) =>
        step?.To.Where(t => t.Scope == RecipientScope.Unit).Select(t => t.Role).Distinct().ToList() is { Count: > 0 } roles ? roles : [Role.UnitLiaison];

    private async Task LoadAsync(CancellationToken ct)
    {
        // Requests still waiting first, then the decided ones newest first: the history.
        var extensions = await sender.Send(new ListExtensions(), ct);
        Extensions = extensions.IsSuccess ? [.. extensions.Value.OrderBy(e => e.Status != ExtensionStatus.Requested).ThenByDescending(e => e.RequestedAt)] : [];
        var tasks = await sender.Send(new ListTasks(), ct);
        Tasks = tasks.IsSuccess ? [.. tasks.Value.OrderBy(t => t.Status != SupervisionTaskStatus.Open).ThenBy(t => t.DueDate)] : [];
        var overdue = await sender.Send(new ListLedger(Overdue: true, Sort: LedgerSort.Deadline, PageSize: 100), ct);
        Overdue = overdue.IsSuccess ? overdue.Value.Items : [];
        OverdueTotal = overdue.IsSuccess ? overdue.Value.Total : 0;
        var units = await sender.Send(new ListUnits(), ct);
        UnitNames = units.IsSuccess ? units.Value.ToDictionary(u => u.Id, u => u.Name) : new Dictionary<Guid, string>();
    }
}
