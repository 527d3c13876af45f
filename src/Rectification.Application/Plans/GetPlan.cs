using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Plans;
using Mediator;

namespace Rectification.Application.Plans;

/// <summary>One plan by its id, with what this user may do on it now: the plan editor and the screening open a plan from a task by its id.</summary>
public sealed record GetPlan(Guid PlanId) : IAppQuery<PlanDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Plan, PlanId);
}

public sealed class GetPlanHandler(CaseStore cases, ILifecycleCatalog catalog, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetPlan, Result<PlanDto>>
{
    public async ValueTask<Result<PlanDto>> Handle(GetPlan query, CancellationToken ct)
    {
        if (await cases.LoadAsync(new ScopeTarget(TargetKind.Plan, query.PlanId), ct) is not { Case: Plan plan })
        {
            return Error.NotFound("Plan", query.PlanId);
        }

        var machine = catalog.MachineFor(plan, user.Role, clock.GetUtcNow().UtcDateTime);
        return PlanDto.From(plan, machine.Definition, user.Language, machine.PermittedTriggers(user.Role));
    }
}
