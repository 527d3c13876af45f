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

public sealed record SubmitForReview(Guid ProblemId, long? ExpectedVersion = null) : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => ProblemTriggers.SubmitForReview;
}

public sealed class SubmitForReviewHandler(LifecycleCommandServices services, Deadlines deadlines) : ProblemCommandHandler<SubmitForReview>(services, deadlines)
{
    protected override ValueTask<Result<ProblemSummary>> Fire(SubmitForReview command, LifecycleStep<Problem> step, CancellationToken ct) =>
        ValueTask.FromResult(Done(step.Case, step.Case.SubmitForReview(step.Machine, User.Role)));
}
