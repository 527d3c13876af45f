using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;

namespace Rectification.Application.Inspections;

[AllowedRoles(Role.InspectionOffice, Role.Administrator)]
/// <param name="Term">The committee's term (届) the round belongs to (十二届 → 12), if the office counts its rounds within one.</param>
public sealed record CreateRound(string Name, int Year, int Number, int? Term = null) : IAppCommand<RoundDto>;

public sealed class CreateRoundValidator : AbstractValidator<CreateRound>
{
    public CreateRoundValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
        RuleFor(c => c.Number).InclusiveBetween(1, 1000);
        RuleFor(c => c.Term).InclusiveBetween(1, 100).When(c => c.Term is not null);
    }
}

public sealed class CreateRoundHandler(IAppDbContext db) : ICommandHandler<CreateRound, Result<RoundDto>>
{
    public async ValueTask<Result<RoundDto>> Handle(CreateRound command, CancellationToken ct)
    {
        if (await db.Rounds.AnyAsync(r => r.Year == command.Year && r.Number == command.Number, ct))
        {
            return Error.Conflict("round.exists", ("year", command.Year), ("number", command.Number));
        }

        var round = Round.Create(Guid.CreateVersion7(), command.Name, command.Year, command.Number, command.Term);
        db.Rounds.Add(round);
        return new RoundDto(round.Id, round.Name, round.Year, round.Number, round.Term);
    }
}
