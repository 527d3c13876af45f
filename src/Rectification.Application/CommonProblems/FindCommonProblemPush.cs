using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Application.CommonProblems;

/// <summary>The push made of a problem, if any: a problem is pushed once, so its page links to that push instead of offering another.</summary>
public sealed record FindCommonProblemPush(Guid ProblemId) : IAppQuery<Guid?>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Problem, ProblemId);
}

public sealed class FindCommonProblemPushHandler(IAppDbContext db) : IQueryHandler<FindCommonProblemPush, Result<Guid?>>
{
    public async ValueTask<Result<Guid?>> Handle(FindCommonProblemPush query, CancellationToken ct) =>
        await db.CommonProblemPushes.AsNoTracking().Where(p => p.ProblemId == query.ProblemId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
}
