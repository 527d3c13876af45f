using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Auditing;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration;

public sealed record OutboxMessageDto(Guid Id, DateTime CreatedAt, string Event, string Template, string CaseType, Guid CaseId, string RecipientEmail,
    string RecipientRole, bool IsCopy, string Language, OutboxStatus Status, int Attempts, string? LastError, DateTime? SentAt);

/// <summary>What the mail queue holds, e.g. the messages that failed past their attempts, for an administrator to see and requeue.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record ListOutbox(OutboxStatus? Status = null, int Take = 200) : IAppQuery<IReadOnlyList<OutboxMessageDto>>;

public sealed class ListOutboxHandler(IAppDbContext db, ICurrentUser user, ScopeResolver scopes, Visibility.ReadPolicy visibility) : IQueryHandler<ListOutbox, Result<IReadOnlyList<OutboxMessageDto>>>
{
    public async ValueTask<Result<IReadOnlyList<OutboxMessageDto>>> Handle(ListOutbox query, CancellationToken ct)
    {
        // An administrator of a unit sees the mail of its own unit's people only; the one at the root sees the whole queue.
        var inScope = scopes.UnitsInScope(user);
        var recipients = db.Users.Where(u => inScope.Contains(u.UnitId)).Select(u => u.Id);
        var messages = db.Outbox.AsNoTracking().Where(m => recipients.Contains(m.RecipientUserId));
        // The queue is the administrator's to run, but which clue sheet a mail is about is not theirs to know.
        var hidden = visibility.HiddenKinds;
        if (query.Status is { } status) messages = messages.Where(m => m.Status == status);
        return await messages.OrderByDescending(m => m.CreatedAt).Take(Math.Clamp(query.Take, 1, 1000))
            .Select(m => new OutboxMessageDto(m.Id, m.CreatedAt, m.Event, m.Template, m.CaseType, hidden.Contains(m.CaseType) ? Guid.Empty : m.CaseId, m.RecipientEmail, m.RecipientRole, m.IsCopy,
                m.Language, m.Status, m.Attempts, m.LastError, m.SentAt))
            .ToListAsync(ct);
    }
}
