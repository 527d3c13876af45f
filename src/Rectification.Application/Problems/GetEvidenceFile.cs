using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

/// <summary>One file for download; the scope check makes another unit's file answer exactly like a missing one.</summary>
public sealed record GetEvidenceFile(Guid FileId) : IAppQuery<EvidenceFileDownload>, IScoped
{
    public ScopeTarget Target => new(TargetKind.EvidenceFile, FileId);
}

public sealed class GetEvidenceFileHandler(IAppDbContext db) : IQueryHandler<GetEvidenceFile, Result<EvidenceFileDownload>>
{
    public async ValueTask<Result<EvidenceFileDownload>> Handle(GetEvidenceFile query, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().FirstAsync(f => f.Id == query.FileId, ct);
        return new EvidenceFileDownload(EvidenceFileDto.From(file), file.StoredName);
    }
}
