using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Receipts;

namespace Rectification.Application.Receipts;

/// <summary>
/// The receiving unit signs for an item (签收). Only the roles the definition names for the kind may sign; the scope
/// check comes first, so another unit's receipt answers like a missing one.
/// </summary>
public sealed record AcknowledgeReceipt(Guid ReceiptId) : IAppCommand<ReceiptDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Receipt, ReceiptId);
}

public sealed class AcknowledgeReceiptHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IReminderCatalog reminders)
    : ICommandHandler<AcknowledgeReceipt, Result<ReceiptDto>>
{
    public async ValueTask<Result<ReceiptDto>> Handle(AcknowledgeReceipt command, CancellationToken ct)
    {
        var receipt = await db.Receipts.FirstAsync(r => r.Id == command.ReceiptId, ct);
        var receivers = reminders.Settings.Receipts.TryGetValue(receipt.Kind, out var rule) ? rule.ReceivedBy : [];
        if (!receivers.Contains(user.Role))
        {
            return Error.Forbidden("receipt.not-receiver", ("kind", receipt.Kind.ToString()), ("role", user.Role.ToString()), ("roles", string.Join(", ", receivers)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (receipt.Acknowledge(user.UserId ?? Guid.Empty, user.UserName, user.Role, now) is { } refusal)
        {
            return refusal;
        }

        return ReceiptDto.From(receipt, OfficeTime.DayOf(now));
    }
}
