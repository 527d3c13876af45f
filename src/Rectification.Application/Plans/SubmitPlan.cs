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

public sealed record SubmitPlan(Guid PlanId, long? ExpectedVersion = null) : PlanCommand(PlanId, ExpectedVersion)
{
    public override string Trigger => PlanTriggers.Submit;
}

public sealed class SubmitPlanHandler(LifecycleCommandServices services) : PlanCommandHandler<SubmitPlan>(services)
{
    protected override ValueTask<Result<PlanDto>> Fire(SubmitPlan command, LifecycleStep<Plan> step, CancellationToken ct) =>
        ValueTask.FromResult(Done(step, step.Case.Submit(step.Machine, User.Role, User.UserId ?? Guid.Empty, step.Now)));
}
