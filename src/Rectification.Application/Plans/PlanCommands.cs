using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Application.Plans;

public abstract record PlanCommand(Guid PlanId, long? ExpectedVersion) : IAppCommand<PlanDto>, ILifecycleCommand
{
    [JsonIgnore] public ScopeTarget Target => new(TargetKind.Plan, PlanId);
    [JsonIgnore] public abstract string Trigger { get; }
}

/// <summary>The unit fills in one problem's ledger line: measures, responsible leader and department, kind, deadline.</summary>
public sealed record EditLedgerLine(Guid PlanId, Guid ProblemId, string Measures, string ResponsibleLeader, string ResponsibleDepartment,
    RectificationKind Kind, DateOnly Deadline, long? ExpectedVersion = null) : PlanCommand(PlanId, ExpectedVersion)
{
    public override string Trigger => PlanTriggers.EditLine;
}

public sealed class EditLedgerLineValidator : AbstractValidator<EditLedgerLine>
{
    public EditLedgerLineValidator()
    {
        RuleFor(c => c.ProblemId).NotEmpty();
        RuleFor(c => c.Measures).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.ResponsibleLeader).NotEmpty().MaximumLength(100);
        RuleFor(c => c.ResponsibleDepartment).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Deadline).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
    }
}

public sealed record SubmitPlan(Guid PlanId, long? ExpectedVersion = null) : PlanCommand(PlanId, ExpectedVersion)
{
    public override string Trigger => PlanTriggers.Submit;
}

/// <summary>The supervising side accepts the screened plan; every covered problem enters rectification on its line's terms.</summary>
public sealed record AcceptPlan(Guid PlanId, string? Comment, long? ExpectedVersion = null) : PlanCommand(PlanId, ExpectedVersion)
{
    public override string Trigger => PlanTriggers.Accept;
}

public sealed class AcceptPlanValidator : AbstractValidator<AcceptPlan>
{
    public AcceptPlanValidator() => RuleFor(c => c.Comment).MaximumLength(4000);
}

/// <summary>The plan is returned for revision with a reason and comments per line (防止把大的问题弄小、把实的问题弄虚).</summary>
public sealed record ReturnPlan(Guid PlanId, string Comment, IReadOnlyList<LineComment>? LineComments, long? ExpectedVersion = null) : PlanCommand(PlanId, ExpectedVersion)
{
    public override string Trigger => PlanTriggers.Return;
}

public sealed class ReturnPlanValidator : AbstractValidator<ReturnPlan>
{
    public ReturnPlanValidator()
    {
        RuleFor(c => c.Comment).NotEmpty().MaximumLength(4000);
        RuleForEach(c => c.LineComments).ChildRules(l => l.RuleFor(x => x.Comment).NotEmpty().MaximumLength(4000));
    }
}

