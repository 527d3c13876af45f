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

public abstract record SelfCheckAnswer(Guid TaskId) : IAppCommand<SelfCheckDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.SelfCheck, TaskId);
}

/// <summary>A unit's answer to a self-check: the task with the push it answers.</summary>
internal static class SelfCheckAnswers
{
    public static async Task<(SelfCheckTask Task, CommonProblemPush Push)> LoadAsync(IAppDbContext db, Guid taskId, CancellationToken ct)
    {
        var task = await db.SelfCheckTasks.FirstAsync(t => t.Id == taskId, ct);
        var push = await db.CommonProblemPushes.AsNoTracking().FirstAsync(p => p.Id == task.PushId, ct);
        return (task, push);
    }
}
