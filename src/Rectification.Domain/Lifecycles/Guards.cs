using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Domain.Lifecycles;

/// <summary>What a guard may look at: the case, the definition it runs on, the actor and the time. Guards are pure.</summary>
public sealed record GuardContext(ILifecycleCase Case, LifecycleDefinition Definition, Role Actor, DateTime UtcNow);

/// <summary>A named guard (its words are in the <see cref="Common.Glossary"/>); <c>Explain</c> says, when it fails, exactly what is missing (e.g. the gaps per problem).</summary>
public sealed record GuardDefinition(string Name, Func<GuardContext, bool> Holds)
{
    public Func<GuardContext, LocalizedText?> Explain { get; init; } = _ => null;
}

/// <summary>
/// The named guards that definition files may reference. A file naming a guard that is not here fails
/// validation at start-up, so a typo cannot silently open a transition.
/// </summary>
public static class Guards
{
    public static readonly IReadOnlyDictionary<string, GuardDefinition> All = new[]
    {
        Define<Plan>("ledger-complete", p => p.Gaps().Count == 0) with
        {
            Explain = c => c.Case is Plan p
                ? new LocalizedText(
                    string.Join("；", p.Gaps().Select(g => $"{g.ProblemCode}：缺{string.Join("、", g.Missing.Select(f => Common.Glossary.LedgerField(f).ZhCn))}")),
                    string.Join("; ", p.Gaps().Select(g => $"{g.ProblemCode}: {string.Join(", ", g.Missing.Select(f => Common.Glossary.LedgerField(f).En))}")))
                : null,
        },
        Define<Problem>("progress-reported", p => p.HasProgressSinceRectificationStarted),
        Define<Problem>("evidence-attached", p => p.LatestProgress?.Evidence.Count > 0),
        Define<Problem>("not-yet-signed-by-actor", (p, c) => !p.HasSigned(c.Actor)),
        Define<Problem>("actor-is-required-party", (p, c) => p.RequiredParties(c.Definition).Contains(c.Actor)),
        Define<Problem>("signing-in-order", (p, c) => p.IsNextInOrder(c.Definition, c.Actor)),
        Define<Problem>("all-required-signed", (p, c) => p.MissingSignatures(c.Definition).Count == 0),
    }.ToDictionary(g => g.Name, StringComparer.Ordinal);

    private static GuardDefinition Define<T>(string name, Func<T, bool> holds) where T : ILifecycleCase =>
        Define<T>(name, (c, _) => holds(c));

    private static GuardDefinition Define<T>(string name, Func<T, GuardContext, bool> holds) where T : ILifecycleCase =>
        new(name, ctx => ctx.Case is T c && holds(c, ctx));
}
