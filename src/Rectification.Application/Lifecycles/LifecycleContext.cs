using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Lifecycles;

/// <summary>
/// The case a lifecycle command acts on, loaded and checked by the rule behavior, handed to the handler
/// so that it is loaded once and fired on the same machine that was checked.
/// </summary>
public sealed class LifecycleContext
{
    private LifecycleMachine? machine;
    private ILifecycleCase? subject;

    public LifecycleDefinition Definition { get; private set; } = null!;

    public LifecycleMachine Machine => machine ?? throw new InvalidOperationException("No lifecycle command is in progress in this scope.");

    public T Case<T>() where T : class, ILifecycleCase => subject as T ?? throw new InvalidOperationException($"The case in progress is not a {typeof(T).Name}.");

    public ILifecycleCase? Current => subject;

    internal void Set(LifecycleDefinition definition, ILifecycleCase @case, LifecycleMachine lifecycleMachine)
    {
        Definition = definition;
        subject = @case;
        machine = lifecycleMachine;
    }
}

/// <summary>Lifecycle events raised while a command runs; the notification behavior turns them into outbox rows.</summary>
public sealed class RaisedEvents
{
    private readonly List<RaisedEvent> events = [];

    public IReadOnlyList<RaisedEvent> All => events;

    public void Raise(LifecycleDefinition definition, ILifecycleCase @case, string name) => events.Add(new RaisedEvent(definition, @case, name));
}

public sealed record RaisedEvent(LifecycleDefinition Definition, ILifecycleCase Case, string Name);
