using Rectification.Domain.Common;

namespace Rectification.Domain.Lifecycles;

/// <summary>The refusals a lifecycle can give, as errors that name the state, the trigger and what is allowed.</summary>
public static class TransitionErrors
{
    public static Error NotAllowedInState(string lifecycle, string state, string trigger, IEnumerable<string> allowed) =>
        Error.Transition("transition.not-allowed",
            ("lifecycle", lifecycle), ("state", state), ("trigger", trigger), ("allowed", string.Join(", ", allowed)));

    public static Error RoleMayNotFire(string lifecycle, string state, string trigger, string role, IEnumerable<string> roles) =>
        Error.Forbidden("transition.role-not-allowed",
            ("lifecycle", lifecycle), ("state", state), ("trigger", trigger), ("role", role), ("roles", string.Join(", ", roles)));

    public static Error GuardsUnmet(string lifecycle, string state, string trigger, IEnumerable<string> unmet) =>
        Error.Transition("transition.guards-unmet",
            ("lifecycle", lifecycle), ("state", state), ("trigger", trigger), ("unmet", string.Join("; ", unmet)));
}
