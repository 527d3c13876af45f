using Rectification.Application.Abstractions;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

/// <summary>A problem with the escalation step (逾期督办, 提醒谈话…) last taken for the date it is chased against now.</summary>
public sealed class ProblemWithStep
{
    public required Problem Problem { get; init; }
    public string? Step { get; init; }
}

public static class EscalationSteps
{
    /// <summary>
    /// Each problem with its current escalation step, in the same query: once the chased date moves (an extension, the next
    /// periodic report), the steps taken for the old date no longer count.
    /// </summary>
    public static IQueryable<ProblemWithStep> WithEscalationStep(this IQueryable<Problem> problems, IAppDbContext db) =>
        problems.Select(p => new ProblemWithStep
        {
            Problem = p,
            Step = db.ReminderSteps.Where(r => r.CaseId == p.Id && r.DueDate == p.ReminderDue && !r.Skipped)
                .OrderByDescending(r => r.TakenAt).Select(r => r.Step).FirstOrDefault(),
        });
}
