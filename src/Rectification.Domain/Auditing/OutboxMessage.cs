namespace Rectification.Domain.Auditing;

public enum OutboxStatus { Pending, Sent, Failed }

/// <summary>
/// A notification waiting to be delivered. Written in the transaction of the change that caused it, so a
/// change and its notifications are committed, or lost, together; a dispatcher delivers them afterwards.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string Event { get; private set; } = "";
    public string Template { get; private set; } = "";
    public string CaseType { get; private set; } = "";
    public Guid CaseId { get; private set; }
    public Guid RecipientUserId { get; private set; }
    public string RecipientEmail { get; private set; } = "";
    public string RecipientRole { get; private set; } = "";
    public bool IsCopy { get; private set; }
    public string Language { get; private set; } = "zh-CN";
    public string Model { get; private set; } = "{}";
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentAt { get; private set; }

    private OutboxMessage() { }

    public OutboxMessage(Guid id, DateTime createdAt, string @event, string template, string caseType, Guid caseId,
        Guid recipientUserId, string recipientEmail, string recipientRole, bool isCopy, string language, string model)
    {
        Id = id;
        CreatedAt = createdAt;
        Event = @event;
        Template = template;
        CaseType = caseType;
        CaseId = caseId;
        RecipientUserId = recipientUserId;
        RecipientEmail = recipientEmail;
        RecipientRole = recipientRole;
        IsCopy = isCopy;
        Language = language;
        Model = model;
        Status = OutboxStatus.Pending;
    }
}
