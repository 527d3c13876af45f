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
