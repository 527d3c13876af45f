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

/// <summary>Closes (销号) a problem once every required party has signed.</summary>
public sealed record CloseProblem(Guid ProblemId, long? ExpectedVersion = null) : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => ProblemTriggers.Close;
}

public sealed class CloseProblemHandler(LifecycleCommandServices services, Deadlines deadlines) : ProblemCommandHandler<CloseProblem>(services, deadlines)
{
    protected override ValueTask<Result<ProblemSummary>> Fire(CloseProblem command, LifecycleStep<Problem> step, CancellationToken ct) =>
        ValueTask.FromResult(Done(step.Case, step.Case.Close(step.Machine, User.Role, step.Now)));
}
