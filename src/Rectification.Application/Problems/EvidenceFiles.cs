using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

public sealed record EvidenceFileDto(Guid Id, Guid ProblemId, string FileName, string ContentType, long Length, string Sha256, DateTime UploadedAt, Guid UploadedBy)
{
    public static EvidenceFileDto From(EvidenceFile f) => new(f.Id, f.ProblemId, f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedAt, f.UploadedBy);
}

/// <summary>What the host needs to stream a stored file back: the public description and where the bytes are.</summary>
public sealed record EvidenceFileDownload(EvidenceFileDto File, string StoredName);

/// <summary>
/// Asked before the upload's body is read, with the same roles and scope as the recording command: a caller who may not
/// upload to this problem is refused without the server accepting megabytes from them.
/// </summary>
[AllowedRoles(Role.UnitLiaison, Role.UnitLeader)]
public sealed record AuthorizeEvidenceUpload(Guid ProblemId) : IAppQuery<Guid>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Problem, ProblemId);
}

public sealed class AuthorizeEvidenceUploadHandler : IQueryHandler<AuthorizeEvidenceUpload, Result<Guid>>
{
    public ValueTask<Result<Guid>> Handle(AuthorizeEvidenceUpload query, CancellationToken ct) => ValueTask.FromResult(Result<Guid>.Ok(query.ProblemId));
}

/// <summary>
/// Records a file the host has already checked and stored: name, detected type, size and SHA-256. Runs through the pipeline
/// like every change, so the upload is authorized again and audited in the same transaction as the row.
/// </summary>
[AllowedRoles(Role.UnitLiaison, Role.UnitLeader)]
public sealed record RecordEvidenceFile(Guid ProblemId, Guid FileId, string FileName, string ContentType, long Length, string Sha256)
    : IAppCommand<EvidenceFileDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Problem, ProblemId);
}

public sealed class RecordEvidenceFileValidator : AbstractValidator<RecordEvidenceFile>
{
    public RecordEvidenceFileValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(255);
        RuleFor(c => c.ContentType).NotEmpty().MaximumLength(120);
        RuleFor(c => c.Length).GreaterThan(0);
        RuleFor(c => c.Sha256).Matches("^[0-9a-f]{64}$");
    }
}

public sealed class RecordEvidenceFileHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordEvidenceFile, Result<EvidenceFileDto>>
{
    public async ValueTask<Result<EvidenceFileDto>> Handle(RecordEvidenceFile command, CancellationToken ct)
    {
        var unitId = await db.Problems.Where(p => p.Id == command.ProblemId).Select(p => p.UnitId).FirstAsync(ct);
        var file = EvidenceFile.Record(command.FileId, command.ProblemId, unitId, command.FileName, command.ContentType, command.Length, command.Sha256,
            EvidenceFile.StoredNameFor(command.FileId), clock.GetUtcNow().UtcDateTime, user.UserId ?? Guid.Empty);
        db.EvidenceFiles.Add(file);
        return EvidenceFileDto.From(file);
    }
}

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