public sealed class PlanCommandHandlers(LifecycleContext context, ICurrentUser user, TimeProvider clock, IAppDbContext db, ILifecycleCatalog catalog, WorkingCalendar calendar,
    Receipts.ReceiptIssuer receipts) :
    ICommandHandler<EditLedgerLine, Result<PlanDto>>,
    ICommandHandler<SubmitPlan, Result<PlanDto>>,
    ICommandHandler<AcceptPlan, Result<PlanDto>>,
    ICommandHandler<ReturnPlan, Result<PlanDto>>
{
    private Plan Plan => context.Case<Plan>();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async ValueTask<Result<PlanDto>> Handle(EditLedgerLine command, CancellationToken ct)
    {
        var problem = await db.Problems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.ProblemId && p.InspectionId == Plan.InspectionId, ct);
        if (problem is null)
        {
            return Error.NotFound("Problem", command.ProblemId);
        }

        if (LedgerLimits.Check(problem, command.Kind, command.Deadline, catalog, calendar, Now) is { } outOfLimits)
        {
            return outOfLimits;
        }

        var entry = new LedgerEntry(command.Measures, command.ResponsibleLeader, command.ResponsibleDepartment, command.Kind, command.Deadline);
        return Done(Plan.EditLine(context.Machine, user.Role, command.ProblemId, entry));
    }

    public ValueTask<Result<PlanDto>> Handle(SubmitPlan command, CancellationToken ct) =>
        ValueTask.FromResult(Done(Plan.Submit(context.Machine, user.Role, user.UserId ?? Guid.Empty, Now)));

    public async ValueTask<Result<PlanDto>> Handle(AcceptPlan command, CancellationToken ct)
    {
        // A problem fed back while the plan was being screened added an empty line after the submission: the screening
        // accepts no less than a complete ledger, so the plan goes back (Return) to be completed and submitted again.
        if (Plan.Gaps().Count > 0 && Guards.All["ledger-complete"] is var complete)
        {
            return TransitionErrors.GuardsUnmet(context.Definition, Plan.State, PlanTriggers.Accept,
                [(complete.Name, complete.Explain(new GuardContext(Plan, context.Definition, user.Role, Now)))]);
        }

        if (Plan.Accept(context.Machine, user.Role, user.UserId ?? Guid.Empty, command.Comment ?? "", Now) is { } refusal)
        {
            return refusal;
        }

        var problemIds = Plan.Lines.Select(l => l.ProblemId).ToList();
        // With their reports: rectification counts only the reports made from now on, so it must know how many were made before.
        var problems = await db.Problems.Include(p => p.Progress)
            .Where(p => problemIds.Contains(p.Id) && p.State == ProblemStates.FedBack).ToListAsync(ct);
        foreach (var problem in problems)
        {
            var line = Plan.Lines.Single(l => l.ProblemId == problem.Id);
            var machine = catalog.MachineFor(problem, Role.System, Now);
            if (problem.StartRectification(machine, line.Kind!.Value, line.Deadline!.Value, Now) is { } problemRefusal)
            {
                return problemRefusal;
            }
        }

        return PlanDto.From(Plan, context.Definition, user.Language);
    }

    public ValueTask<Result<PlanDto>> Handle(ReturnPlan command, CancellationToken ct)
    {
        var refusal = Plan.Return(context.Machine, user.Role, user.UserId ?? Guid.Empty, command.Comment, command.LineComments ?? [], Now);
        if (refusal is null)
        {
            receipts.Issue(Domain.Receipts.ReceiptKind.ReturnedPlan, Plan.Lifecycle, Plan.Id, Plan.UnitId, null, Now);
        }

        return ValueTask.FromResult(Done(refusal));
    }

    private Result<PlanDto> Done(Error? refusal) => refusal is null ? PlanDto.From(Plan, context.Definition, user.Language) : refusal;
}

/// <summary>A ledger line's deadline lies between the feedback and the longest deadline the problem lifecycle allows for its kind.</summary>
internal static class LedgerLimits
{
    public static Error? Check(Problem problem, RectificationKind kind, DateOnly deadline, ILifecycleCatalog catalog, WorkingCalendar calendar, DateTime utcNow)
    {
        var fedBack = OfficeTime.DayOf(problem.FedBackAt ?? utcNow);
        var latest = calendar.Add(fedBack, catalog.Get(Problem.Lifecycle, problem.DefinitionVersion).Duration(kind.ToString()));
        if (deadline >= fedBack && deadline <= latest)
        {
            return null;
        }

        // A field error on the deadline (400), like the validator's, so the client shows it beside the field it sent; the code
        // and the range stay in the answer because only the problem's feedback date and the kind's limit explain it.
        var args = new Dictionary<string, object?>
        {
            ["problem"] = problem.Code, ["kind"] = kind.ToString(), ["earliest"] = fedBack, ["latest"] = latest, ["deadline"] = deadline,
        };
        return new Error(ErrorKind.Validation, "ledger.deadline-out-of-limits", args)
        {
            FieldErrors = new Dictionary<string, string[]>
            {
                ["Deadline"] = [$"A {kind} line's deadline lies between {fedBack:yyyy-MM-dd} and {latest:yyyy-MM-dd}."],
            },
        };
    }
}
