using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Statistics;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;

namespace Rectification.Application.Dashboards;

/// <summary>
/// Of the problems of a round once closed (销号: closed now, or reopened since), how many a look-back (回头看) reopened, in percent
/// with two decimals. <paramref name="RoundId"/> is null for the row of every round together.
/// </summary>
public sealed record ReopenRate(Guid? RoundId, string Name, int EverClosed, int Reopened, decimal Rate);

/// <summary>The look-back reopen rate of each round with a closed problem, and of them all (last), over the user's scope.</summary>
public sealed record GetReopenRates : IAppQuery<IReadOnlyList<ReopenRate>>;

public sealed class GetReopenRatesHandler(IAppDbContext db, Visibility.ReadPolicy visibility)
    : IQueryHandler<GetReopenRates, Result<IReadOnlyList<ReopenRate>>>
{
    public async ValueTask<Result<IReadOnlyList<ReopenRate>>> Handle(GetReopenRates query, CancellationToken ct)
    {
        var counts = await visibility.Problems().AsNoTracking()
            .Where(p => p.State == ProblemStates.Closed || p.ReopenCount > 0)
            .GroupBy(p => p.InspectionId)
            .Select(g => new { InspectionId = g.Key, EverClosed = g.Count(), Reopened = g.Count(p => p.ReopenCount > 0) })
            .ToListAsync(ct);
        var inspectionIds = counts.Select(c => c.InspectionId).ToList();
        var roundOf = await db.Inspections.AsNoTracking().Where(i => inspectionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.RoundId, ct);
        var rounds = await db.Rounds.AsNoTracking().OrderBy(r => r.Year).ThenBy(r => r.Number).Select(r => new { r.Id, r.Name }).ToListAsync(ct);

        static ReopenRate Rate(Guid? round, string name, int everClosed, int reopened) =>
            new(round, name, everClosed, reopened, GetStatisticsHandler.CompletionRate(reopened, everClosed));

        var rows = rounds
            .Select(r => (r, mine: counts.Where(c => roundOf.GetValueOrDefault(c.InspectionId) == r.Id).ToList()))
            .Where(x => x.mine.Count > 0)
            .Select(x => Rate(x.r.Id, x.r.Name, x.mine.Sum(c => c.EverClosed), x.mine.Sum(c => c.Reopened)))
            .ToList();
        rows.Add(Rate(null, "", counts.Sum(c => c.EverClosed), counts.Sum(c => c.Reopened)));
        return rows;
    }
}
