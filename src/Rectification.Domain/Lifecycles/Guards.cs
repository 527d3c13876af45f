using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Domain.Lifecycles;

/// <summary>What a guard may look at: the case, the definition it runs on, the actor and the time. Guards are pure.</summary>
public sealed record GuardContext(ILifecycleCase Case, LifecycleDefinition Definition, Role Actor, DateTime UtcNow);

/// <summary>A named guard; <c>Explain</c> says, when it fails, exactly what is missing (e.g. the gaps per problem).</summary>
public sealed record GuardDefinition(string Name, string Description, Func<GuardContext, bool> Holds)
{
    public Func<GuardContext, string?> Explain { get; init; } = _ => null;
}

/// <summary>
/// The named guards that definition files may reference. A file naming a guard that is not here fails
/// validation at start-up, so a typo cannot silently open a transition.
/// </summary>
public static class Guards
{
    public static readonly IReadOnlyDictionary<string, GuardDefinition> All = new[]
    {
        Define<Plan>("ledger-complete", "every fed-back problem has a complete ledger line", p => p.Gaps().Count == 0) with
        {
            Explain = c => c.Case is Plan p ? string.Join("; ", p.Gaps().Select(g => $"{g.ProblemCode}: {string.Join(", ", g.Missing)}")) : null,
        },
        Define<Problem>("progress-reported", "a progress report was made since the problem (re)entered rectification", p => p.HasProgressSinceRectificationStarted),
        Define<Problem>("evidence-attached", "the latest progress report carries evidence", p => p.LatestProgress?.Evidence.Count > 0),
        Define<Problem>("not-yet-signed-by-actor", "the actor's party has not signed this review", (p, c) => !p.HasSigned(c.Actor)),
        Define<Problem>("actor-is-required-party", "the actor's party must sign this problem", (p, c) => p.RequiredParties(c.Definition).Contains(c.Actor)),
        Define<Problem>("signing-in-order", "parties sign in the order the definition sets", (p, c) => p.IsNextInOrder(c.Definition, c.Actor)),
        Define<Problem>("all-required-signed", "every required party has signed this review", (p, c) => p.MissingSignatures(c.Definition).Count == 0),
    }.ToDictionary(g => g.Name, StringComparer.Ordinal);

    private static GuardDefinition Define<T>(string name, string description, Func<T, bool> holds) where T : ILifecycleCase =>
        Define<T>(name, description, (c, _) => holds(c));

    private static GuardDefinition Define<T>(string name, string description, Func<T, GuardContext, bool> holds) where T : ILifecycleCase =>
        new(name, description, ctx => ctx.Case is T c && holds(c, ctx));
}
