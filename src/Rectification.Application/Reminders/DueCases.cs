using Rectification.Application.Abstractions;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Reminders;

public sealed record DueCase(Guid Id, Guid UnitId, DateOnly Due);

/// <summary>The indexed selection of running cases for which a ladder step is due and not yet recorded.</summary>
public static class DueCases
{
    public static IQueryable<DueCase> Query(IAppDbContext db, ReminderLadder ladder, string step, DateOnly latestDue)
    {
        var states = ladder.ActiveStates.ToList();
        var taken = db.ReminderSteps.Where(r => r.Step == step);
        // Ordered by due date before the projection, which EF cannot order by.
        IQueryable<DueCase> cases = ladder.Lifecycle switch
        {
            Domain.Problems.Problem.Lifecycle => db.Problems
                .Where(p => states.Contains(p.State) && p.ReminderDue != null && p.ReminderDue <= latestDue)
                .Where(p => !taken.Any(r => r.CaseId == p.Id && r.DueDate == p.ReminderDue))
                .OrderBy(p => p.ReminderDue).ThenBy(p => p.Id)
                .Select(p => new DueCase(p.Id, p.UnitId, p.ReminderDue!.Value)),
            Domain.Plans.Plan.Lifecycle => db.Plans
                .Where(p => states.Contains(p.State) && p.SubmissionDue <= latestDue)
                .Where(p => !taken.Any(r => r.CaseId == p.Id && r.DueDate == p.SubmissionDue))
                .OrderBy(p => p.SubmissionDue).ThenBy(p => p.Id)
                .Select(p => new DueCase(p.Id, p.UnitId, p.SubmissionDue)),
            Domain.Clues.Clue.Lifecycle => db.Clues
                .Where(c => states.Contains(c.State) && c.DueDate <= latestDue)
                .Where(c => !taken.Any(r => r.CaseId == c.Id && r.DueDate == c.DueDate))
                .OrderBy(c => c.DueDate).ThenBy(c => c.Id)
                .Select(c => new DueCase(c.Id, c.UnitId, c.DueDate)),
            Domain.Receipts.Receipt.Lifecycle => ReceiptsDue(db, Enum.Parse<Domain.Receipts.ReceiptKind>(ladder.Subject!), states, taken, latestDue),
            Domain.CommonProblems.SelfCheckTask.Lifecycle => db.SelfCheckTasks
                .Where(t => states.Contains(t.State) && t.DueDate <= latestDue)
                .Where(t => !taken.Any(r => r.CaseId == t.Id && r.DueDate == t.DueDate))
                .OrderBy(t => t.DueDate).ThenBy(t => t.Id)
                .Select(t => new DueCase(t.Id, t.UnitId, t.DueDate)),
            _ => throw new InvalidOperationException($"No reminder selection for lifecycle '{ladder.Lifecycle}'."),
        };

        return cases;
    }

    /// <summary>A receipt ladder chases the pending receipts of its own kind only.</summary>
    private static IQueryable<DueCase> ReceiptsDue(IAppDbContext db, Domain.Receipts.ReceiptKind kind, List<string> states, IQueryable<ReminderStepRecord> taken, DateOnly latestDue) =>
        db.Receipts
            .Where(r => r.Kind == kind && states.Contains(r.State) && r.DueDate <= latestDue)
            .Where(r => !taken.Any(t => t.CaseId == r.Id && t.DueDate == r.DueDate))
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
            .Select(r => new DueCase(r.Id, r.UnitId, r.DueDate));
}
