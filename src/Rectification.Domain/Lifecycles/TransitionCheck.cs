using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Lifecycles;

/// <summary>
/// The refusals a lifecycle can give, as errors that name the state, the trigger and what is allowed — as terms, so the
/// message says 已登记 and 销号 where the ProblemDetails' own fields keep the codes.
/// </summary>
public static class TransitionErrors
{
    public static Error NotAllowedInState(LifecycleDefinition definition, string state, string trigger, IEnumerable<string> allowed) =>
        Error.Transition("transition.not-allowed",
            ("lifecycle", Lifecycle(definition)), ("state", State(definition, state)), ("trigger", Term.Trigger(trigger)),
            ("allowed", allowed.Select(Term.Trigger).ToList()));

    public static Error RoleMayNotFire(LifecycleDefinition definition, string state, string trigger, Role role, IEnumerable<Role> roles) =>
        Error.Forbidden("transition.role-not-allowed",
            ("lifecycle", Lifecycle(definition)), ("state", State(definition, state)), ("trigger", Term.Trigger(trigger)), ("role", Term.Of(role)),
            ("roles", roles.Select(r => Term.Of(r)).ToList()));

    /// <param name="unmet">Each guard that does not hold, with what exactly is missing where the guard can say it.</param>
    public static Error GuardsUnmet(LifecycleDefinition definition, string state, string trigger, IEnumerable<(string Guard, LocalizedText? Detail)> unmet) =>
        Error.Transition("transition.guards-unmet",
            ("lifecycle", Lifecycle(definition)), ("state", State(definition, state)), ("trigger", Term.Trigger(trigger)),
            ("unmet", unmet.Select(u => Unmet(u.Guard, u.Detail)).ToList()));

    private static Term Lifecycle(LifecycleDefinition definition) =>
        new(definition.Name, CaseKind.Find(definition.Name)?.Noun ?? new LocalizedText(definition.Name, definition.Name));

    private static Term State(LifecycleDefinition definition, string state) =>
        new(state, definition.States.GetValueOrDefault(state) ?? new LocalizedText(state, state));

    private static Term Unmet(string guard, LocalizedText? detail)
    {
        var label = Glossary.Guard(guard);
        return new Term(guard, detail is { ZhCn.Length: > 0 } ? new LocalizedText($"{label.ZhCn}（{detail.ZhCn}）", $"{label.En} ({detail.En})") : label);
    }
}
