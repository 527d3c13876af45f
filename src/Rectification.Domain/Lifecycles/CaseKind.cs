using Rectification.Domain.Clues;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Receipts;

namespace Rectification.Domain.Lifecycles;

/// <summary>
/// A kind of case the system tracks, by the lifecycle name that rows, rules and files use for it. Code that needs to tell the
/// kinds apart asks this registry (and the application's <c>CaseKinds</c> built on it), never a switch on the names.
/// </summary>
/// <param name="Lifecycle">The name in <c>workflows/</c>, the outbox, reminders, receipts and visibility rules.</param>
/// <param name="Noun">What a user calls an object of this kind (in mails, pages, errors).</param>
/// <param name="FromFile">Whether its states and transitions are read from a lifecycle file (otherwise they are fixed in code).</param>
/// <param name="RequiredStates">States the code relies on; a lifecycle file must declare each of them.</param>
/// <param name="RequiredDurations">Durations the code relies on; a lifecycle file must declare each of them.</param>
public sealed record CaseKind(string Lifecycle, LocalizedText Noun, bool FromFile, IReadOnlyList<string> RequiredStates, IReadOnlyList<string> RequiredDurations)
{
    public static readonly CaseKind Problem = new(Problems.Problem.Lifecycle, new("问题", "problem"), true, ProblemStates.All,
        ["Immediate", "TimeLimited", "LongTerm", "LongTermReport"]);

    public static readonly CaseKind Plan = new(Plans.Plan.Lifecycle, new("整改方案", "rectification plan"), true, PlanStates.All, ["Submission"]);

    public static readonly CaseKind Clue = new(Clues.Clue.Lifecycle, new("问题线索", "problem clue"), true, ClueStates.All, ["Red", "Yellow", "Blue"]);

    public static readonly CaseKind Receipt = new(Receipts.Receipt.Lifecycle, new("签收事项", "item to acknowledge"), false, ReceiptStates.All, []);

    public static readonly CaseKind SelfCheck = new(SelfCheckTask.Lifecycle, new("未巡先改自查任务", "self-check task"), false, SelfCheckStates.All, []);

    public static IReadOnlyList<CaseKind> All { get; } = [Problem, Plan, Clue, Receipt, SelfCheck];

    /// <returns>The kind of that lifecycle name, or null for a name no case carries.</returns>
    public static CaseKind? Find(string lifecycle) => All.FirstOrDefault(k => k.Lifecycle == lifecycle);

    public static CaseKind Of(string lifecycle) =>
        Find(lifecycle) ?? throw new ArgumentOutOfRangeException(nameof(lifecycle), lifecycle, "No case carries this lifecycle name.");

    public override string ToString() => Lifecycle;
}
