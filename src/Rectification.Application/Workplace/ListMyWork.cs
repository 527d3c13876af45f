using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Receipts;
using Rectification.Domain.Reminders;
using Rectification.Domain.Workplace;

namespace Rectification.Application.Workplace;

/// <summary>One thing that waits for the signed-in user: the item, the step their role takes next, its due day and light.</summary>
/// <param name="Lifecycle">The kind of item (<c>problem</c>, <c>plan</c>, a receipt's or a task's case kind) so a page can link to it.</param>
/// <param name="ItemId">The item the user acts on: the problem, the plan, the receipt, the task or the extension request.</param>
/// <param name="CaseId">The case the item is about (the problem or plan a receipt, task or extension belongs to).</param>
public sealed record WorkItem(WorkKind Kind, string Lifecycle, Guid ItemId, Guid CaseId, Guid InspectionId, Guid UnitId, string UnitName, string Code, string Title,
    DateOnly? Due, TrafficLight Light, DateTime Since);

/// <summary>
/// 我的待办: what waits for the signed-in user, reddest and oldest first. Lifecycle items are those where the lifecycle files let the
/// user's role fire a trigger now (guards included), so the list offers exactly the steps the problem page's buttons allow.
/// </summary>
public sealed record ListMyWork : IAppQuery<IReadOnlyList<WorkItem>>
{
    /// <summary>Bounds the candidates read per kind of item, so a large backlog keeps the page fast; the oldest come first.</summary>
    public const int CandidatesPerKind = 500;
}

