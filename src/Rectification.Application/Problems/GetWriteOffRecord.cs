using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

public sealed record WriteOffSignature(Role Party, string Signer, DateTime SignedAt, string Comment);

public sealed record WriteOffEvidence(string FileName, string Sha256, int ReportNumber);

/// <summary>
/// The write-off record (销号单) of a closed problem: the problem, its ledger line, the evidence relied on with file
/// hashes, and every signature of the final review, sealed with a SHA-256 over the record's content so that any
/// later change to what it states is detectable by recomputing the seal from the ledger.
/// </summary>
public sealed record WriteOffRecord(
    Guid ProblemId, string ProblemCode, string Title, string Description, string UnitName, string InspectionGroup,
    string Measures, string ResponsibleLeader, string ResponsibleDepartment, string? Kind, DateOnly? Deadline,
    IReadOnlyList<WriteOffEvidence> Evidence, IReadOnlyList<WriteOffSignature> Signatures, DateTime ClosedAt, int ReopenCount)
{
    [JsonPropertyOrder(int.MaxValue)]
    public string Seal => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, SealJson))));

    /// <summary>The seal covers every stated field but itself.</summary>
    private static readonly JsonSerializerOptions SealJson = new()
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { info => { foreach (var p in info.Properties.Where(p => p.Name == nameof(Seal)).ToList()) info.Properties.Remove(p); } },
        },
    };
}

public sealed record GetWriteOffRecord(Guid ProblemId) : IAppQuery<WriteOffRecord>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Problem, ProblemId);
}

public sealed class GetWriteOffRecordHandler(IAppDbContext db, CaseStore cases) : IQueryHandler<GetWriteOffRecord, Result<WriteOffRecord>>
{
    public async ValueTask<Result<WriteOffRecord>> Handle(GetWriteOffRecord query, CancellationToken ct)
    {
        var problem = (Problem)(await cases.LoadAsync(new ScopeTarget(TargetKind.Problem, query.ProblemId), ct))!.Value.Case;
        if (problem.State != ProblemStates.Closed || problem.ClosedAt is not { } closedAt)
        {
            return Error.Rule("writeoff.not-closed", ("problem", problem.Code), ("state", problem.State));
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == problem.UnitId).Select(u => u.Name).FirstAsync(ct);
        var group = await db.Inspections.AsNoTracking().Where(i => i.Id == problem.InspectionId).Select(i => i.GroupName).FirstAsync(ct);
        var line = await db.Plans.AsNoTracking().Where(p => p.InspectionId == problem.InspectionId)
            .SelectMany(p => p.Lines).FirstOrDefaultAsync(l => l.ProblemId == problem.Id, ct);
        var signatures = problem.SignOffs.Where(s => s.ReviewRound == problem.ReviewRound && s.Approved).OrderBy(s => s.SignedAt).ThenBy(s => s.Party).ToList();
        var signerIds = signatures.Select(s => s.SignedBy).ToList();
        var signers = await db.Users.AsNoTracking().Where(u => signerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        return new WriteOffRecord(problem.Id, problem.Code, problem.Title, problem.Description, unit, group,
            line?.Measures ?? "", line?.ResponsibleLeader ?? "", line?.ResponsibleDepartment ?? "", problem.Kind?.ToString(), problem.Deadline,
            problem.Progress.OrderBy(p => p.Number).SelectMany(p => p.Evidence.Select(e => new WriteOffEvidence(e.FileName, e.Sha256, p.Number))).ToList(),
            signatures.Select(s => new WriteOffSignature(s.Party, signers.GetValueOrDefault(s.SignedBy, s.SignedBy.ToString()), s.SignedAt, s.Comment)).ToList(),
            closedAt, problem.ReopenCount);
    }
}
