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

/// <summary>
/// The unit changes a line of its accepted plan. A material change (measures, responsible leader or department, kind, a
/// later deadline) is only proposed: the accepted line stays in force until the supervising side accepts the change.
/// </summary>
[AllowedRoles(Role.UnitLiaison, Role.UnitLeader)]
public sealed record ProposeLedgerLineChange(Guid PlanId, Guid ProblemId, string Measures, string ResponsibleLeader, string ResponsibleDepartment,
    RectificationKind Kind, DateOnly Deadline, string Reason) : IAppCommand<LineChangeDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Plan, PlanId);
}

public sealed class ProposeLedgerLineChangeValidator : AbstractValidator<ProposeLedgerLineChange>
{
    public ProposeLedgerLineChangeValidator()
    {
        RuleFor(c => c.ProblemId).NotEmpty();
        RuleFor(c => c.Measures).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.ResponsibleLeader).NotEmpty().MaximumLength(100);
        RuleFor(c => c.ResponsibleDepartment).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Deadline).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(4000);
    }
}

public sealed class ProposeLedgerLineChangeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILifecycleCatalog catalog, WorkingCalendar calendar)
    : ICommandHandler<ProposeLedgerLineChange, Result<LineChangeDto>>
{
    public async ValueTask<Result<LineChangeDto>> Handle(ProposeLedgerLineChange command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await db.Plans.Include(p => p.Lines).Include(p => p.Revisions).AsSplitQuery().FirstAsync(p => p.Id == command.PlanId, ct);
        var problem = await db.Problems.Include(p => p.Progress).FirstOrDefaultAsync(p => p.Id == command.ProblemId && p.InspectionId == plan.InspectionId, ct);
        if (problem is null)
        {
            return Error.NotFound("Problem", command.ProblemId);
        }

        if (problem.State == ProblemStates.Closed)
        {
            return Error.Rule("ledger-change.problem-closed", ("problem", problem.Code));
        }

        if (LedgerLimits.Check(problem, command.Kind, command.Deadline, catalog, calendar, now) is { } outOfLimits)
        {
            return outOfLimits;
        }

        if (await db.LineChanges.AnyAsync(c => c.PlanId == plan.Id && c.ProblemId == problem.Id && c.Status == LineChangeStatus.Proposed, ct))
        {
            return Error.Conflict("ledger-change.already-proposed", ("problem", problem.Code));
        }

        var entry = new LedgerEntry(command.Measures, command.ResponsibleLeader, command.ResponsibleDepartment, command.Kind, command.Deadline);
        var proposed = LedgerLineChange.Propose(plan, problem.Id, entry, command.Reason, user.UserId ?? Guid.Empty, now);
        if (!proposed.IsSuccess)
        {
            return proposed.Error!;
        }

        var change = proposed.Value;
        db.LineChanges.Add(change);
        if (!change.Material)
        {
            LineChangeInForce.Apply(db, catalog, plan, problem, change, user, "", now);
        }

        return LineChangeDto.From(change);
    }
}