public sealed class ListMyWorkHandler(IAppDbContext db, Visibility.ReadPolicy visibility, ILifecycleCatalog catalog, IReminderCatalog reminders,
    ICurrentUser user, TimeProvider clock, Deadlines deadlines)
    : IQueryHandler<ListMyWork, Result<IReadOnlyList<WorkItem>>>
{
    // When a problem offers several steps, the one that moves it on names the item.
    private static readonly (string Trigger, WorkKind Kind)[] ProblemSteps =
    [
        (ProblemTriggers.Close, WorkKind.CloseProblem),
        (ProblemTriggers.SignOff, WorkKind.SignOff),
        (ProblemTriggers.SubmitForReview, WorkKind.SubmitForReview),
        (ProblemTriggers.ReportProgress, WorkKind.ReportProgress),
        (ProblemTriggers.FeedBack, WorkKind.FeedBack),
    ];

    public async ValueTask<Result<IReadOnlyList<WorkItem>>> Handle(ListMyWork query, CancellationToken ct)
    {
        var role = user.Role;
        var now = clock.GetUtcNow().UtcDateTime;
        var inScope = visibility.UnitsInScope;
        var units = await db.Units.AsNoTracking().Where(u => inScope.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var items = new List<WorkItem>();

        var problemStates = StatesWhereActs(catalog.Current(Problem.Lifecycle), role, ProblemStates.Closed);
        if (problemStates.Length > 0)
        {
            var problems = await visibility.Problems().Where(p => problemStates.Contains(p.State))
                .Include(p => p.Progress).Include(p => p.SignOffs).Include(p => p.Reopenings).AsSplitQuery().AsNoTracking()
                .OrderBy(p => p.ReminderDue ?? p.Deadline).ThenBy(p => p.Code).Take(ListMyWork.CandidatesPerKind).ToListAsync(ct);
            foreach (var p in problems)
            {
                var permitted = catalog.MachineFor(p, role, now).PermittedTriggers(role);
                if (ProblemSteps.FirstOrDefault(s => permitted.Contains(s.Trigger)) is { Trigger: not null } step)
                {
                    items.Add(new WorkItem(step.Kind, Problem.Lifecycle, p.Id, p.Id, p.InspectionId, p.UnitId, units.GetValueOrDefault(p.UnitId, ""), p.Code, p.Title,
                        p.ReminderDue ?? p.Deadline, ProblemLight.Of(p, deadlines.Today, deadlines.YellowWithinDays), p.FedBackAt ?? p.RegisteredAt));
                }
            }
        }

        var planStates = StatesWhereActs(catalog.Current(Plan.Lifecycle), role, PlanStates.Accepted);
        if (planStates.Length > 0)
        {
            var plans = await db.Plans.Where(p => inScope.Contains(p.UnitId) && planStates.Contains(p.State))
                .Include(p => p.Lines).Include(p => p.Revisions).AsSplitQuery().AsNoTracking()
                .OrderBy(p => p.SubmissionDue).Take(ListMyWork.CandidatesPerKind).ToListAsync(ct);
            foreach (var plan in plans.Where(p => catalog.MachineFor(p, role, now).PermittedTriggers(role).Count > 0))
            {
                var kind = plan.State switch
                {
                    PlanStates.Submitted => WorkKind.ScreenPlan,
                    PlanStates.Returned => WorkKind.RevisePlan,
                    _ => WorkKind.DraftPlan,
                };
                // The unit races its submission day; the screening side has no day of its own on the plan.
                DateOnly? due = kind == WorkKind.ScreenPlan ? null : plan.SubmissionDue;
                items.Add(new WorkItem(kind, Plan.Lifecycle, plan.Id, plan.Id, plan.InspectionId, plan.UnitId, units.GetValueOrDefault(plan.UnitId, ""), "",
                    units.GetValueOrDefault(plan.UnitId, ""), due, TrafficLights.For(due, deadlines.Today, deadlines.YellowWithinDays, running: due is not null),
                    plan.CurrentRevision?.SubmittedAt ?? now));
            }
        }

        var receivable = reminders.Settings.Receipts.Values.Where(r => r.ReceivedBy.Contains(role)).Select(r => r.Kind).ToArray();
        if (receivable.Length > 0)
        {
            var hidden = visibility.HiddenKinds;
            var receipts = await db.Receipts.AsNoTracking()
                .Where(r => inScope.Contains(r.UnitId) && !hidden.Contains(r.CaseType) && r.State == ReceiptStates.Pending && receivable.Contains(r.Kind))
                .OrderBy(r => r.DueDate).Take(ListMyWork.CandidatesPerKind).ToListAsync(ct);
            items.AddRange(receipts.Select(r => new WorkItem(WorkKind.SignReceipt, r.CaseType, r.Id, r.CaseId, Guid.Empty, r.UnitId, units.GetValueOrDefault(r.UnitId, ""), "",
                Glossary.Of(r.Kind).For(user.Language), r.DueDate, TrafficLights.For(r.DueDate, deadlines.Today, deadlines.YellowWithinDays, running: true), r.IssuedAt)));
        }

        var talks = await db.Tasks.AsNoTracking()
            .Where(t => inScope.Contains(t.UnitId) && t.Status == SupervisionTaskStatus.Open && t.AssigneeRole == role)
            .OrderBy(t => t.DueDate).Take(ListMyWork.CandidatesPerKind).ToListAsync(ct);
        items.AddRange(talks.Where(t => !visibility.HiddenKinds.Contains(t.Lifecycle)).Select(t => new WorkItem(WorkKind.ReminderTalk, t.Lifecycle, t.Id, t.CaseId, Guid.Empty, t.UnitId,
            units.GetValueOrDefault(t.UnitId, ""), "", Glossary.Of(t.Kind).For(user.Language), t.DueDate,
            TrafficLights.For(t.DueDate, deadlines.Today, deadlines.YellowWithinDays, running: true), t.OpenedAt)));

        if (role is Role.InspectionOffice or Role.DisciplineCommission)
        {
            var hidden = visibility.HiddenKinds;
            var requests = await db.Extensions.AsNoTracking()
                .Where(e => inScope.Contains(e.UnitId) && !hidden.Contains(e.Lifecycle) && e.Status == ExtensionStatus.Requested)
                .OrderBy(e => e.RequestedAt).Take(ListMyWork.CandidatesPerKind).ToListAsync(ct);
            items.AddRange(requests.Select(e => new WorkItem(WorkKind.DecideExtension, e.Lifecycle, e.Id, e.CaseId, Guid.Empty, e.UnitId, units.GetValueOrDefault(e.UnitId, ""), "",
                e.Reason, OfficeTime.DayOf(e.RequestedAt), TrafficLight.None, e.RequestedAt)));
        }

        return items
            .OrderByDescending(i => Rank(i.Light))
            .ThenBy(i => i.Due ?? DateOnly.MaxValue)
            .ThenBy(i => i.Since)
            .ToList();
    }

    private static int Rank(TrafficLight light) => light switch
    {
        TrafficLight.Red => 3,
        TrafficLight.Yellow => 2,
        TrafficLight.Green => 1,
        _ => 0,
    };

    /// <summary>States from which the lifecycle lets the role fire anything, except where it only reopens finished work.</summary>
    private static string[] StatesWhereActs(LifecycleDefinition definition, Role role, string finished) =>
        definition.Transitions.Where(t => t.Roles.Contains(role) && t.From != finished).Select(t => t.From).Distinct().ToArray();
}
