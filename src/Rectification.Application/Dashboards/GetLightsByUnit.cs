using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Dashboards;

/// <summary>The lights (亮灯) of the problems of one inspected unit that are being chased.</summary>
public sealed record UnitLights(Guid UnitId, string Code, string Name, int Green, int Yellow, int Red);

/// <summary>
/// The lights per inspected unit in the user's scope (the ledger's light rule, so a segment's figure is the ledger's count for that
/// unit and light), reddest units first; units without a lit problem are left out.
/// </summary>
public sealed record GetLightsByUnit(Guid? RoundId = null) : IAppQuery<IReadOnlyList<UnitLights>>;

public sealed class GetLightsByUnitHandler(IAppDbContext db, Visibility.ReadPolicy visibility, Deadlines deadlines)
    : IQueryHandler<GetLightsByUnit, Result<IReadOnlyList<UnitLights>>>
{
    public async ValueTask<Result<IReadOnlyList<UnitLights>>> Handle(GetLightsByUnit query, CancellationToken ct)
    {
        var problems = visibility.Problems().AsNoTracking();
        if (query.RoundId is { } round)
        {
            problems = problems.Where(p => db.Inspections.Any(i => i.Id == p.InspectionId && i.RoundId == round));
        }

        async Task<Dictionary<Guid, int>> Count(TrafficLight light) =>
            await problems.Where(ProblemLight.Is(light, deadlines.Today, deadlines.YellowWithinDays))
                .GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var green = await Count(TrafficLight.Green);
        var yellow = await Count(TrafficLight.Yellow);
        var red = await Count(TrafficLight.Red);
        var unitIds = green.Keys.Concat(yellow.Keys).Concat(red.Keys).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        return units
            .Select(u => new UnitLights(u.Id, u.Code, u.Name, green.GetValueOrDefault(u.Id), yellow.GetValueOrDefault(u.Id), red.GetValueOrDefault(u.Id)))
            .OrderByDescending(u => u.Red).ThenByDescending(u => u.Yellow).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }
}
