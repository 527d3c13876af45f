using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

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
