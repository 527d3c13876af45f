using FluentValidation;
using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Auditing;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration;

/// <summary>The head of the audit chain as a digest, to be kept outside the database (e.g. fetched hourly into a file or a mail).</summary>
[AllowedRoles(Role.Administrator)]
public sealed record ExportAuditDigest : IAppQuery<AuditDigestDto>;

public sealed class ExportAuditDigestHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ExportAuditDigest, Result<AuditDigestDto>>
{
    public async ValueTask<Result<AuditDigestDto>> Handle(ExportAuditDigest query, CancellationToken ct) =>
        await new AuditChainVerifier(db, clock).HeadAsync(ct);
}
