using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;

namespace Rectification.Application.Statistics;

public sealed record UnitStatistics(Guid UnitId, string Code, string Name, int ProblemsFedBack, int ProblemsClosed, decimal CompletionRate, int ProblemsOverdue);

/// <summary>
/// The completion table of a level (per subordinate unit, each with everything below it), as leaders read it.
/// Counted by the database, grouped by unit and state, then rolled up along the unit paths.
/// </summary>
public sealed record GetStatisticsByUnit(Guid? ParentId = null, Guid? RoundId = null) : IAppQuery<IReadOnlyList<UnitStatistics>>;

public sealed class GetStatisticsByUnitHandler(IAppDbContext db, ICurrentUser user, Deadlines deadlines, Visibility.ReadPolicy visibility)
    : IQueryHandler<GetStatisticsByUnit, Result<IReadOnlyList<UnitStatistics>>>
{
    public async ValueTask<Result<IReadOnlyList<UnitStatistics>>> Handle(GetStatisticsByUnit query, CancellationToken ct)
    {
        var parentId = query.ParentId ?? user.UnitId;
        var parent = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == parentId, ct);
        if (parent is null || !parent.Path.StartsWith(user.UnitPath, StringComparison.Ordinal))
        {
            return Error.NotFound("Unit", parentId);
        }

        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == parent.Id).OrderBy(u => u.Code).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(parent.Path)).Select(u => new { u.Id, u.Path }).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var problems = visibility.Visible(db.Problems.AsNoTracking()).Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Path.StartsWith(parent.Path)));
        if (query.RoundId is { } roundId)
        {
            problems = problems.Where(p => db.Inspections.Any(i => i.Id == p.InspectionId && i.RoundId == roundId));
        }

        var today = deadlines.Today;
        var counts = await problems.GroupBy(p => new { p.UnitId, p.State })
            .Select(g => new { g.Key.UnitId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var overdue = await problems.Where(Overdue.On(today))
            .GroupBy(p => p.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToListAsync(ct);

        return children.Select(child =>
        {
            bool Below(Guid unitId) => units.TryGetValue(unitId, out var path) && path.StartsWith(child.Path, StringComparison.Ordinal);
            var mine = counts.Where(c => Below(c.UnitId)).ToList();
            var fedBack = mine.Where(c => c.State != ProblemStates.Registered).Sum(c => c.Count);
            var closed = mine.Where(c => c.State == ProblemStates.Closed).Sum(c => c.Count);
            return new UnitStatistics(child.Id, child.Code, child.Name, fedBack, closed, GetStatisticsHandler.CompletionRate(closed, fedBack),
                overdue.Where(o => Below(o.UnitId)).Sum(o => o.Count));
        }).ToList();
    }
}
