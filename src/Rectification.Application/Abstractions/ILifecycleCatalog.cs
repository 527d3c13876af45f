using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Abstractions;

/// <summary>Every published version of every lifecycle; new cases start on the current version.</summary>
public interface ILifecycleCatalog
{
    LifecycleDefinition Current(string lifecycle);
    LifecycleDefinition Get(string lifecycle, int version);
    IReadOnlyList<LifecycleDefinition> All { get; }
}
