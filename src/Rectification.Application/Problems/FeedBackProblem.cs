using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Plans;
using Rectification.Application.Reminders;
using Rectification.Domain.Plans;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

/// <summary>Feeds back one problem on its own, during the inspection (边巡边改).</summary>
public sealed record FeedBackProblem(Guid ProblemId, long? ExpectedVersion = null) : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => ProblemTriggers.FeedBack;
}

public sealed class FeedBackProblemHandler(LifecycleCommandServices services, Deadlines deadlines, IAppDbContext db, PlanOpener plans, Receipts.ReceiptIssuer receipts)
    : ProblemCommandHandler<FeedBackProblem>(services, deadlines)
{
    protected override async ValueTask<Result<ProblemSummary>> Fire(FeedBackProblem command, LifecycleStep<Problem> step, CancellationToken ct)
    {
        var problem = step.Case;
        var inspection = await db.Inspections.FirstAsync(i => i.Id == problem.InspectionId, ct);
        var plan = await plans.OpenOrGetAsync(inspection, step.Now, ct);
        if (plan.State == PlanStates.Accepted)
        {
            return Error.Rule("plan.already-accepted", ("plan", plan.Id));
        }

        plan.Cover(problem);
        receipts.Issue(Domain.Receipts.ReceiptKind.Feedback, Problem.Lifecycle, problem.Id, problem.UnitId, null, step.Now);
        return Done(problem, problem.FeedBack(step.Machine, User.Role, step.Now));
    }
}
