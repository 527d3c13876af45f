using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Statistics;

/// <summary>
/// Counts a report upward with grouped queries in the database: the inspections chosen, then their problems grouped by inspection
/// and state, their look-back reopenings and their clue sheets; the lines per kind and per level are sums of those groups.
/// </summary>
public sealed class UpwardReportCounter(IAppDbContext db, ICurrentUser user, Visibility.ReadPolicy visibility, Deadlines deadlines)
{
    public async Task<Result<UpwardReport>> CountAsync(UpwardReportFilter filter, CancellationToken ct)
    {
        var scope = await StatisticsScope.UnitsAsync(db, user, visibility, filter.UnitId, ct);
        if (!scope.IsSuccess)
        {
            return scope.Error!;
        }

        var units = scope.Value;
        var inspections = Chosen(db.Inspections.AsNoTracking().Where(i => units.Contains(i.UnitId)), filter);
        var chosen = await inspections.Join(db.Units, i => i.UnitId, u => u.Id, (i, u) => new { i.Id, i.UnitId, i.Kind, u.Level }).ToListAsync(ct);
        var inspectionIds = inspections.Select(i => i.Id);

        var today = deadlines.Today;
        var groups = await visibility.Visible(db.Problems.AsNoTracking()).Where(p => inspectionIds.Contains(p.InspectionId))
            .GroupBy(p => new { p.InspectionId, p.State })
            .Select(g => new { g.Key.InspectionId, g.Key.State, Count = g.Count(), Late = g.Count(p => p.ReminderDue < today), Reopened = g.Count(p => p.ReopenCount > 0) })
            .ToListAsync(ct);
        var byInspection = groups.GroupBy(g => g.InspectionId).ToDictionary(g => g.Key, g => new Counts(
            g.Where(x => x.State != ProblemStates.Registered).Sum(x => x.Count),
            g.Where(x => x.State == ProblemStates.Closed).Sum(x => x.Count),
            g.Where(x => Overdue.IsChased(x.State)).Sum(x => x.Late),
            g.Sum(x => x.Reopened)));

        UpwardFigures Figures(IEnumerable<(Guid Id, Guid UnitId)> some)
        {
            var list = some.ToList();
            var counts = list.Select(i => byInspection.GetValueOrDefault(i.Id) ?? Counts.None).ToList();
            var fedBack = counts.Sum(c => c.FedBack);
            var closed = counts.Sum(c => c.Closed);
            return new UpwardFigures(list.Count, list.Select(i => i.UnitId).Distinct().Count(), fedBack, closed,
                GetStatisticsHandler.CompletionRate(closed, fedBack), counts.Sum(c => c.Overdue), counts.Sum(c => c.Reopened));
        }

        var byKind = Enum.GetValues<InspectionKind>().Where(k => filter.Kinds is not { Count: > 0 } || filter.Kinds.Contains(k))
            .Select(k => new UpwardKindLine(k, Figures(chosen.Where(i => i.Kind == k).Select(i => (i.Id, i.UnitId))))).ToList();

        var unitsPerLevel = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id) && u.DeactivatedAt == null)
            .GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byLevel = Enum.GetValues<UnitLevel>().Where(l => unitsPerLevel.ContainsKey(l) || chosen.Any(i => i.Level == l)).Select(level =>
        {
            var figures = Figures(chosen.Where(i => i.Level == level).Select(i => (i.Id, i.UnitId)));
            var all = unitsPerLevel.GetValueOrDefault(level);
            return new UpwardLevelLine(level, all, GetStatisticsHandler.CompletionRate(Math.Min(figures.UnitsInspected, all), all), figures);
        }).ToList();

        var lookBackIds = inspections.Where(i => i.Kind == InspectionKind.LookBack).Select(i => i.Id);
        var reopened = await db.Problems.AsNoTracking().Where(p => units.Contains(p.UnitId))
            .SelectMany(p => p.Reopenings).Where(r => r.LookBackInspectionId != null && lookBackIds.Contains(r.LookBackInspectionId.Value))
            .Select(r => r.ProblemId).Distinct().CountAsync(ct);
        var lookBacks = chosen.Where(i => i.Kind == InspectionKind.LookBack).ToList();

        var clues = visibility.SeesClueFigures
            ? await GetStatisticsHandler.ClueFiguresAsync(db.Clues.AsNoTracking().Where(c => units.Contains(c.UnitId) && inspectionIds.Contains(c.InspectionId)), ct)
            : null;

        return new UpwardReport(filter, today, byKind, byLevel, Figures(chosen.Select(i => (i.Id, i.UnitId))),
            new UpwardLookBacks(lookBacks.Count, lookBacks.Select(i => i.UnitId).Distinct().Count(), reopened), clues);
    }

    private IQueryable<Inspection> Chosen(IQueryable<Inspection> inspections, UpwardReportFilter filter)
    {
        if (filter.Rounds is { Count: > 0 } rounds) inspections = inspections.Where(i => rounds.Contains(i.RoundId));
        if (filter.Term is { } term) inspections = inspections.Where(i => db.Rounds.Any(r => r.Id == i.RoundId && r.Term == term));
        if (filter.Kinds is { Count: > 0 } kinds) inspections = inspections.Where(i => kinds.Contains(i.Kind));
        if (filter.From is { } from) inspections = inspections.Where(i => i.StartDate >= from);
        if (filter.To is { } to) inspections = inspections.Where(i => i.StartDate <= to);
        return inspections;
    }

    private sealed record Counts(int FedBack, int Closed, int Overdue, int Reopened)
    {
        public static Counts None { get; } = new(0, 0, 0, 0);
    }
}
