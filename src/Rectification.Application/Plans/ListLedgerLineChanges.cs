using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Application.Plans;

/// <summary>The changes proposed to a plan's accepted lines, with their outcome: the history of each line.</summary>
public sealed record ListLedgerLineChanges(Guid PlanId) : IAppQuery<IReadOnlyList<LineChangeDto>>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Plan, PlanId);
}

public sealed class ListLedgerLineChangesHandler(IAppDbContext db) : IQueryHandler<ListLedgerLineChanges, Result<IReadOnlyList<LineChangeDto>>>
{
    public async ValueTask<Result<IReadOnlyList<LineChangeDto>>> Handle(ListLedgerLineChanges query, CancellationToken ct)
    {
        var rows = await db.LineChanges.AsNoTracking().Where(c => c.PlanId == query.PlanId).OrderBy(c => c.ProposedAt).ThenBy(c => c.Id).ToListAsync(ct);
        return rows.Select(LineChangeDto.From).ToList();
    }
}
