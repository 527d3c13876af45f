using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Application.Plans;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Inspections;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Severity = Rectification.Domain.Problems.Severity;

namespace Rectification.Application.CommonProblems;

/// <summary>The unit finds the common problem is not present there, and says so in a statement it answers for.</summary>
[AllowedRoles(Role.UnitLiaison, Role.UnitLeader)]
public sealed record AnswerSelfCheckNotPresent(Guid TaskId, string Statement) : SelfCheckAnswer(TaskId);

public sealed class AnswerSelfCheckNotPresentValidator : AbstractValidator<AnswerSelfCheckNotPresent>
{
    public AnswerSelfCheckNotPresentValidator() => RuleFor(c => c.Statement).NotEmpty().MaximumLength(4000);
}

public sealed class AnswerSelfCheckNotPresentHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AnswerSelfCheckNotPresent, Result<SelfCheckDto>>
{
    public async ValueTask<Result<SelfCheckDto>> Handle(AnswerSelfCheckNotPresent command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (task, push) = await SelfCheckAnswers.LoadAsync(db, command.TaskId, ct);
        return task.AnswerNotPresent(user.UserId ?? Guid.Empty, user.UserName, command.Statement.Trim(), now) is { } refusal
            ? refusal
            : SelfCheckDto.From(task, push, OfficeTime.DayOf(now));
    }
}
