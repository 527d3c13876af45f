using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Workflows;

public sealed record LifecycleDto(string Name, int Version, string Initial, IReadOnlyDictionary<string, LocalizedText> States,
    IReadOnlyList<TransitionDefinition> Transitions, IReadOnlyDictionary<string, string> Durations, string Mermaid, string ContentHash);

/// <summary>Every published lifecycle version, with its diagram generated from the definition.</summary>
public sealed record ListLifecycles : IAppQuery<IReadOnlyList<LifecycleDto>>;

public sealed class ListLifecyclesHandler(ILifecycleCatalog catalog) : IQueryHandler<ListLifecycles, Result<IReadOnlyList<LifecycleDto>>>
{
    public ValueTask<Result<IReadOnlyList<LifecycleDto>>> Handle(ListLifecycles query, CancellationToken ct) =>
        ValueTask.FromResult(Result<IReadOnlyList<LifecycleDto>>.Ok(catalog.All
            .OrderBy(d => d.Name).ThenBy(d => d.Version)
            .Select(d => new LifecycleDto(d.Name, d.Version, d.Initial, d.States, d.Transitions,
                d.Durations.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()), LifecycleMachine.ToMermaid(d), d.ContentHash))
            .ToList()));
}
