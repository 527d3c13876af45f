using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Reminders;

public enum SupervisionTaskKind { ReminderTalk }

public enum SupervisionTaskStatus { Open, Done }

/// <summary>A task the ladder opens, e.g. a reminder talk (提醒谈话) with the principal leader of a lagging unit.</summary>
public sealed class SupervisionTask : IVersioned
{
    public Guid Id { get; private set; }
    public SupervisionTaskKind Kind { get; private set; }
    public string Lifecycle { get; private set; } = "";
    public Guid CaseId { get; private set; }
    public Guid UnitId { get; private set; }
    public Role AssigneeRole { get; private set; }
    public DateOnly DueDate { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public SupervisionTaskStatus Status { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public Guid? CompletedBy { get; private set; }
    public string? Record { get; private set; }
    public long Version { get; set; }

    private SupervisionTask() { }

    public static SupervisionTask Open(SupervisionTaskKind kind, string lifecycle, Guid caseId, Guid unitId, Role assignee, DateOnly dueDate, DateTime utcNow) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        Lifecycle = lifecycle,
        CaseId = caseId,
        UnitId = unitId,
        AssigneeRole = assignee,
        DueDate = dueDate,
        OpenedAt = utcNow,
        Status = SupervisionTaskStatus.Open,
    };

    public Error? Complete(Guid userId, string record, DateTime utcNow)
    {
        if (Status == SupervisionTaskStatus.Done)
        {
            return Error.Conflict("task.already-done", ("task", Id));
        }

        Status = SupervisionTaskStatus.Done;
        CompletedAt = utcNow;
        CompletedBy = userId;
        Record = record;
        return null;
    }
}
