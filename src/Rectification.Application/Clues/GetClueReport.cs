using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;

namespace Rectification.Application.Clues;

/// <summary>
/// One line of the monthly clue report: sheets handed over, accepted (签收) and concluded in the month, those that went past their
/// limit in it, and what the sheets concluded in the month came to.
/// </summary>
public sealed record ClueReportLine(SheetColour? Colour, int HandedOver, int Accepted, int Concluded, int Overdue,
    int CasesFiled, int PeopleDisciplined, int TransferredToJudicial, decimal MoneyRecovered);

/// <summary>The monthly clue report (线索月报) of the user's scope: a line per colour, red first, and the total.</summary>
public sealed record ClueReport(string Month, DateOnly From, DateOnly To, DateOnly AsOf, IReadOnlyList<ClueReportLine> ByColour, ClueReportLine Total);

/// <summary>
/// The monthly clue report for <paramref name="Month"/> (<c>yyyy-MM</c>, office days in Asia/Shanghai). Read like the clue ledger,
/// through the read policy: the roles that see sheets get their scope's figures, leaders the same counts (visibility.yaml lets them
/// read clue figures, never a sheet); a role that may see neither is refused.
/// </summary>
public sealed record GetClueReport(string Month) : IAppQuery<ClueReport>
{
    public const string MonthFormat = "yyyy-MM";

    public static bool TryParse(string? month, out DateOnly first) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first)
        && first.Year is >= 2000 and <= 2100;
}

public sealed class GetClueReportValidator : AbstractValidator<GetClueReport>
{
    public GetClueReportValidator()
    {
        RuleFor(q => q.Month).NotEmpty();
        RuleFor(q => q.Month).Must(m => GetClueReport.TryParse(m, out _)).When(q => !string.IsNullOrEmpty(q.Month))
            .WithErrorCode("clue.report-month")
            .WithMessage(_ => Messages.Format("clue.report-month", new Dictionary<string, object?>(), CultureInfo.CurrentUICulture));
    }
}

public sealed class GetClueReportHandler(IAppDbContext db, Visibility.ReadPolicy visibility, Deadlines deadlines)
    : IQueryHandler<GetClueReport, Result<ClueReport>>
{
    public async ValueTask<Result<ClueReport>> Handle(GetClueReport query, CancellationToken ct)
    {
        if (!visibility.SeesClues && !visibility.SeesClueFigures)
        {
            return Error.Forbidden("clue.report-not-visible");
        }

        GetClueReport.TryParse(query.Month, out var from);
        var to = from.AddMonths(1).AddDays(-1);
        var units = visibility.UnitsInScope;
        var clues = visibility.SeesClues ? visibility.Clues() : db.Clues.Where(c => units.Contains(c.UnitId));
        // Instants are stored in UTC; the month is the office's, so its bounds are widened by a day and cut to office days below.
        var fromUtc = from.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var candidates = await clues.AsNoTracking()
            .Where(c => (c.HandedOverAt >= fromUtc && c.HandedOverAt < toUtc)
                || (c.AcceptedAt >= fromUtc && c.AcceptedAt < toUtc)
                || (c.ConcludedAt >= fromUtc && c.ConcludedAt < toUtc)
                || (c.DueDate >= from && c.DueDate <= to))
            .ToListAsync(ct);

        bool InMonth(DateTime? utc) => utc is { } at && OfficeTime.DayOf(at) is var day && day >= from && day <= to;
        var today = deadlines.Today;
        ClueReportLine Line(SheetColour? colour, IEnumerable<Clue> sheets)
        {
            var list = sheets.ToList();
            var concluded = list.Where(c => InMonth(c.ConcludedAt) && c.Outcome is not null).ToList();
            return new ClueReportLine(colour,
                list.Count(c => InMonth(c.HandedOverAt)),
                list.Count(c => InMonth(c.AcceptedAt)),
                concluded.Count,
                // Went past its limit in this month: due in the month, that day already past, not concluded by it.
                list.Count(c => c.DueDate >= from && c.DueDate <= to && ClueLight.WentOverdue(c, today)),
                concluded.Sum(c => c.Outcome!.CasesFiled), concluded.Sum(c => c.Outcome!.PeopleDisciplined),
                concluded.Sum(c => c.Outcome!.TransferredToJudicial), concluded.Sum(c => c.Outcome!.MoneyRecovered));
        }

        var byColour = Enum.GetValues<SheetColour>().Select(colour => Line(colour, candidates.Where(c => c.Colour == colour))).ToList();
        return new ClueReport(from.ToString(GetClueReport.MonthFormat, CultureInfo.InvariantCulture), from, to, today, byColour, Line(null, candidates));
    }
}
