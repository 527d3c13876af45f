using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Reminders;

/// <summary>Records that the reminder talk was held, with what was said.</summary>
[AllowedRoles(Role.InspectionOffice, Role.DisciplineCommission, Role.UnitLeader)]
public sealed record CompleteTask(Guid TaskId, string Record) : IAppCommand<TaskDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Task, TaskId);
}

public sealed class CompleteTaskValidator : AbstractValidator<CompleteTask>
{
    public CompleteTaskValidator() => RuleFor(c => c.Record).NotEmpty().MaximumLength(4000);
}

public sealed class CompleteTaskHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CompleteTask, Result<TaskDto>>
{
    public async ValueTask<Result<TaskDto>> Handle(CompleteTask command, CancellationToken ct)
    {
        var task = await db.Tasks.FirstAsync(t => t.Id == command.TaskId, ct);
        return task.Complete(user.UserId ?? Guid.Empty, command.Record, clock.GetUtcNow().UtcDateTime) is { } refusal ? refusal : TaskDto.From(task);
    }
}
