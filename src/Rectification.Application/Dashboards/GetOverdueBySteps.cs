using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Problems;

namespace Rectification.Application.Dashboards;

/// <summary>
/// Overdue problems standing at one rung of the ladder (workflows/reminders.yaml), or at none yet (<see cref="EscalationSteps.None"/>).
/// </summary>
/// <param name="Step">The step's name in the file, as the ledger's <c>step</c> filter takes it.</param>
public sealed record StepBar(string Step, int OffsetDays, LocalizedText Label, int Count);

/// <summary>
/// Overdue problems (the ledger's and the statistics' rule) by the escalation step they stand at, every rung of the problem ladder
/// in its order (zero where none stands), after the problems no step has been taken for yet.
/// </summary>
public sealed record GetOverdueBySteps(Guid? RoundId = null) : IAppQuery<IReadOnlyList<StepBar>>;

public sealed class GetOverdueByStepsHandler(IAppDbContext db, Visibility.ReadPolicy visibility, Deadlines deadlines, IReminderCatalog reminders)
    : IQueryHandler<GetOverdueBySteps, Result<IReadOnlyList<StepBar>>>
{
    private static readonly LocalizedText NoStep = new("尚未督办", "no step taken yet");

    public async ValueTask<Result<IReadOnlyList<StepBar>>> Handle(GetOverdueBySteps query, CancellationToken ct)
    {
        var problems = visibility.Problems().AsNoTracking().Where(Overdue.On(deadlines.Today));
        if (query.RoundId is { } round)
        {
            problems = problems.Where(p => db.Inspections.Any(i => i.Id == p.InspectionId && i.RoundId == round));
        }

        // The step is a correlated subquery per problem; grouping on it is left to memory (one short string per overdue problem).
        var steps = await problems.WithEscalationStep(db).Select(r => r.Step).ToListAsync(ct);
        var ladder = reminders.Settings.For(Problem.Lifecycle)?.Steps ?? [];
        var bars = new List<StepBar> { new(EscalationSteps.None, 0, NoStep, steps.Count(s => s is null)) };
        bars.AddRange(ladder.OrderBy(s => s.OffsetDays).Select(s => new StepBar(s.Name, s.OffsetDays, s.Label, steps.Count(x => x == s.Name))));
        return bars;
    }
}
