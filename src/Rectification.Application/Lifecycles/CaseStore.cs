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
}
