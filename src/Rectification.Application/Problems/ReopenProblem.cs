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
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

/// <summary>A look-back (回头看) finds the problem not truly fixed and reopens it with a reason and a new deadline.</summary>
public sealed record ReopenProblem(Guid ProblemId, string Reason, DateOnly NewDeadline, Guid? LookBackInspectionId = null, long? ExpectedVersion = null)
    : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => ProblemTriggers.Reopen;
}

public sealed class ReopenProblemValidator : AbstractValidator<ReopenProblem>
{
    public ReopenProblemValidator(TimeProvider clock)
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.NewDeadline)
            .Must(d => d > OfficeTime.Today(clock))
            .WithMessage("The new deadline must be after today.")
            .LessThanOrEqualTo(new DateOnly(2100, 12, 31));
    }
}

public sealed class ReopenProblemHandler(LifecycleCommandServices services, Deadlines deadlines, ILifecycleCatalog catalog, WorkingCalendar calendar)
    : ProblemCommandHandler<ReopenProblem>(services, deadlines)
{
    protected override ValueTask<Result<ProblemSummary>> Fire(ReopenProblem command, LifecycleStep<Problem> step, CancellationToken ct) =>
        ValueTask.FromResult(LedgerLimits.CheckReopening(step.Case, command.NewDeadline, catalog, calendar, step.Now) is { } outOfLimits
            ? outOfLimits
            : Done(step.Case, step.Case.Reopen(step.Machine, User.Role, User.UserId ?? Guid.Empty, command.Reason, command.NewDeadline,
                command.LookBackInspectionId, step.Now)));
}
