using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;

namespace Rectification.Application.Statistics;

/// <summary>The report upward of the chosen inspections as an Excel sheet, counted now (the same figures as <see cref="GetUpwardReport"/>).</summary>
public sealed record ExportUpwardReport(DateOnly? From = null, DateOnly? To = null, IReadOnlyList<Guid>? Rounds = null, int? Term = null,
    IReadOnlyList<InspectionKind>? Kinds = null, Guid? UnitId = null) : IAppQuery<StatisticsSheet>, IUpwardReportChoice
{
    public UpwardReportFilter Filter => new(From, To, Rounds, Term, Kinds, UnitId);
}

public sealed class ExportUpwardReportValidator : UpwardReportChoiceRules<ExportUpwardReport>;

public sealed class ExportUpwardReportHandler(UpwardReportCounter counter, IAppDbContext db, ICurrentUser user, ISpreadsheetWriter writer)
    : IQueryHandler<ExportUpwardReport, Result<StatisticsSheet>>
{
    public async ValueTask<Result<StatisticsSheet>> Handle(ExportUpwardReport query, CancellationToken ct)
    {
        var report = await counter.CountAsync(query.Filter, ct);
        if (!report.IsSuccess)
        {
            return report.Error!;
        }

        var unitName = await db.Units.Where(u => u.Id == (query.UnitId ?? user.UnitId)).Select(u => u.Name).FirstAsync(ct);
        var day = report.Value.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var title = Messages.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture)
            ? $"Rectification figures of {unitName} for reporting upward, counted on {day}"
            : $"{unitName}巡察整改情况统计（报送）　统计日期：{day}";
        return UpwardReportSheet.Of(report.Value, title, writer);
    }
}
