using Rectification.Application.Abstractions;
using Rectification.Domain.Common;
using Rectification.Domain.Receipts;

namespace Rectification.Application.Receipts;

/// <summary>Opens the receipt (签收) an item owes, due after the time limit workflows/reminders.yaml sets for its kind.</summary>
public sealed class ReceiptIssuer(IAppDbContext db, IReminderCatalog reminders, WorkingCalendar calendar)
{
    /// <returns>The receipt, or null where the deployment asks for no receipt of this kind.</returns>
    public Receipt? Issue(ReceiptKind kind, string caseType, Guid caseId, Guid unitId, string? step, DateTime utcNow)
    {
        if (Make(reminders, calendar, kind, caseType, caseId, unitId, step, utcNow) is not { } receipt)
        {
            return null;
        }

        db.Receipts.Add(receipt);
        return receipt;
    }

    public static Receipt? Make(IReminderCatalog reminders, WorkingCalendar calendar, ReceiptKind kind, string caseType, Guid caseId, Guid unitId, string? step, DateTime utcNow) =>
        reminders.Settings.Receipts.TryGetValue(kind, out var rule)
            ? Receipt.Issue(kind, caseType, caseId, unitId, step, calendar.Add(OfficeTime.DayOf(utcNow), rule.Within), utcNow)
            : null;
}
