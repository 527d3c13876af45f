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

public sealed record GetInspection(Guid InspectionId) : IAppQuery<InspectionDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Inspection, InspectionId);
}

public sealed class GetInspectionHandler(IAppDbContext db, Visibility.ReadPolicy visibility) : IQueryHandler<GetInspection, Result<InspectionDto>>
{
    public async ValueTask<Result<InspectionDto>> Handle(GetInspection query, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == query.InspectionId, ct);
        var visible = visibility.Visible(db.Problems);
        var problems = await visible.CountAsync(p => p.InspectionId == inspection.Id, ct);
        var closed = await visible.CountAsync(p => p.InspectionId == inspection.Id && p.State == ProblemStates.Closed, ct);
        return InspectionDto.From(inspection, problems, closed);
    }
}
