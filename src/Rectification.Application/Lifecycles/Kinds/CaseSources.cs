using Rectification.Application.Messaging;
using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Lifecycles.Kinds;

/// <summary>The registry of case kinds the application handles, by lifecycle name, by request target and by aggregate.</summary>
public static class CaseSources
{
    public static readonly CaseSource Problem = new ProblemSource();
    public static readonly CaseSource Plan = new PlanSource();
    public static readonly CaseSource Clue = new ClueSource();
    public static readonly CaseSource Receipt = new ReceiptSource();
    public static readonly CaseSource SelfCheck = new SelfCheckSource();

    public static IReadOnlyList<CaseSource> All { get; } = [Problem, Plan, Clue, Receipt, SelfCheck];

    public static CaseSource? Find(string lifecycle) => All.FirstOrDefault(s => s.Lifecycle == lifecycle);

    public static CaseSource Of(string lifecycle) =>
        Find(lifecycle) ?? throw new ArgumentOutOfRangeException(nameof(lifecycle), lifecycle, "No case carries this lifecycle name.");

    public static CaseSource Of(CaseKind kind) => Of(kind.Lifecycle);

    /// <returns>The source of the cases requests name by <paramref name="target"/>, or null when that target is not a case.</returns>
    public static CaseSource? Find(TargetKind target) => All.FirstOrDefault(s => s.Target == target);

    public static CaseSource Of(TargetKind target) =>
        Find(target) ?? throw new ArgumentOutOfRangeException(nameof(target), target, "Not a lifecycle case.");
}
