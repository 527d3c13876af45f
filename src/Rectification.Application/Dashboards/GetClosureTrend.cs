using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;

namespace Rectification.Application.Dashboards;

/// <summary>One office month (<c>2026-05</c>): problems fed back in it, and problems closed in it that are still closed.</summary>
public sealed record MonthFigures(string Month, int FedBack, int Closed);

/// <summary>
/// The trend of the dashboard: fed back against closed per office month, the last <paramref name="Months"/> months up to this one,
/// over the problems of the user's scope it may see. A problem reopened after a look-back no longer counts as closed in its month.
/// </summary>
public sealed record GetClosureTrend(int Months = 12) : IAppQuery<IReadOnlyList<MonthFigures>>;

public sealed class GetClosureTrendValidator : AbstractValidator<GetClosureTrend>
{
    public GetClosureTrendValidator() => RuleFor(q => q.Months).InclusiveBetween(1, 36);
}

public sealed class GetClosureTrendHandler(Visibility.ReadPolicy visibility, Deadlines deadlines)
    : IQueryHandler<GetClosureTrend, Result<IReadOnlyList<MonthFigures>>>
{
    public async ValueTask<Result<IReadOnlyList<MonthFigures>>> Handle(GetClosureTrend query, CancellationToken ct)
    {
        var today = deadlines.Today;
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - query.Months);
        // Instants are stored in UTC and months are the office's: the bound is widened by a day and the days cut to months below.
        var fromUtc = first.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var events = await visibility.Problems().AsNoTracking()
            .Where(p => p.FedBackAt >= fromUtc || p.ClosedAt >= fromUtc)
            .Select(p => new { p.FedBackAt, p.ClosedAt })
            .ToListAsync(ct);

        static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var fedBack = events.Where(e => e.FedBackAt is not null).Select(e => OfficeTime.DayOf(e.FedBackAt!.Value)).Where(d => d >= first)
            .GroupBy(Month).ToDictionary(g => g.Key, g => g.Count());
        var closed = events.Where(e => e.ClosedAt is not null).Select(e => OfficeTime.DayOf(e.ClosedAt!.Value)).Where(d => d >= first)
            .GroupBy(Month).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, query.Months).Select(i => Month(first.AddMonths(i)))
            .Select(m => new MonthFigures(m, fedBack.GetValueOrDefault(m), closed.GetValueOrDefault(m)))
            .ToList();
    }
}
