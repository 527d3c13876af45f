using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Plans;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Lifecycles.Kinds;

public sealed class PlanSource() : CaseSource(CaseKind.Plan, TargetKind.Plan, "plans")
{
    public override string PageOf(Guid id, CaseFacts? facts) => $"plans/{id}";

    public override bool HasDeadline => true;

    public override async Task<ILifecycleCase?> LoadAsync(IAppDbContext db, Guid id, CancellationToken ct) =>
        await db.Plans.Include(p => p.Lines).Include(p => p.Revisions)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    public override IQueryable<DueCase> Due(IAppDbContext db, ReminderLadder ladder, string[] states, IQueryable<ReminderStepRecord> taken, DateOnly latestDue) =>
        db.Plans
            .Where(p => states.Contains(p.State) && p.SubmissionDue <= latestDue)
            .Where(p => !taken.Any(r => r.CaseId == p.Id && r.DueDate == p.SubmissionDue))
            .OrderBy(p => p.SubmissionDue).ThenBy(p => p.Id)
            .Select(p => new DueCase(p.Id, p.UnitId, p.SubmissionDue));

    public override IQueryable<RunningDeadline> Running(IAppDbContext db, string[] states, Guid id) =>
        db.Plans.Where(p => p.Id == id && states.Contains(p.State))
            .Select(p => new RunningDeadline(Plan.Lifecycle, p.UnitId, p.SubmissionDue));

    public override async Task ExtendAsync(IAppDbContext db, ILifecycleCatalog catalog, Guid id, DateOnly newDeadline, DateTime utcNow, CancellationToken ct) =>
        (await db.Plans.FirstAsync(p => p.Id == id, ct)).ExtendSubmission(newDeadline);

    public override IQueryable<CaseFacts> Facts(IAppDbContext db, Guid id) =>
        db.Plans.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new CaseFacts(p.State, p.DefinitionVersion, p.UnitId, p.InspectionId, "", "", p.SubmissionDue, p.AcceptedAt != null, null));

    // A plan has no title of its own: it is the unit's plan for the feedback it answers.
    public override LocalizedText TitleOf(CaseFacts facts, string unitName) => new($"{unitName}巡察反馈意见整改方案", $"rectification plan of {unitName}");
}
