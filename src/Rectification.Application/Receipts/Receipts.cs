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

/// <summary>A receipt with who acknowledged it and when; Overdue: still pending after its limit.</summary>
public sealed record ReceiptDto(Guid Id, ReceiptKind Kind, string CaseType, Guid CaseId, Guid UnitId, string? Step, DateTime IssuedAt, DateOnly DueDate,
    string State, bool Overdue, DateTime? AcknowledgedAt, Guid? AcknowledgedBy, string? AcknowledgedByName, Role? AcknowledgedByRole, bool Late, long Version)
{
    public static ReceiptDto From(Receipt r, DateOnly today) => new(r.Id, r.Kind, r.CaseType, r.CaseId, r.UnitId, r.Step, r.IssuedAt, r.DueDate, r.State,
        r.State == ReceiptStates.Pending && today > r.DueDate, r.AcknowledgedAt, r.AcknowledgedBy, r.AcknowledgedByName, r.AcknowledgedByRole, r.Late, r.Version);
}

/// <summary>Receipts in the user's scope: by default the pending ones, oldest limit first.</summary>
public sealed record ListReceipts(string? State = null, ReceiptKind? Kind = null, Guid? CaseId = null) : IAppQuery<IReadOnlyList<ReceiptDto>>;

public sealed class ListReceiptsValidator : AbstractValidator<ListReceipts>
{
    public ListReceiptsValidator()
    {
        RuleFor(q => q.State).Must(s => s is null || ReceiptStates.All.Contains(s)).WithMessage($"State is one of {string.Join(", ", ReceiptStates.All)}.");
        RuleFor(q => q.Kind).IsInEnum();
    }
}

public sealed class ListReceiptsHandler(IAppDbContext db, Visibility.ReadPolicy visibility, TimeProvider clock)
    : IQueryHandler<ListReceipts, Result<IReadOnlyList<ReceiptDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ReceiptDto>>> Handle(ListReceipts query, CancellationToken ct)
    {
        var inScope = visibility.UnitsInScope;
        var hidden = visibility.HiddenKinds;
        var receipts = db.Receipts.AsNoTracking().Where(r => inScope.Contains(r.UnitId) && !hidden.Contains(r.CaseType));
        // Asked about one item, the whole history of its receipts; otherwise what still waits.
        var state = query.State ?? (query.CaseId is null ? ReceiptStates.Pending : null);
        if (state is not null) receipts = receipts.Where(r => r.State == state);
        if (query.Kind is { } kind) receipts = receipts.Where(r => r.Kind == kind);
        if (query.CaseId is { } caseId) receipts = receipts.Where(r => r.CaseId == caseId);
        var rows = await receipts.OrderBy(r => r.DueDate).ThenBy(r => r.Id).Take(1000).ToListAsync(ct);
        var today = OfficeTime.Today(clock);
        return rows.Select(r => ReceiptDto.From(r, today)).ToList();
    }
}

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
