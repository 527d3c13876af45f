using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;

namespace Rectification.Application.Inspections;

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
