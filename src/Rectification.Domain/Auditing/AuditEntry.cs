namespace Rectification.Domain.Auditing;

/// <summary>Who did what, when, to which case, with the state before and after. Written in the same transaction as the change.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public string Command { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public Guid EntityId { get; private set; }
    public string? Trigger { get; private set; }
    public string? FromState { get; private set; }
    public string? ToState { get; private set; }
    public string Before { get; private set; } = "";
    public string After { get; private set; } = "";
    public string Payload { get; private set; } = "";

    private AuditEntry() { }

    public AuditEntry(DateTime at, Guid? userId, string userName, string role, string command, string entityType, Guid entityId,
        string? trigger, string? fromState, string? toState, string before, string after, string payload)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        Role = role;
        Command = command;
        EntityType = entityType;
        EntityId = entityId;
        Trigger = trigger;
        FromState = fromState;
        ToState = toState;
        Before = before;
        After = after;
        Payload = payload;
    }
}
