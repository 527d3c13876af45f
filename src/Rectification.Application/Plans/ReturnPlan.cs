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

public sealed class ReturnPlanHandler(LifecycleCommandServices services, Receipts.ReceiptIssuer receipts) : PlanCommandHandler<ReturnPlan>(services)
{
    protected override ValueTask<Result<PlanDto>> Fire(ReturnPlan command, LifecycleStep<Plan> step, CancellationToken ct)
    {
        var plan = step.Case;
        var refusal = plan.Return(step.Machine, User.Role, User.UserId ?? Guid.Empty, command.Comment, command.LineComments ?? [], step.Now);
        if (refusal is null)
        {
            receipts.Issue(Domain.Receipts.ReceiptKind.ReturnedPlan, Plan.Lifecycle, plan.Id, plan.UnitId, null, step.Now);
        }

        return ValueTask.FromResult(Done(step, refusal));
    }
}
