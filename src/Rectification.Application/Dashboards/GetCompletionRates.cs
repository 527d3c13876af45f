using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Statistics;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Dashboards;

/// <summary>One bar of a completion chart: what it counts (a round's, a level's or a unit's id or code), its name, and its figures.</summary>
/// <param name="Key">The round's or unit's id, or the <see cref="UnitLevel"/> code: what the ledger filters by.</param>
public sealed record CompletionBar(string Key, string Name, int FedBack, int Closed, decimal Rate);

/// <summary>The completion rate (closed / fed back) by round, by level of the inspected unit, and by inspected unit.</summary>
public sealed record CompletionRatesDto(IReadOnlyList<CompletionBar> ByRound, IReadOnlyList<CompletionBar> ByLevel, IReadOnlyList<CompletionBar> ByUnit);

/// <summary>
/// The completion charts of the dashboard (数据看板), over the user's scope and the problems it may see, optionally of one round.
/// A problem counts for the unit it was fed back to (the ledger's unit filter), the level of that unit, and the round of its
/// inspection. Counted by the database, grouped by inspection and unit; names are added afterwards.
/// </summary>
public sealed record GetCompletionRates(Guid? RoundId = null) : IAppQuery<CompletionRatesDto>;

public sealed class GetCompletionRatesHandler(IAppDbContext db, Visibility.ReadPolicy visibility)
    : IQueryHandler<GetCompletionRates, Result<CompletionRatesDto>>
{
    public async ValueTask<Result<CompletionRatesDto>> Handle(GetCompletionRates query, CancellationToken ct)
    {
        var problems = visibility.Problems().AsNoTracking().Where(p => p.State != ProblemStates.Registered);
        if (query.RoundId is { } round)
        {
            problems = problems.Where(p => db.Inspections.Any(i => i.Id == p.InspectionId && i.RoundId == round));
        }

        var counts = await problems.GroupBy(p => new { p.InspectionId, p.UnitId })
            .Select(g => new { g.Key.InspectionId, g.Key.UnitId, FedBack = g.Count(), Closed = g.Count(p => p.State == ProblemStates.Closed) })
            .ToListAsync(ct);
        var inspectionIds = counts.Select(c => c.InspectionId).Distinct().ToList();
        var unitIds = counts.Select(c => c.UnitId).Distinct().ToList();
        var roundOf = await db.Inspections.AsNoTracking().Where(i => inspectionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.RoundId, ct);
        var rounds = await db.Rounds.AsNoTracking().OrderBy(r => r.Year).ThenBy(r => r.Number).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Level }).ToDictionaryAsync(u => u.Id, ct);

        static CompletionBar Bar(string key, string name, IEnumerable<(int FedBack, int Closed)> figures)
        {
            var (fedBack, closed) = figures.Aggregate((0, 0), (sum, f) => (sum.Item1 + f.FedBack, sum.Item2 + f.Closed));
            return new CompletionBar(key, name, fedBack, closed, GetStatisticsHandler.CompletionRate(closed, fedBack));
        }

        var byRound = rounds
            .Select(r => Bar(r.Id.ToString(), r.Name, counts.Where(c => roundOf.GetValueOrDefault(c.InspectionId) == r.Id).Select(c => (c.FedBack, c.Closed))))
            .Where(b => b.FedBack > 0)
            .ToList();
        var byLevel = Enum.GetValues<UnitLevel>()
            .Select(level => Bar(level.ToString(), level.ToString(),
                counts.Where(c => units.TryGetValue(c.UnitId, out var u) && u.Level == level).Select(c => (c.FedBack, c.Closed))))
            .Where(b => b.FedBack > 0)
            .ToList();
        var byUnit = counts.GroupBy(c => c.UnitId)
            .Select(g => Bar(g.Key.ToString(), units.TryGetValue(g.Key, out var u) ? u.Name : "", g.Select(c => (c.FedBack, c.Closed))))
            .OrderBy(b => b.Rate).ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        return new CompletionRatesDto(byRound, byLevel, byUnit);
    }
}
