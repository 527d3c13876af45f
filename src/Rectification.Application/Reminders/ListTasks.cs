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
