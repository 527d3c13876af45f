using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;

namespace Rectification.Application.Inspections;

/// <summary>The inspection office registers an inspection of a unit in its scope.</summary>
[AllowedRoles(Role.InspectionOffice)]
public sealed record RegisterInspection(Guid RoundId, Guid UnitId, InspectionKind Kind, string GroupName, DateOnly StartDate, DateOnly EndDate)
    : IAppCommand<InspectionDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Unit, UnitId);
}

public sealed class RegisterInspectionValidator : AbstractValidator<RegisterInspection>
{
    public RegisterInspectionValidator()
    {
        RuleFor(c => c.RoundId).NotEmpty();
        RuleFor(c => c.UnitId).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.GroupName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.StartDate).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(c => c.EndDate).GreaterThanOrEqualTo(c => c.StartDate).LessThanOrEqualTo(new DateOnly(2100, 12, 31));
    }
}

public sealed class RegisterInspectionHandler(IAppDbContext db) : ICommandHandler<RegisterInspection, Result<InspectionDto>>
{
    public async ValueTask<Result<InspectionDto>> Handle(RegisterInspection command, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == command.RoundId, ct))
        {
            return Error.NotFound("Round", command.RoundId);
        }

        var inspection = Inspection.Register(Guid.CreateVersion7(), command.RoundId, command.UnitId, command.Kind, command.GroupName,
            command.StartDate, command.EndDate);
        db.Inspections.Add(inspection);
        return InspectionDto.From(inspection, 0, 0);
    }
}

public sealed record InspectionDto(Guid Id, Guid RoundId, Guid UnitId, InspectionKind Kind, string GroupName, DateOnly StartDate, DateOnly EndDate,
    DateTime? FedBackAt, int ProblemCount, int ClosedCount, long Version)
{
    public static InspectionDto From(Inspection i, int problems, int closed) =>
        new(i.Id, i.RoundId, i.UnitId, i.Kind, i.GroupName, i.StartDate, i.EndDate, i.FedBackAt, problems, closed, i.Version);
}
