using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Organization;

/// <summary>
/// Deactivates (撤销) a unit the administrator's scope covers, for a unit merged away or dissolved: it keeps its history and its
/// place in the tree, but takes no new units, accounts or moves. Refused, with nothing changed, while anything still depends on
/// it: a subordinate unit that is active (deactivate or move those first), a problem of the unit not yet closed (销号), or a user
/// of the unit whose local account is not disabled (disable those accounts first, so nobody is left acting for a unit that is
/// gone). The top unit of the tree is never deactivated.
/// </summary>
[AllowedRoles(Role.Administrator)]
public sealed record DeactivateUnit(Guid UnitId) : IAppCommand<UnitDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Unit, UnitId);
}

public sealed class DeactivateUnitValidator : AbstractValidator<DeactivateUnit>
{
    public DeactivateUnitValidator() => RuleFor(c => c.UnitId).NotEmpty();
}

public sealed class DeactivateUnitHandler(IAppDbContext db, IAccountStore accounts, TimeProvider clock) : ICommandHandler<DeactivateUnit, Result<UnitDto>>
{
    public async ValueTask<Result<UnitDto>> Handle(DeactivateUnit command, CancellationToken ct)
    {
        var unit = await db.Units.FirstAsync(u => u.Id == command.UnitId, ct);
        var subordinates = await db.Units.CountAsync(u => u.ParentId == unit.Id && u.DeactivatedAt == null, ct);
        var openProblems = await db.Problems.CountAsync(p => p.UnitId == unit.Id && p.State != ProblemStates.Closed, ct);
        var users = await db.Users.Where(u => u.UnitId == unit.Id).Select(u => u.Id).ToListAsync(ct);
        var mayStillSignIn = users.Count == 0 ? 0 : (await accounts.StatesAsync(users, ct)).Count(s => !s.Disabled);
        return unit.Deactivate(subordinates, openProblems, mayStillSignIn, clock.GetUtcNow().UtcDateTime) is { } refused ? refused : unit.ToDto();
    }
}
