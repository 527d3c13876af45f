using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Organization;

/// <summary>Gives a unit the administrator's scope covers a new name; its code, and so its path and everything filed under it, stay.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record RenameUnit(Guid UnitId, string Name) : IAppCommand<UnitDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Unit, UnitId);
}

public sealed class RenameUnitValidator : AbstractValidator<RenameUnit>
{
    public RenameUnitValidator()
    {
        RuleFor(c => c.UnitId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
    }
}

public sealed class RenameUnitHandler(IAppDbContext db) : ICommandHandler<RenameUnit, Result<UnitDto>>
{
    public async ValueTask<Result<UnitDto>> Handle(RenameUnit command, CancellationToken ct)
    {
        var unit = await db.Units.FirstAsync(u => u.Id == command.UnitId, ct);
        return unit.Rename(command.Name.Trim()) is { } refused ? refused : unit.ToDto();
    }
}
