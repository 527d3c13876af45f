using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Organization;

/// <summary>
/// Puts a unit, with every unit below it, under another parent; both must lie in the administrator's scope (a parent outside it
/// answers like a missing one). Refused under the unit itself or one of its own subordinates, under a deactivated unit, and where
/// the new parent already has a unit of the same code. Everything filed under the moved units (users, inspections, problems)
/// follows them, since scope is read from the units' paths.
/// </summary>
[AllowedRoles(Role.Administrator)]
public sealed record MoveUnit(Guid UnitId, Guid ParentId) : IAppCommand<UnitDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Unit, UnitId);
}

public sealed class MoveUnitValidator : AbstractValidator<MoveUnit>
{
    public MoveUnitValidator()
    {
        RuleFor(c => c.UnitId).NotEmpty();
        RuleFor(c => c.ParentId).NotEmpty();
    }
}

public sealed class MoveUnitHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<MoveUnit, Result<UnitDto>>
{
    public async ValueTask<Result<UnitDto>> Handle(MoveUnit command, CancellationToken ct)
    {
        var unit = await db.Units.FirstAsync(u => u.Id == command.UnitId, ct);
        var scope = user.UnitPath;
        var parent = await db.Units.FirstOrDefaultAsync(u => u.Id == command.ParentId && u.Path.StartsWith(scope), ct);
        if (parent is null)
        {
            return Error.NotFound("Unit", command.ParentId);
        }

        if (await db.Units.AnyAsync(u => u.ParentId == parent.Id && u.Code == unit.Code && u.Id != unit.Id, ct))
        {
            return Error.Conflict("unit.code-taken", ("code", unit.Code), ("parent", parent.Name));
        }

        var path = unit.Path;
        var subtree = await db.Units.Where(u => u.Path.StartsWith(path)).ToListAsync(ct);
        return unit.MoveUnder(parent, subtree) is { } refused ? refused : unit.ToDto();
    }
}
