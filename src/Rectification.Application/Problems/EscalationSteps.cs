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
    /// <summary>What the ledger's step filter (and the dashboard's bar) calls a problem no step of the ladder has been taken for.</summary>
    public const string None = "none";

    /// <summary>
    /// The problems whose current escalation step (as <see cref="WithEscalationStep"/> reads it) is <paramref name="step"/>, or that
    /// have none for <see cref="None"/>.
    /// </summary>
    public static IQueryable<Problem> AtEscalationStep(this IQueryable<Problem> problems, IAppDbContext db, string step)
    {
        var current = step == None ? null : step;
        return problems.Where(p => db.ReminderSteps.Where(r => r.CaseId == p.Id && r.DueDate == p.ReminderDue && !r.Skipped)
            .OrderByDescending(r => r.TakenAt).Select(r => r.Step).FirstOrDefault() == current);
    }

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
