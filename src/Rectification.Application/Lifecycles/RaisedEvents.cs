using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Lifecycles;

/// <summary>Lifecycle events raised while a command runs; the notification behavior turns them into outbox rows.</summary>
public sealed class RaisedEvents
{
    private readonly List<RaisedEvent> events = [];

    public IReadOnlyList<RaisedEvent> All => events;

    public void Raise(LifecycleDefinition definition, ILifecycleCase @case, string name) => events.Add(new RaisedEvent(definition, @case, name));
}

public sealed record RaisedEvent(LifecycleDefinition Definition, ILifecycleCase Case, string Name);
