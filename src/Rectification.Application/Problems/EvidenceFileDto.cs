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
