using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Reminders;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Receipts;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Lifecycles.Kinds;

public sealed class ReceiptSource() : CaseSource(CaseKind.Receipt, null, "receipts")
{
    /// <summary>Receipts are signed on one page, the unit's list of what waits for its receipt.</summary>
    public override string PageOf(Guid id, CaseFacts? facts) => "receipts";

    /// <summary>A receipt ladder chases the pending receipts of its own kind only.</summary>
    public override IQueryable<DueCase> Due(IAppDbContext db, ReminderLadder ladder, string[] states, IQueryable<ReminderStepRecord> taken, DateOnly latestDue)
    {
        var kind = Enum.Parse<ReceiptKind>(ladder.Subject!);
        return db.Receipts
            .Where(r => r.Kind == kind && states.Contains(r.State) && r.DueDate <= latestDue)
            .Where(r => !taken.Any(t => t.CaseId == r.Id && t.DueDate == r.DueDate))
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
            .Select(r => new DueCase(r.Id, r.UnitId, r.DueDate));
    }

    public override IQueryable<CaseFacts> Facts(IAppDbContext db, Guid id) =>
        db.Receipts.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new CaseFacts(r.State, 0, r.UnitId, Guid.Empty, "", "", r.DueDate, r.AcknowledgedAt != null, null));
}
