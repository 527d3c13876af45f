using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Statistics;

/// <summary>One report sent upward, its figures as reported and whether its seal still holds; another scope's report is not found.</summary>
[AllowedRoles(Role.InspectionOffice, Role.InspectionGroup, Role.DisciplineCommission, Role.OrganizationDepartment, Role.Leadership, Role.Administrator)]
public sealed record GetReportSnapshot(Guid Id) : IAppQuery<ReportSnapshotDto>;

public sealed class GetReportSnapshotHandler(IAppDbContext db, Visibility.ReadPolicy visibility) : IQueryHandler<GetReportSnapshot, Result<ReportSnapshotDto>>
{
    public async ValueTask<Result<ReportSnapshotDto>> Handle(GetReportSnapshot query, CancellationToken ct) =>
        await FindAsync(db, visibility, query.Id, ct) is { } found ? found : Error.NotFound("ReportSnapshot", query.Id);

    /// <summary>The snapshot if its unit lies in the user's scope, as this user may read it.</summary>
    internal static async Task<ReportSnapshotDto?> FindAsync(IAppDbContext db, Visibility.ReadPolicy visibility, Guid id, CancellationToken ct)
    {
        var units = visibility.UnitsInScope;
        var found = await db.ReportSnapshots.AsNoTracking().Where(s => s.Id == id && units.Contains(s.UnitId))
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { Snapshot = s, u.Name }).FirstOrDefaultAsync(ct);
        return found is null ? null : ReportJson.ToDto(found.Snapshot, found.Name, visibility.SeesClueFigures);
    }
}
