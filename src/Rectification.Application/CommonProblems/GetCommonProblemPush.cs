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

/// <summary>A push and the answers of the units in the reader's scope.</summary>
public sealed record GetCommonProblemPush(Guid PushId) : IAppQuery<PushProgressDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.CommonPush, PushId);
}

public sealed class GetCommonProblemPushHandler(IAppDbContext db, ICurrentUser user, ScopeResolver scopes, TimeProvider clock)
    : IQueryHandler<GetCommonProblemPush, Result<PushProgressDto>>
{
    public async ValueTask<Result<PushProgressDto>> Handle(GetCommonProblemPush query, CancellationToken ct)
    {
        var push = await db.CommonProblemPushes.AsNoTracking().FirstAsync(p => p.Id == query.PushId, ct);
        var inScope = scopes.UnitsInScope(user);
        var tasks = await db.SelfCheckTasks.AsNoTracking().Where(t => t.PushId == push.Id && inScope.Contains(t.UnitId)).ToListAsync(ct);
        var unitIds = tasks.Select(t => t.UnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var problemIds = tasks.Where(t => t.OpenedProblemId != null).Select(t => t.OpenedProblemId!.Value).ToList();
        var states = await db.Problems.AsNoTracking().Where(p => problemIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.State, ct);
        return PushProgress.Of(push, tasks, names, states, OfficeTime.Today(clock));
    }
}
