using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Lifecycles.Kinds;

public sealed class ProblemSource() : CaseSource(CaseKind.Problem, TargetKind.Problem, "problems")
{
    public override string PageOf(Guid id, CaseFacts? facts) => $"problems/{id}";

    public override bool HasDeadline => true;

    public override async Task<ILifecycleCase?> LoadAsync(IAppDbContext db, Guid id, CancellationToken ct) =>
        await db.Problems.Include(p => p.Progress).Include(p => p.SignOffs).Include(p => p.Reopenings)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    // A long-term problem is chased at each report due date, not only at its final deadline.
    public override IQueryable<DueCase> Due(IAppDbContext db, ReminderLadder ladder, string[] states, IQueryable<ReminderStepRecord> taken, DateOnly latestDue) =>
        db.Problems
            .Where(p => states.Contains(p.State) && p.ReminderDue != null && p.ReminderDue <= latestDue)
            .Where(p => !taken.Any(r => r.CaseId == p.Id && r.DueDate == p.ReminderDue))
            .OrderBy(p => p.ReminderDue).ThenBy(p => p.Id)
            .Select(p => new DueCase(p.Id, p.UnitId, p.ReminderDue!.Value));

    public override IQueryable<RunningDeadline> Running(IAppDbContext db, string[] states, Guid id) =>
        db.Problems.Where(p => p.Id == id && states.Contains(p.State) && p.Deadline != null)
            .Select(p => new RunningDeadline(Problem.Lifecycle, p.UnitId, p.Deadline!.Value));

    public override async Task ExtendAsync(IAppDbContext db, ILifecycleCatalog catalog, Guid id, DateOnly newDeadline, DateTime utcNow, CancellationToken ct)
    {
        var problem = await db.Problems.Include(p => p.Progress).FirstAsync(p => p.Id == id, ct);
        problem.ExtendDeadline(catalog.Get(Problem.Lifecycle, problem.DefinitionVersion), newDeadline, utcNow);
    }

    public override IQueryable<CaseFacts> Facts(IAppDbContext db, Guid id) =>
        db.Problems.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new CaseFacts(p.State, p.DefinitionVersion, p.UnitId, p.InspectionId, p.Code, p.Title, p.Deadline, p.ClosedAt != null, null));
}
