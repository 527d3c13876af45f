using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Application.Plans;

/// <summary>The supervising side accepts the proposed line, which then comes into force, or refuses it with a reason.</summary>
[AllowedRoles(Role.DisciplineCommission, Role.OrganizationDepartment, Role.InspectionOffice)]
public sealed record DecideLedgerLineChange(Guid ChangeId, bool Accept, string? Comment) : IAppCommand<LineChangeDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.LineChange, ChangeId);
}

public sealed class DecideLedgerLineChangeValidator : AbstractValidator<DecideLedgerLineChange>
{
    public DecideLedgerLineChangeValidator()
    {
        RuleFor(c => c.Comment).MaximumLength(4000);
        // A refusal says why; in the validator's own message, which speaks the user's language (a fixed English text would not).
        RuleFor(c => c.Comment).NotEmpty().When(c => !c.Accept);
    }
}

public sealed class DecideLedgerLineChangeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILifecycleCatalog catalog)
    : ICommandHandler<DecideLedgerLineChange, Result<LineChangeDto>>
{
    public async ValueTask<Result<LineChangeDto>> Handle(DecideLedgerLineChange command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var change = await db.LineChanges.FirstAsync(c => c.Id == command.ChangeId, ct);
        if (change.Decide(command.Accept, user.UserId ?? Guid.Empty, user.Role, command.Comment, now) is { } refusal)
        {
            return refusal;
        }

        if (command.Accept)
        {
            var plan = await db.Plans.Include(p => p.Lines).Include(p => p.Revisions).AsSplitQuery().FirstAsync(p => p.Id == change.PlanId, ct);
            var problem = await db.Problems.Include(p => p.Progress).FirstAsync(p => p.Id == change.ProblemId, ct);
            if (problem.State == ProblemStates.Closed)
            {
                return Error.Rule("ledger-change.problem-closed", ("problem", problem.Code));
            }

            if (LineChangeInForce.Apply(db, catalog, plan, problem, change, user, command.Comment ?? "", now) is { } notInForce)
            {
                return notInForce;
            }
        }

        return LineChangeDto.From(change);
    }
}
