using Rectification.Application.Abstractions;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;

namespace Rectification.Application.Lifecycles;

public static class LifecycleMachines
{
    /// <summary>The machine of a case on the definition version it started under, so a newer file never rewrites a running case.</summary>
    public static LifecycleMachine MachineFor(this ILifecycleCatalog catalog, ILifecycleCase subject, Role actor, DateTime utcNow) =>
        new(catalog.Get(subject.CaseKind.Lifecycle, subject.DefinitionVersion), subject, actor, utcNow);
}
