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

public sealed record LineChangeDto(Guid Id, Guid PlanId, Guid ProblemId, LedgerLineSnapshot Before, LedgerLineSnapshot After, IReadOnlyList<string> ChangedFields,
    bool Material, string Reason, LineChangeStatus Status, Guid ProposedBy, DateTime ProposedAt, Guid? DecidedBy, Role? DecidedByRole, DateTime? DecidedAt,
    string? DecisionComment, long Version)
{
    public static LineChangeDto From(LedgerLineChange c) => new(c.Id, c.PlanId, c.ProblemId, c.Before, c.After, c.ChangedFields, c.Material, c.Reason, c.Status,
        c.ProposedBy, c.ProposedAt, c.DecidedBy, c.DecidedByRole, c.DecidedAt, c.DecisionComment, c.Version);
}

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
        RuleFor(c => c.Comment).NotEmpty().When(c => !c.Accept).WithMessage("A refusal says why.");
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

/// <summary>The changes proposed to a plan's accepted lines, with their outcome: the history of each line.</summary>
public sealed record ListLedgerLineChanges(Guid PlanId) : IAppQuery<IReadOnlyList<LineChangeDto>>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Plan, PlanId);
}

public sealed class ListLedgerLineChangesHandler(IAppDbContext db) : IQueryHandler<ListLedgerLineChanges, Result<IReadOnlyList<LineChangeDto>>>
{
    public async ValueTask<Result<IReadOnlyList<LineChangeDto>>> Handle(ListLedgerLineChanges query, CancellationToken ct)
    {
        var rows = await db.LineChanges.AsNoTracking().Where(c => c.PlanId == query.PlanId).OrderBy(c => c.ProposedAt).ThenBy(c => c.Id).ToListAsync(ct);
        return rows.Select(LineChangeDto.From).ToList();
    }
}

internal static class LineChangeInForce
{
    /// <summary>
    /// The line and the problem take the new terms together; the plan is marked changed so that its version moves and a
    /// concurrent edit of the same plan conflicts instead of overwriting.
    /// </summary>
    public static Error? Apply(IAppDbContext db, ILifecycleCatalog catalog, Plan plan, Problem problem, LedgerLineChange change, ICurrentUser user, string comment, DateTime now)
    {
        if (plan.ApplyLineChange(change, user.UserId ?? Guid.Empty, user.Role, comment, now) is { } refusal)
        {
            return refusal;
        }

        if (problem.State != ProblemStates.FedBack)
        {
            problem.Replan(catalog.Get(Problem.Lifecycle, problem.DefinitionVersion), change.After.Kind!.Value, change.After.Deadline!.Value, now);
        }

        db.Entry(plan).State = EntityState.Modified;
        return null;
    }
}
