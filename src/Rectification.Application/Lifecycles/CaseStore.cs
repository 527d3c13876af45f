using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles.Kinds;
using Rectification.Application.Messaging;
using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Lifecycles;

/// <summary>Loads a lifecycle case with everything its guards read.</summary>
public sealed class CaseStore(IAppDbContext db)
{
    public async Task<(ILifecycleCase Case, string Lifecycle)?> LoadAsync(ScopeTarget target, CancellationToken ct)
    {
        var source = CaseSources.Of(target.Kind);
        var found = await source.LoadAsync(db, target.Id, ct);
        return found is null ? null : (found, source.Lifecycle);
    }

    /// <summary>
    /// The case as this unit of work already holds it (the rule behavior loaded it with its guards' data before the handler runs),
    /// else loaded: a handler acts on the very instance that was checked, found through the unit of work rather than handed over.
    /// </summary>
    public async Task<ILifecycleCase?> FindAsync(ScopeTarget target, CancellationToken ct) =>
        Tracked(target) ?? (await LoadAsync(target, ct))?.Case;

    /// <summary>The case of <paramref name="target"/> if this unit of work tracks it.</summary>
    public ILifecycleCase? Tracked(ScopeTarget target)
    {
        var kind = CaseSources.Of(target.Kind).Kind;
        return db.ChangeTracker.Entries<ILifecycleCase>().Select(e => e.Entity).FirstOrDefault(c => c.Id == target.Id && c.CaseKind == kind);
    }
}
