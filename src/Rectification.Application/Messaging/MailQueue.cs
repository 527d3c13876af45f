using System.Text.Json;
using System.Text.Json.Serialization;
using Rectification.Application.Abstractions;
using Rectification.Domain.Auditing;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;

namespace Rectification.Application.Messaging;

/// <summary>
/// What the writer of a mail records for it, as of the moment it is queued: a later change must not rewrite what the mail
/// reports (the state right after the event, the due date a reminder chases).
/// </summary>
public sealed record MailModel(string Lifecycle, Guid CaseId, Guid UnitId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string? State { get; init; }

    public DateOnly? Due { get; init; }

    public string? Step { get; init; }

    public int? DaysOverdue { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>The one way a mail is queued: an outbox row in the same unit of work as the change it reports.</summary>
public static class MailQueue
{
    public static void Queue(this IAppDbContext db, MailModel model, string @event, string template, RecipientSpec spec, UserAccount recipient, DateTime utcNow) =>
        db.Outbox.Add(new OutboxMessage(Guid.CreateVersion7(), utcNow, @event, template, model.Lifecycle, model.CaseId,
            recipient.Id, recipient.Email, spec.Role.ToString(), spec.Copy, recipient.PreferredLanguage, model.ToJson()));
}
