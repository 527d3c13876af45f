using FluentValidation;
using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Auditing;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration;

/// <summary>
/// Verifies the whole audit chain and names the first broken entry. With a digest exported earlier
/// (<c>sequence:hash</c>, see <see cref="ExportAuditDigest"/>) it also proves that the entry it names is still there unchanged.
/// </summary>
[AllowedRoles(Role.Administrator)]
public sealed record VerifyAuditChain(string? Digest = null) : IAppQuery<AuditChainReport>;

public sealed class VerifyAuditChainValidator : AbstractValidator<VerifyAuditChain>
{
    public VerifyAuditChainValidator() =>
        RuleFor(q => q.Digest).Must(d => d is null || AuditDigest.TryParse(d, out _))
            .WithMessage("A digest is written sequence:hash, e.g. 1024:followed by the 64 hex digits of the hash.");
}

public sealed class VerifyAuditChainHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<VerifyAuditChain, Result<AuditChainReport>>
{
    public async ValueTask<Result<AuditChainReport>> Handle(VerifyAuditChain query, CancellationToken ct)
    {
        var digest = AuditDigest.TryParse(query.Digest, out var parsed) ? parsed : null;
        return await new AuditChainVerifier(db, clock).VerifyAsync(digest, ct: ct);
    }
}
