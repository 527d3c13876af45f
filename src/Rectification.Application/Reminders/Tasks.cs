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

public sealed record TaskDto(Guid Id, SupervisionTaskKind Kind, string Lifecycle, Guid CaseId, Guid UnitId, Role AssigneeRole, DateOnly DueDate,
    DateTime OpenedAt, SupervisionTaskStatus Status, DateTime? CompletedAt, string? Record)
{
    public static TaskDto From(SupervisionTask t) => new(t.Id, t.Kind, t.Lifecycle, t.CaseId, t.UnitId, t.AssigneeRole, t.DueDate, t.OpenedAt, t.Status, t.CompletedAt, t.Record);
}

/// <summary>Tasks the ladder opened in the user's scope, e.g. reminder talks (提醒谈话) still to be held.</summary>
public sealed record ListTasks(SupervisionTaskStatus? Status = null) : IAppQuery<IReadOnlyList<TaskDto>>;

public sealed class ListTasksHandler(IAppDbContext db, Visibility.ReadPolicy visibility) : IQueryHandler<ListTasks, Result<IReadOnlyList<TaskDto>>>
{
    public async ValueTask<Result<IReadOnlyList<TaskDto>>> Handle(ListTasks query, CancellationToken ct)
    {
        var inScope = visibility.UnitsInScope;
        var hidden = visibility.HiddenKinds;
        var tasks = db.Tasks.AsNoTracking().Where(t => inScope.Contains(t.UnitId) && !hidden.Contains(t.Lifecycle));
        if (query.Status is { } status) tasks = tasks.Where(t => t.Status == status);
        var rows = await tasks.OrderBy(t => t.DueDate).Take(1000).ToListAsync(ct);
        return rows.Select(TaskDto.From).ToList();
    }
}

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
