using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Receipts;

/// <summary>What must be signed for (签收): each kind has its own time limit and receiving roles in workflows/reminders.yaml.</summary>
public enum ReceiptKind { Feedback, ReturnedPlan, HandoverSheet, Escalation }

public static class ReceiptStates
{
    public const string Pending = nameof(Pending);
    public const string Acknowledged = nameof(Acknowledged);
    public static readonly string[] All = [Pending, Acknowledged];
}

/// <summary>
/// A receipt (签收) the receiving unit owes for an item sent to it: a feedback, a returned plan, a handover sheet or an
/// escalation. It is chased by its own ladder until acknowledged; an acknowledgement after the time limit is still
/// recorded, marked late, because the record of who received what and when matters more than the lateness.
/// </summary>
public sealed class Receipt : IVersioned
{
    public const string Lifecycle = "receipt";

    public Guid Id { get; private set; }
    public ReceiptKind Kind { get; private set; }

    /// <summary>The lifecycle of the item received (problem, plan, clue) and its id.</summary>
    public string CaseType { get; private set; } = "";
    public Guid CaseId { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>For an escalation, the ladder step that escalated.</summary>
    public string? Step { get; private set; }
    public DateTime IssuedAt { get; private set; }
    public DateOnly DueDate { get; private set; }
    public string State { get; private set; } = ReceiptStates.Pending;
    public DateTime? AcknowledgedAt { get; private set; }
    public Guid? AcknowledgedBy { get; private set; }
    public string? AcknowledgedByName { get; private set; }
    public Role? AcknowledgedByRole { get; private set; }
    public bool Late { get; private set; }
    public long Version { get; set; }

    private Receipt() { }

    public static Receipt Issue(ReceiptKind kind, string caseType, Guid caseId, Guid unitId, string? step, DateOnly dueDate, DateTime utcNow) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        CaseType = caseType,
        CaseId = caseId,
        UnitId = unitId,
        Step = step,
        IssuedAt = utcNow,
        DueDate = dueDate,
        State = ReceiptStates.Pending,
    };

    public Error? Acknowledge(Guid userId, string userName, Role role, DateTime utcNow)
    {
        if (State == ReceiptStates.Acknowledged)
        {
            return Error.Conflict("receipt.already-acknowledged", ("by", AcknowledgedByName), ("at", AcknowledgedAt));
        }

        State = ReceiptStates.Acknowledged;
        AcknowledgedAt = utcNow;
        AcknowledgedBy = userId;
        AcknowledgedByName = userName;
        AcknowledgedByRole = role;
        Late = OfficeTime.DayOf(utcNow) > DueDate;
        return null;
    }
}

/// <summary>The kind of object (lifecycle name) a receipt of each kind is about, where the kind alone says it.</summary>
public static class ReceiptSubjects
{
    /// <returns>The lifecycle name, or null for a feedback (a problem's or an inspection's plan) and an escalation (whatever case escalated).</returns>
    public static string? KindOf(ReceiptKind kind) => kind switch
    {
        ReceiptKind.ReturnedPlan => Plans.Plan.Lifecycle,
        ReceiptKind.HandoverSheet => Clues.Clue.Lifecycle,
        _ => null,
    };
}
