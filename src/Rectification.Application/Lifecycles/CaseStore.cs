using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Lifecycles;

/// <summary>Loads a lifecycle case with everything its guards read.</summary>
public sealed class CaseStore(IAppDbContext db)
{
    public async Task<(ILifecycleCase Case, string Lifecycle)?> LoadAsync(ScopeTarget target, CancellationToken ct)
    {
        ILifecycleCase? found = target.Kind switch
        {
            TargetKind.Problem => await db.Problems.Include(p => p.Progress).Include(p => p.SignOffs).Include(p => p.Reopenings)
                .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == target.Id, ct),
            TargetKind.Plan => await db.Plans.Include(p => p.Lines).Include(p => p.Revisions)
                .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == target.Id, ct),
            TargetKind.Clue => await db.Clues.FirstOrDefaultAsync(c => c.Id == target.Id, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "Not a lifecycle case."),
        };

        return found is null ? null : (found, LifecycleOf(target.Kind));
    }

    public static string LifecycleOf(TargetKind kind) => kind switch
    {
        TargetKind.Problem => Domain.Problems.Problem.Lifecycle,
        TargetKind.Plan => Domain.Plans.Plan.Lifecycle,
        TargetKind.Clue => Domain.Clues.Clue.Lifecycle,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a lifecycle case."),
    };
}
