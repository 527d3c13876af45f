using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Plans;

namespace Rectification.Application.Plans;

public enum LineChange { Added, Removed, Changed }

public sealed record FieldChange(string Field, string? Old, string? New);

public sealed record LineDiff(Guid ProblemId, string ProblemCode, LineChange Change, IReadOnlyList<FieldChange> Fields);

public sealed record PlanDiff(Guid PlanId, int From, int To, IReadOnlyList<LineDiff> Lines);

/// <summary>What changed between two submitted versions of a plan, line by line: what a screener checks after a return.</summary>
public sealed record DiffPlanRevisions(Guid PlanId, int From, int To) : IAppQuery<PlanDiff>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Plan, PlanId);
}

public sealed class DiffPlanRevisionsHandler(IAppDbContext db) : IQueryHandler<DiffPlanRevisions, Result<PlanDiff>>
{
    public async ValueTask<Result<PlanDiff>> Handle(DiffPlanRevisions query, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Revisions).FirstAsync(p => p.Id == query.PlanId, ct);
        var from = plan.Revisions.FirstOrDefault(r => r.Number == query.From);
        var to = plan.Revisions.FirstOrDefault(r => r.Number == query.To);
        if (from is null || to is null)
        {
            return Error.NotFound("PlanRevision", from is null ? query.From : query.To);
        }

        return new PlanDiff(plan.Id, from.Number, to.Number, Compare(from.Lines, to.Lines));
    }

    public static IReadOnlyList<LineDiff> Compare(IReadOnlyList<LedgerLineSnapshot> before, IReadOnlyList<LedgerLineSnapshot> after)
    {
        var diffs = new List<LineDiff>();
        foreach (var line in after)
        {
            var old = before.FirstOrDefault(b => b.ProblemId == line.ProblemId);
            if (old is null)
            {
                diffs.Add(new LineDiff(line.ProblemId, line.ProblemCode, LineChange.Added, Fields(null, line)));
            }
            else if (Fields(old, line) is { Count: > 0 } changed)
            {
                diffs.Add(new LineDiff(line.ProblemId, line.ProblemCode, LineChange.Changed, changed));
            }
        }

        diffs.AddRange(before.Where(b => after.All(a => a.ProblemId != b.ProblemId))
            .Select(b => new LineDiff(b.ProblemId, b.ProblemCode, LineChange.Removed, Fields(b, null))));
        return diffs.OrderBy(d => d.ProblemCode, StringComparer.Ordinal).ToList();
    }

    private static List<FieldChange> Fields(LedgerLineSnapshot? old, LedgerLineSnapshot? @new)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, a, b));
            }
        }

        Compare(nameof(LedgerLineSnapshot.Measures), old?.Measures, @new?.Measures);
        Compare(nameof(LedgerLineSnapshot.ResponsibleLeader), old?.ResponsibleLeader, @new?.ResponsibleLeader);
        Compare(nameof(LedgerLineSnapshot.ResponsibleDepartment), old?.ResponsibleDepartment, @new?.ResponsibleDepartment);
        Compare(nameof(LedgerLineSnapshot.Kind), old?.Kind?.ToString(), @new?.Kind?.ToString());
        Compare(nameof(LedgerLineSnapshot.Deadline), old?.Deadline?.ToString("yyyy-MM-dd"), @new?.Deadline?.ToString("yyyy-MM-dd"));
        return changes;
    }
}
