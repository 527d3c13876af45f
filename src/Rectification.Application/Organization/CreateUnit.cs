using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using DomainUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Application.Organization;

/// <summary>Adds a unit under a parent the administrator's scope covers.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record CreateUnit(Guid ParentId, string Code, string Name, UnitLevel Level) : IAppCommand<UnitDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Unit, ParentId);
}

public sealed class CreateUnitValidator : AbstractValidator<CreateUnit>
{
    public CreateUnitValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9-]+$");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Level).IsInEnum();
    }
}

public sealed class CreateUnitHandler(IAppDbContext db) : ICommandHandler<CreateUnit, Result<UnitDto>>
{
    public async ValueTask<Result<UnitDto>> Handle(CreateUnit command, CancellationToken ct)
    {
        var parent = await db.Units.FirstAsync(u => u.Id == command.ParentId, ct);
        if (!parent.Active)
        {
            return Error.Rule("unit.parent-inactive", ("parent", parent.Name));
        }

        var unit = DomainUnit.Create(Guid.CreateVersion7(), command.Code, command.Name, command.Level, parent);
        if (await db.Units.AnyAsync(u => u.Path == unit.Path, ct))
        {
            return Error.Conflict("unit.code-taken", ("code", command.Code), ("parent", parent.Name));
        }

        db.Units.Add(unit);
        return unit.ToDto();
    }
}
