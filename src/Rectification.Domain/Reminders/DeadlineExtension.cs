using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Reminders;

public enum ExtensionStatus { Requested, Approved, Rejected }

/// <summary>A request to move a case's deadline: who asked, why, old and new date, and who decided.</summary>
public sealed class DeadlineExtension : IVersioned
{
    public Guid Id { get; private set; }
    public string Lifecycle { get; private set; } = "";
    public Guid CaseId { get; private set; }
    public Guid UnitId { get; private set; }
    public DateOnly OldDeadline { get; private set; }
    public DateOnly NewDeadline { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid RequestedBy { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public ExtensionStatus Status { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public Role? DecidedByRole { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionComment { get; private set; }
    public long Version { get; set; }

    private DeadlineExtension() { }

    public static DeadlineExtension Request(string lifecycle, Guid caseId, Guid unitId, DateOnly oldDeadline, DateOnly newDeadline, string reason, Guid userId, DateTime utcNow) => new()
    {
        Id = Guid.CreateVersion7(),
        Lifecycle = lifecycle,
        CaseId = caseId,
        UnitId = unitId,
        OldDeadline = oldDeadline,
        NewDeadline = newDeadline,
        Reason = reason,
        RequestedBy = userId,
        RequestedAt = utcNow,
        Status = ExtensionStatus.Requested,
    };

    public Error? Decide(bool approve, Guid userId, Role role, string? comment, DateTime utcNow)
    {
        if (Status != ExtensionStatus.Requested)
        {
            return Error.Conflict("extension.already-decided", ("status", Status.ToString()));
        }

        Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Rejected;
        DecidedBy = userId;
        DecidedByRole = role;
        DecidedAt = utcNow;
        DecisionComment = comment;
        return null;
    }
}
