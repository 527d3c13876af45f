using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Auditing;
using Rectification.Domain.Common;

namespace Rectification.Application.Problems;

public sealed record AuditEntryDto(long Id, DateTime At, string UserName, string Role, string Command, string EntityType, Guid EntityId,
    string? Trigger, string? FromState, string? ToState, string Before, string After);

/// <summary>The audit trail of one case (problem, plan or clue) in the user's scope, oldest first.</summary>
public sealed record GetAuditTrail(TargetKind Kind, Guid Id) : IAppQuery<IReadOnlyList<AuditEntryDto>>, IScoped
{
    public ScopeTarget Target => new(Kind, Id);
}

public sealed class GetAuditTrailHandler(IAppDbContext db) : IQueryHandler<GetAuditTrail, Result<IReadOnlyList<AuditEntryDto>>>
{
    public async ValueTask<Result<IReadOnlyList<AuditEntryDto>>> Handle(GetAuditTrail query, CancellationToken ct) =>
        // A problem's trail includes the uploads of its evidence files: they are entries of their own (one per file), but part of its story.
        await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == query.Id
                || (query.Kind == TargetKind.Problem && db.EvidenceFiles.Any(f => f.ProblemId == query.Id && f.Id == a.EntityId)))
            .OrderBy(a => a.Id)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.UserName, a.Role, a.Command, a.EntityType, a.EntityId, a.Trigger, a.FromState, a.ToState, a.Before, a.After))
            .ToListAsync(ct);
}
