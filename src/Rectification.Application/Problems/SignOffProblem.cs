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

/// <summary>A required party signs off (签字) or rejects with reasons; one rejection sends the problem back.</summary>
public sealed record SignOffProblem(Guid ProblemId, bool Approve, string? Comment, long? ExpectedVersion = null) : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => Approve ? ProblemTriggers.SignOff : ProblemTriggers.RejectReview;
}

public sealed class SignOffProblemValidator : AbstractValidator<SignOffProblem>
{
    public SignOffProblemValidator()
    {
        // A rejection must give its reasons; in the validator's own message, which speaks the user's language (a fixed English text would not).
        RuleFor(c => c.Comment).NotEmpty().When(c => !c.Approve);
        RuleFor(c => c.Comment).MaximumLength(4000);
    }
}

public sealed class SignOffProblemHandler(LifecycleCommandServices services, Deadlines deadlines) : ProblemCommandHandler<SignOffProblem>(services, deadlines)
{
    protected override ValueTask<Result<ProblemSummary>> Fire(SignOffProblem command, LifecycleStep<Problem> step, CancellationToken ct) =>
        ValueTask.FromResult(Done(step.Case, step.Case.Sign(step.Machine, User.Role, User.UserId ?? Guid.Empty, command.Approve, command.Comment ?? "", step.Now)));
}
