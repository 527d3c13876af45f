using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Stateless;
using Stateless.Graph;

namespace Rectification.Domain.Lifecycles;

/// <summary>
/// Runs one case on a Stateless machine built from its definition. Refusals come back as errors; Stateless's
/// own exception never escapes because every fire is preceded by the same checks it would make.
/// </summary>
public sealed class LifecycleMachine
{
    private readonly LifecycleDefinition definition;
    private readonly ILifecycleCase subject;
    private readonly StateMachine<string, string> machine;
    private readonly GuardContext context;

    public LifecycleMachine(LifecycleDefinition definition, ILifecycleCase subject, Role actor, DateTime utcNow)
    {
        if (subject.DefinitionVersion != definition.Version)
        {
            throw new ArgumentException($"Case {subject.Id} runs on v{subject.DefinitionVersion} of '{definition.Name}', not v{definition.Version}.", nameof(definition));
        }

        this.definition = definition;
        this.subject = subject;
        context = new GuardContext(subject, definition, actor, utcNow);
        machine = new StateMachine<string, string>(() => subject.State, s => subject.State = s);
        Configure(machine, definition, g => () => Guards.All[g].Holds(context));
    }

    public string State => subject.State;

    public LifecycleDefinition Definition => definition;

    /// <summary>Triggers the definition offers in the current state whose role list includes the actor and whose guards hold.</summary>
    public IReadOnlyList<string> PermittedTriggers(Role actor) =>
        definition.Transitions
            .Where(t => t.From == subject.State && t.Roles.Contains(actor))
            .Select(t => t.Trigger)
            .Where(t => machine.CanFire(t))
            .Distinct()
            .ToList();

    public Error? Check(string trigger, Role actor)
    {
        var transition = definition.Find(subject.State, trigger);
        if (transition is null)
        {
            return TransitionErrors.NotAllowedInState(definition, subject.State, trigger, definition.TriggersFrom(subject.State));
        }

        if (!transition.Roles.Contains(actor))
        {
            return TransitionErrors.RoleMayNotFire(definition, subject.State, trigger, actor, transition.Roles);
        }

        if (machine.CanFire(trigger, out _))
        {
            return null;
        }

        var unmet = transition.Guards
            .Select(g => Guards.All[g])
            .Where(g => !g.Holds(context))
            .Select(g => (g.Name, g.Explain(context)));
        return TransitionErrors.GuardsUnmet(definition, subject.State, trigger, unmet);
    }

    /// <summary>Fires the trigger if allowed; returns the refusal otherwise and leaves the case unchanged.</summary>
    public Error? Fire(string trigger, Role actor)
    {
        var refusal = Check(trigger, actor);
        if (refusal is null)
        {
            machine.Fire(trigger);
        }

        return refusal;
    }

    public static string ToMermaid(LifecycleDefinition definition) => MermaidGraph.Format(DiagramMachine(definition).GetInfo());

    public static string ToDot(LifecycleDefinition definition) => UmlDotGraph.Format(DiagramMachine(definition).GetInfo());

    private static StateMachine<string, string> DiagramMachine(LifecycleDefinition definition)
    {
        var state = definition.Initial;
        var machine = new StateMachine<string, string>(() => state, s => state = s);
        Configure(machine, definition, _ => () => true);
        return machine;
    }

    private static void Configure(StateMachine<string, string> machine, LifecycleDefinition definition, Func<string, Func<bool>> guard)
    {
        foreach (var state in definition.States.Keys)
        {
            var config = machine.Configure(state);
            foreach (var t in definition.Transitions.Where(t => t.From == state))
            {
                var guards = t.Guards.Select(g => new Tuple<Func<bool>, string>(guard(g), Common.Glossary.Guard(g).En)).ToArray();
                if (t.To == t.From)
                {
                    config.PermitReentryIf(t.Trigger, guards);
                }
                else
                {
                    config.PermitIf(t.Trigger, t.To, guards);
                }
            }
        }
    }
}
