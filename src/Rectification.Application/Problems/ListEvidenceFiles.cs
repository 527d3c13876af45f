using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

/// <summary>The files uploaded for a problem, oldest first.</summary>
public sealed record ListEvidenceFiles(Guid ProblemId) : IAppQuery<IReadOnlyList<EvidenceFileDto>>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Problem, ProblemId);
}

public sealed class ListEvidenceFilesHandler(IAppDbContext db) : IQueryHandler<ListEvidenceFiles, Result<IReadOnlyList<EvidenceFileDto>>>
{
    public async ValueTask<Result<IReadOnlyList<EvidenceFileDto>>> Handle(ListEvidenceFiles query, CancellationToken ct)
    {
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.ProblemId == query.ProblemId)
            .OrderBy(f => f.UploadedAt).ThenBy(f => f.Id).ToListAsync(ct);
        return files.Select(EvidenceFileDto.From).ToList();
    }
}
