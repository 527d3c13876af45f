using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Reminders;

public sealed record DelegationDto(Guid Id, Guid UserId, Guid DeputyUserId, DateOnly From, DateOnly To, string Reason, bool Revoked);

/// <summary>A user names a deputy of the same unit for a period of absence; reminders and tasks go to the deputy meanwhile.</summary>
public sealed record NameDeputy(Guid DeputyUserId, DateOnly From, DateOnly To, string Reason) : IAppCommand<DelegationDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.User, DeputyUserId);
}

public sealed class NameDeputyValidator : AbstractValidator<NameDeputy>
{
    public NameDeputyValidator()
    {
        RuleFor(c => c.DeputyUserId).NotEmpty();
        RuleFor(c => c.From).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From).LessThanOrEqualTo(new DateOnly(2100, 12, 31));
        RuleFor(c => c.To).Must((c, to) => to.DayNumber - c.From.DayNumber <= 366).WithMessage("A deputy is named for at most a year.");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }
}

public sealed class NameDeputyHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<NameDeputy, Result<DelegationDto>>
{
    public async ValueTask<Result<DelegationDto>> Handle(NameDeputy command, CancellationToken ct)
    {
        var deputy = await db.Users.AsNoTracking().FirstAsync(u => u.Id == command.DeputyUserId, ct);
        if (user.UserId is not { } self || deputy.Id == self || deputy.UnitId != user.UnitId)
        {
            return Error.Rule("deputy.not-of-same-unit");
        }

        var delegation = Delegation.Name(self, deputy.Id, command.From, command.To, command.Reason, clock.GetUtcNow().UtcDateTime);
        db.Delegations.Add(delegation);
        return new DelegationDto(delegation.Id, delegation.UserId, delegation.DeputyUserId, delegation.From, delegation.To, delegation.Reason, delegation.Revoked);
    }
}
