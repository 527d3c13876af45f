using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;

namespace Rectification.Application.Inspections;

public sealed record ListInspections(Guid? RoundId = null, Guid? UnitId = null) : IAppQuery<IReadOnlyList<InspectionDto>>;

public sealed class ListInspectionsHandler(IAppDbContext db, Visibility.ReadPolicy visibility)
    : IQueryHandler<ListInspections, Result<IReadOnlyList<InspectionDto>>>
{
    public async ValueTask<Result<IReadOnlyList<InspectionDto>>> Handle(ListInspections query, CancellationToken ct)
    {
        var inScope = visibility.UnitsInScope;
        var problems = visibility.Visible(db.Problems);
        var inspections = db.Inspections.AsNoTracking().Where(i => inScope.Contains(i.UnitId));
        if (query.RoundId is { } round) inspections = inspections.Where(i => i.RoundId == round);
        if (query.UnitId is { } unit) inspections = inspections.Where(i => i.UnitId == unit);
        var rows = await inspections
            .OrderBy(i => i.StartDate)
            .Select(i => new
            {
                Inspection = i,
                Problems = problems.Count(p => p.InspectionId == i.Id),
                Closed = problems.Count(p => p.InspectionId == i.Id && p.State == ProblemStates.Closed),
            })
            .Take(1000)
            .ToListAsync(ct);
        return rows.Select(r => InspectionDto.From(r.Inspection, r.Problems, r.Closed)).ToList();
    }
}
