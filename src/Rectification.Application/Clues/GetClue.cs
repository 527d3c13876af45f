using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;

namespace Rectification.Application.Clues;

/// <summary>A problem the sheet concerns, as this user may see it.</summary>
public sealed record ClueProblem(Guid Id, string Code, string Title);

/// <summary>
/// One handover sheet (交办单) with where it came from, the problems it concerns and the steps the current user may take on it now.
/// </summary>
public sealed record ClueDetail(ClueDto Clue, string StateLabel, string UnitName, string InspectionGroup, InspectionKind InspectionKind, string RoundName,
    IReadOnlyList<ClueProblem> Problems, IReadOnlyList<string> PermittedTriggers);

/// <summary>The sheet by its id; to a role that may not see clue sheets it answers like a missing one (the read policy, by its target).</summary>
public sealed record GetClue(Guid ClueId) : IAppQuery<ClueDetail>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Clue, ClueId);
}

public sealed class GetClueHandler(IAppDbContext db, ILifecycleCatalog catalog, ICurrentUser user, TimeProvider clock, Deadlines deadlines,
    WorkingCalendar calendar, Visibility.ReadPolicy visibility)
    : IQueryHandler<GetClue, Result<ClueDetail>>
{
    public async ValueTask<Result<ClueDetail>> Handle(GetClue query, CancellationToken ct)
    {
        var clue = await db.Clues.AsNoTracking().FirstAsync(c => c.Id == query.ClueId, ct);
        var machine = catalog.MachineFor(clue, user.Role, clock.GetUtcNow().UtcDateTime);
        var inspection = await db.Inspections.AsNoTracking().Where(i => i.Id == clue.InspectionId)
            .Select(i => new { i.GroupName, i.Kind, i.RoundId }).FirstAsync(ct);
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == inspection.RoundId).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "";
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == clue.UnitId).Select(u => u.Name).FirstAsync(ct);
        var ids = clue.ProblemIds;
        var problems = await visibility.Problems().AsNoTracking().Where(p => ids.Contains(p.Id))
            .OrderBy(p => p.Code).Select(p => new ClueProblem(p.Id, p.Code, p.Title)).ToListAsync(ct);
        var state = machine.Definition.States.TryGetValue(clue.State, out var label) ? label.For(user.Language) : clue.State;
        return new ClueDetail(ClueDto.From(clue, ClueTimeLeft.Of(clue, deadlines, calendar)), state, unit, inspection.GroupName, inspection.Kind, round,
            problems, machine.PermittedTriggers(user.Role));
    }
}
