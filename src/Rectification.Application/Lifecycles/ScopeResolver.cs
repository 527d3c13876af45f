using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;

namespace Rectification.Application.Lifecycles;

/// <summary>Finds the unit an object belongs to, and whether the acting user's scope covers it.</summary>
public sealed class ScopeResolver(IAppDbContext db)
{
    public async Task<string?> UnitPathOfAsync(ScopeTarget target, CancellationToken ct)
    {
        var unitId = target.Kind switch
        {
            TargetKind.Unit => target.Id,
            TargetKind.Inspection => await db.Inspections.Where(i => i.Id == target.Id).Select(i => (Guid?)i.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.Problem => await db.Problems.Where(p => p.Id == target.Id).Select(p => (Guid?)p.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.Plan => await db.Plans.Where(p => p.Id == target.Id).Select(p => (Guid?)p.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.Clue => await db.Clues.Where(c => c.Id == target.Id).Select(c => (Guid?)c.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.Extension => await db.Extensions.Where(e => e.Id == target.Id).Select(e => (Guid?)e.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.Task => await db.Tasks.Where(t => t.Id == target.Id).Select(t => (Guid?)t.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.User => await db.Users.Where(u => u.Id == target.Id).Select(u => (Guid?)u.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.EvidenceFile => await db.EvidenceFiles.Where(f => f.Id == target.Id).Select(f => (Guid?)f.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.Receipt => await db.Receipts.Where(r => r.Id == target.Id).Select(r => (Guid?)r.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.LineChange => await db.LineChanges.Where(c => c.Id == target.Id).Select(c => (Guid?)c.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.CommonPush => await db.CommonProblemPushes.Where(p => p.Id == target.Id).Select(p => (Guid?)p.UnitId).FirstOrDefaultAsync(ct),
            TargetKind.SelfCheck => await db.SelfCheckTasks.Where(t => t.Id == target.Id).Select(t => (Guid?)t.UnitId).FirstOrDefaultAsync(ct),
            _ => null,
        };

        return unitId is null ? null : await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
    }

    public static bool Covers(ICurrentUser user, string unitPath) => unitPath.StartsWith(user.UnitPath, StringComparison.Ordinal);

    /// <summary>The ids of the units in the user's scope, as a sub-query to filter lists in the database.</summary>
    public IQueryable<Guid> UnitsInScope(ICurrentUser user) => db.Units.Where(u => u.Path.StartsWith(user.UnitPath)).Select(u => u.Id);
}
