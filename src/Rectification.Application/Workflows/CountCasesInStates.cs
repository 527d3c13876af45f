using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Application.Workflows;

/// <summary>How many cases of each lifecycle stand in each state, in the user's scope.</summary>
/// <param name="Counts">Per lifecycle name, per state; a lifecycle this role may not see is absent, not zero.</param>
public sealed record CaseCountsDto(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts);

public sealed record CountCasesInStates : IAppQuery<CaseCountsDto>;

public sealed class CountCasesInStatesHandler(IAppDbContext db, Visibility.ReadPolicy visibility) : IQueryHandler<CountCasesInStates, Result<CaseCountsDto>>
{
    public async ValueTask<Result<CaseCountsDto>> Handle(CountCasesInStates query, CancellationToken ct)
    {
        var units = visibility.UnitsInScope;
        var counts = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal)
        {
            // A unit does not see problems before feedback, so it does not see them counted either.
            [Problem.Lifecycle] = await ByState(visibility.Problems().AsNoTracking().Select(p => p.State), ct),
            [Plan.Lifecycle] = await ByState(db.Plans.AsNoTracking().Where(p => units.Contains(p.UnitId)).Select(p => p.State), ct),
        };
        if (visibility.SeesClues)
        {
            counts[Clue.Lifecycle] = await ByState(visibility.Clues().AsNoTracking().Select(c => c.State), ct);
        }

        foreach (var hidden in visibility.HiddenKinds)
        {
            counts.Remove(hidden);
        }

        return new CaseCountsDto(counts);
    }

    private static async Task<IReadOnlyDictionary<string, int>> ByState(IQueryable<string> states, CancellationToken ct) =>
        await states.GroupBy(s => s).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
