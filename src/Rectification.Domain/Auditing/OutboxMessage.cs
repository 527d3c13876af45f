namespace Rectification.Domain.Auditing;

public enum OutboxStatus { Pending, Sent, Failed }

/// <summary>
/// A notification waiting to be delivered. Written in the transaction of the change that caused it, so a
/// change and its notifications are committed, or lost, together; a dispatcher delivers them afterwards.
/// </summary>
/// <remarks>
/// Delivery is at least once: a dispatcher claims the row (a lease, checked against <see cref="Version"/>) before
/// sending, and a crash between sending and recording can send it again. The stable <see cref="MessageId"/> lets
/// mail clients and servers recognize such a resend as the same message.
/// </remarks>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 2000;

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

    /// <summary>The Message-ID header (without angle brackets); null only on rows written before it existed.</summary>
    public string? MessageId { get; private set; }

    /// <summary>The subject as last rendered, so an administrator can read the outbox without rendering it.</summary>
    public string? Subject { get; private set; }

    /// <summary>Not before this instant (back-off after a failed attempt); null means at once.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    /// <summary>The dispatcher holding the row, and until when; an expired lease (a crashed dispatcher) frees the row.</summary>
    public Guid? ClaimToken { get; private set; }
    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>Optimistic concurrency: every change raises it, so two dispatchers cannot both claim one row.</summary>
    public long Version { get; private set; }

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
        MessageId = ComposeMessageId(caseType, caseId, @event, recipientUserId, id);
    }

    /// <summary>The Message-ID of this notification: the same on every attempt, so a resend is the same message.</summary>
    public string StableMessageId => MessageId ?? ComposeMessageId(CaseType, CaseId, Event, RecipientUserId, Id);

    public static string ComposeMessageId(string caseType, Guid caseId, string @event, Guid recipientUserId, Guid outboxId) =>
        $"{caseType}.{caseId:N}.{@event}.{recipientUserId:N}.{outboxId:N}@rectification";

    public bool IsClaimed(DateTime utcNow) => ClaimedUntil is { } until && until >= utcNow;

    public bool IsDue(DateTime utcNow) =>
        Status == OutboxStatus.Pending && (NextAttemptAt is null || NextAttemptAt <= utcNow) && !IsClaimed(utcNow);

    /// <summary>Takes the row for one delivery attempt. Saving it fails on a concurrency conflict if another dispatcher took it first.</summary>
    public void Claim(Guid token, DateTime utcNow, TimeSpan lease)
    {
        if (!IsDue(utcNow))
        {
            throw new InvalidOperationException($"Outbox message {Id} is not due for delivery ({Status}, next attempt {NextAttemptAt:O}, claimed until {ClaimedUntil:O}).");
        }

        ClaimToken = token;
        ClaimedUntil = utcNow + lease;
        Version++;
    }

    /// <summary>Gives the row back untouched: nothing was attempted (the transport refused before trying, or the dispatcher stopped).</summary>
    public void Release()
    {
        ClaimToken = null;
        ClaimedUntil = null;
        Version++;
    }

    public void MarkSent(DateTime utcNow, string subject)
    {
        Status = OutboxStatus.Sent;
        SentAt = utcNow;
        Subject = Truncate(subject, 300);
        NextAttemptAt = null;
        ClaimToken = null;
        ClaimedUntil = null;
        Version++;
    }

    /// <summary>
    /// Records a failed attempt. Below the limit the row waits for <paramref name="retryAfter"/>; at the limit it is
    /// Failed: kept, visible, and sent again only when an administrator requeues it.
    /// </summary>
    public void RecordFailure(DateTime utcNow, string error, TimeSpan retryAfter, int maxAttempts, string? subject = null)
    {
        Attempts++;
        LastError = Truncate(error, MaxErrorLength);
        Subject = subject is null ? Subject : Truncate(subject, 300);
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = utcNow + retryAfter;
        }

        ClaimToken = null;
        ClaimedUntil = null;
        Version++;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
