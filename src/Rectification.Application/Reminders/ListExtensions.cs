using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles.Kinds;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Reminders;

/// <param name="CaseId">Only the requests about this problem, plan or clue sheet.</param>
public sealed record ListExtensions(ExtensionStatus? Status = null, Guid? CaseId = null) : IAppQuery<IReadOnlyList<ExtensionDto>>;

public sealed class ListExtensionsHandler(IAppDbContext db, Visibility.ReadPolicy visibility) : IQueryHandler<ListExtensions, Result<IReadOnlyList<ExtensionDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ExtensionDto>>> Handle(ListExtensions query, CancellationToken ct)
    {
        var inScope = visibility.UnitsInScope;
        var hidden = visibility.HiddenKinds;
        var extensions = db.Extensions.AsNoTracking().Where(e => inScope.Contains(e.UnitId) && !hidden.Contains(e.Lifecycle));
        if (query.Status is { } status) extensions = extensions.Where(e => e.Status == status);
        if (query.CaseId is { } caseId) extensions = extensions.Where(e => e.CaseId == caseId);
        var rows = await extensions.OrderByDescending(e => e.RequestedAt).Take(1000).ToListAsync(ct);
        return rows.Select(ExtensionDto.From).ToList();
    }
}
