using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Reminders;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Lifecycles.Kinds;

public sealed class SelfCheckSource() : CaseSource(CaseKind.SelfCheck, null, "self-checks")
{
    public override IQueryable<DueCase> Due(IAppDbContext db, ReminderLadder ladder, string[] states, IQueryable<ReminderStepRecord> taken, DateOnly latestDue) =>
        db.SelfCheckTasks
            .Where(t => states.Contains(t.State) && t.DueDate <= latestDue)
            .Where(t => !taken.Any(r => r.CaseId == t.Id && r.DueDate == t.DueDate))
            .OrderBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(t => new DueCase(t.Id, t.UnitId, t.DueDate));

    // A self-check task is named by the common problem it answers.
    public override IQueryable<CaseFacts> Facts(IAppDbContext db, Guid id) =>
        from t in db.SelfCheckTasks.AsNoTracking()
        join p in db.CommonProblemPushes.AsNoTracking() on t.PushId equals p.Id
        where t.Id == id
        select new CaseFacts(t.State, 0, t.UnitId, Guid.Empty, "", p.Title, t.DueDate, t.AnsweredAt != null, null);
}
