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

/// <summary>The supervising side accepts the screened plan; every covered problem enters rectification on its line's terms.</summary>
public sealed record AcceptPlan(Guid PlanId, string? Comment, long? ExpectedVersion = null) : PlanCommand(PlanId, ExpectedVersion)
{
    public override string Trigger => PlanTriggers.Accept;
}

public sealed class AcceptPlanValidator : AbstractValidator<AcceptPlan>
{
    public AcceptPlanValidator() => RuleFor(c => c.Comment).MaximumLength(4000);
}

public sealed class AcceptPlanHandler(LifecycleCommandServices services, IAppDbContext db, ILifecycleCatalog catalog) : PlanCommandHandler<AcceptPlan>(services)
{
    protected override async ValueTask<Result<PlanDto>> Fire(AcceptPlan command, LifecycleStep<Plan> step, CancellationToken ct)
    {
        var plan = step.Case;
        // A problem fed back while the plan was being screened added an empty line after the submission: the screening
        // accepts no less than a complete ledger, so the plan goes back (Return) to be completed and submitted again.
        if (plan.Gaps().Count > 0 && Guards.All["ledger-complete"] is var complete)
        {
            return TransitionErrors.GuardsUnmet(step.Definition, plan.State, PlanTriggers.Accept,
                [(complete.Name, complete.Explain(new GuardContext(plan, step.Definition, User.Role, step.Now)))]);
        }

        if (plan.Accept(step.Machine, User.Role, User.UserId ?? Guid.Empty, command.Comment ?? "", step.Now) is { } refusal)
        {
            return refusal;
        }

        var problemIds = plan.Lines.Select(l => l.ProblemId).ToList();
        // With their reports: rectification counts only the reports made from now on, so it must know how many were made before.
        var problems = await db.Problems.Include(p => p.Progress)
            .Where(p => problemIds.Contains(p.Id) && p.State == ProblemStates.FedBack).ToListAsync(ct);
        foreach (var problem in problems)
        {
            var line = plan.Lines.Single(l => l.ProblemId == problem.Id);
            var machine = catalog.MachineFor(problem, Role.System, step.Now);
            if (problem.StartRectification(machine, line.Kind!.Value, line.Deadline!.Value, step.Now) is { } problemRefusal)
            {
                return problemRefusal;
            }
        }

        return Done(step, null);
    }
}
