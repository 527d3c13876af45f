using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Reporting;

namespace Rectification.Application.Statistics;

/// <summary>
/// Sends a report upward (报送): its figures are counted now and kept, sealed, as they were; a later look-back changes the live
/// report, never this one.
/// </summary>
[AllowedRoles(Role.InspectionOffice)]
public sealed record RecordReportSnapshot(string Title, UpwardReportFilter Filter) : IAppCommand<ReportSnapshotDto>;

public sealed class RecordReportSnapshotValidator : AbstractValidator<RecordReportSnapshot>
{
    public RecordReportSnapshotValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(ReportSnapshot.MaxTitleLength);
        RuleFor(c => c.Filter).NotNull().SetValidator(new UpwardReportFilterValidator());
    }
}

public sealed class RecordReportSnapshotHandler(IAppDbContext db, ICurrentUser user, UpwardReportCounter counter, Visibility.ReadPolicy visibility, TimeProvider clock)
    : ICommandHandler<RecordReportSnapshot, Result<ReportSnapshotDto>>
{
    public async ValueTask<Result<ReportSnapshotDto>> Handle(RecordReportSnapshot command, CancellationToken ct)
    {
        var report = await counter.CountAsync(command.Filter, ct);
        if (!report.IsSuccess)
        {
            return report.Error!;
        }

        var unitId = command.Filter.UnitId ?? user.UnitId;
        var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        var snapshot = ReportSnapshot.Record(Guid.CreateVersion7(), command.Title.Trim(), unitId, ReportJson.Write(command.Filter), ReportJson.Write(report.Value),
            clock.GetUtcNow().UtcDateTime, user.UserId ?? Guid.Empty, user.UserName);
        db.ReportSnapshots.Add(snapshot);
        return ReportJson.ToDto(snapshot, unitName, visibility.SeesClueFigures);
    }
}
