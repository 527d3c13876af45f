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

/// <summary>A plan command's handler: fires on the plan and answers with the plan as its lifecycle version describes it.</summary>
public abstract class PlanCommandHandler<TCommand>(LifecycleCommandServices services) : LifecycleCommandHandler<TCommand, Plan, PlanDto>(services)
    where TCommand : PlanCommand
{
    protected Result<PlanDto> Done(LifecycleStep<Plan> step, Error? refusal) =>
        refusal is null ? PlanDto.From(step.Case, step.Definition, User.Language, step.Machine.PermittedTriggers(User.Role)) : refusal;
}
