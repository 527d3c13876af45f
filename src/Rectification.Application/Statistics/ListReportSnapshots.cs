using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Statistics;

/// <summary>The reports sent upward whose unit lies in the user's scope, newest first.</summary>
[AllowedRoles(Role.InspectionOffice, Role.InspectionGroup, Role.DisciplineCommission, Role.OrganizationDepartment, Role.Leadership, Role.Administrator)]
public sealed record ListReportSnapshots : IAppQuery<IReadOnlyList<ReportSnapshotSummary>>;

public sealed class ListReportSnapshotsHandler(IAppDbContext db, Visibility.ReadPolicy visibility)
    : IQueryHandler<ListReportSnapshots, Result<IReadOnlyList<ReportSnapshotSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<ReportSnapshotSummary>>> Handle(ListReportSnapshots query, CancellationToken ct)
    {
        var units = visibility.UnitsInScope;
        return await db.ReportSnapshots.AsNoTracking().Where(s => units.Contains(s.UnitId)).OrderByDescending(s => s.AsOf)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new ReportSnapshotSummary(s.Id, s.Title, u.Name, s.AsOf, s.RecordedByName, s.Seal))
            .ToListAsync(ct);
    }
}
