using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Statistics;

/// <summary>A report as it was sent upward, as an Excel sheet titled with its title and the moment it was counted.</summary>
[AllowedRoles(Role.InspectionOffice, Role.InspectionGroup, Role.DisciplineCommission, Role.OrganizationDepartment, Role.Leadership, Role.Administrator)]
public sealed record ExportReportSnapshot(Guid Id) : IAppQuery<StatisticsSheet>;

public sealed class ExportReportSnapshotHandler(IAppDbContext db, Visibility.ReadPolicy visibility, ISpreadsheetWriter writer)
    : IQueryHandler<ExportReportSnapshot, Result<StatisticsSheet>>
{
    public async ValueTask<Result<StatisticsSheet>> Handle(ExportReportSnapshot query, CancellationToken ct)
    {
        if (await GetReportSnapshotHandler.FindAsync(db, visibility, query.Id, ct) is not { } s)
        {
            return Error.NotFound("ReportSnapshot", query.Id);
        }

        var counted = Domain.Common.OfficeTime.LocalOf(s.AsOf).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return UpwardReportSheet.Of(s.Report, $"{s.Title}　{s.UnitName}　{counted}　{s.Seal}", writer);
    }
}
