using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Domain.Tests.Support;

/// <summary>
/// Builds real aggregates through their factory methods and drives them, through their own operations and a
/// <see cref="LifecycleMachine"/>, to any state of their lifecycle, satisfying guards along the way.
/// </summary>
internal sealed class CaseDriver(IReadOnlyDictionary<string, LifecycleDefinition> definitions)
{
    public static readonly Guid User = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly DateOnly Deadline = new(2025, 9, 30);
    public static readonly LedgerEntry CompleteEntry = new("Rewrite the procurement rules", "Deputy director Li", "Finance department", RectificationKind.TimeLimited, Deadline);
    public static readonly ClueOutcome Outcome = new("Two cases filed", 2, 3, 1, 125_000m);

    private DateTime now = new(2025, 3, 3, 1, 0, 0, DateTimeKind.Utc);

    public static CaseDriver ForRepo() => new(Repo.Definitions);

    /// <summary>A clock that moves forward on every read, so that every step happens after the previous one.</summary>
    public DateTime Now() => now = now.AddMinutes(1);

    public LifecycleDefinition DefinitionOf(ILifecycleCase subject) => definitions[subject.CaseKind.Lifecycle];

    public LifecycleMachine Machine(ILifecycleCase subject, Role actor) => new(DefinitionOf(subject), subject, actor, Now());

    public Problem NewProblem(Severity severity = Severity.Major, string code = "P-001") =>
        Problem.Register(definitions[Problem.Lifecycle], Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), code, "Procurement split to avoid tender",
            "Contracts split below the tender threshold", "Procurement", severity, new Dossier("facts", "basis", "process"), false, Now());

    /// <summary>A plan covering two fed-back problems, P-001 and P-002, with empty ledger lines.</summary>
    public Plan NewPlan()
    {
        var plan = Plan.Open(definitions[Plan.Lifecycle], Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2025, 4, 2));
        plan.Cover(NewProblem(Severity.General, "P-001"));
        plan.Cover(NewProblem(Severity.Serious, "P-002"));
        return plan;
    }

    public Clue NewClue() =>
        Clue.HandOver(definitions[Clue.Lifecycle], Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "C-001", "Kickbacks on catering contracts",
            SheetColour.Red, new DateOnly(2025, 3, 10), [], Now());

    public ILifecycleCase New(string lifecycle) => lifecycle switch
    {
        Problem.Lifecycle => NewProblem(),
        Plan.Lifecycle => NewPlan(),
        Clue.Lifecycle => NewClue(),
        _ => throw new ArgumentOutOfRangeException(nameof(lifecycle), lifecycle, "no builder for this lifecycle"),
    };

    /// <summary>A new case of the lifecycle, in <paramref name="state"/>.</summary>
    public ILifecycleCase InState(string lifecycle, string state)
    {
        var subject = New(lifecycle);
        DriveTo(subject, state);
        return subject;
    }

    /// <summary>A new case in the transition's source state with the transition's guards satisfied for <paramref name="actor"/>.</summary>
    public ILifecycleCase ReadyFor(string lifecycle, TransitionDefinition transition, Role actor)
    {
        var subject = InState(lifecycle, transition.From);
        Satisfy(subject, transition, actor);
        return subject;
    }

    /// <summary>Follows the shortest path of the definition from the current state, firing each step with its first role.</summary>
    public void DriveTo(ILifecycleCase subject, string target)
    {
        var definition = DefinitionOf(subject);
        foreach (var step in PathTo(definition, subject.State, target))
        {
            var actor = step.Roles[0];
            Satisfy(subject, step, actor);
            var refusal = Act(subject, step.Trigger, actor);
            Assert.That(refusal, Is.Null, $"driving {definition.Name} to {target}: {step.From} --{step.Trigger}--> {step.To} as {actor} was refused: {Describe(refusal)}");
            Assert.That(subject.State, Is.EqualTo(step.To), $"driving {definition.Name} to {target}");
        }
    }

    /// <summary>Makes the transition's guards hold for the actor, using the aggregate's own operations.</summary>
    public void Satisfy(ILifecycleCase subject, TransitionDefinition transition, Role actor)
    {
        var definition = DefinitionOf(subject);
        foreach (var guard in transition.Guards)
        {
            switch (guard, subject)
            {
                case ("progress-reported" or "evidence-attached", Problem p):
                    if (!p.HasProgressSinceRectificationStarted || p.LatestProgress?.Evidence.Count is not > 0)
                    {
                        FireAsFirstRole(p, ProblemTriggers.ReportProgress);
                    }

                    break;
                case ("all-required-signed", Problem p):
                    foreach (var party in p.MissingSignatures(definition))
                    {
                        Expect(p.Sign(Machine(p, party), party, User, approve: true, "rectified", Now()), $"{party} signs");
                    }

                    break;
                case ("signing-in-order", Problem p):
                    while (!p.IsNextInOrder(definition, actor) && p.MissingSignatures(definition) is [var first, ..] && first != actor)
                    {
                        Expect(p.Sign(Machine(p, first), first, User, approve: true, "rectified", Now()), $"{first} signs first");
                    }

                    break;
                case ("actor-is-required-party", Problem p):
                    Assert.That(p.RequiredParties(definition), Does.Contain(actor),
                        $"{actor} is not a required party of a {p.Severity} problem; this case needs an explicit test");
                    break;
                case ("not-yet-signed-by-actor", Problem p):
                    Assert.That(p.HasSigned(actor), Is.False, $"{actor} already signed this review round");
                    break;
                case ("ledger-complete", Plan plan):
                    foreach (var gap in plan.Gaps())
                    {
                        var role = RoleFor(plan, PlanTriggers.EditLine);
                        Expect(plan.EditLine(Machine(plan, role), role, gap.ProblemId, CompleteEntry), $"filling the line of {gap.ProblemCode}");
                    }

                    break;
                default:
                    Assert.Fail($"No generic way to satisfy guard '{guard}' on {definition.Name}; extend CaseDriver.Satisfy or write an explicit test.");
                    break;
            }
        }
    }

    /// <summary>Fires the trigger through the aggregate's own operation (which records what the step means), as <paramref name="actor"/>.</summary>
    public Error? Act(ILifecycleCase subject, string trigger, Role actor)
    {
        var machine = Machine(subject, actor);
        return (subject, trigger) switch
        {
            (Problem p, ProblemTriggers.FeedBack) => p.FeedBack(machine, actor, Now()),
            (Problem p, ProblemTriggers.StartRectification) when actor == Role.System => p.StartRectification(machine, RectificationKind.TimeLimited, Deadline, Now()),
            (Problem p, ProblemTriggers.ReportProgress) => p.ReportProgress(machine, actor, User, "Rules rewritten and published", 60, "rules published",
                Evidence(withEvidence: true), Now()),
            (Problem p, ProblemTriggers.SubmitForReview) => p.SubmitForReview(machine, actor),
            (Problem p, ProblemTriggers.SignOff) => p.Sign(machine, actor, User, approve: true, "rectified", Now()),
            (Problem p, ProblemTriggers.RejectReview) => p.Sign(machine, actor, User, approve: false, "measures not carried out", Now()),
            (Problem p, ProblemTriggers.Close) => p.Close(machine, actor, Now()),
            (Problem p, ProblemTriggers.Reopen) => p.Reopen(machine, actor, User, "look-back found it recurred", Deadline.AddMonths(3), null, Now()),
            (Plan plan, PlanTriggers.EditLine) => plan.EditLine(machine, actor, plan.Lines[0].ProblemId, CompleteEntry),
            (Plan plan, PlanTriggers.Submit) => plan.Submit(machine, actor, User, Now()),
            (Plan plan, PlanTriggers.Accept) => plan.Accept(machine, actor, User, "accepted", Now()),
            (Plan plan, PlanTriggers.Return) => plan.Return(machine, actor, User, "measures too vague", [], Now()),
            (Clue c, ClueTriggers.Accept) => c.Accept(machine, actor, User, Now()),
            (Clue c, ClueTriggers.StartInvestigation) => c.StartInvestigation(machine, actor),
            (Clue c, ClueTriggers.Conclude) => c.Conclude(machine, actor, Outcome, Now()),
            _ => machine.Fire(trigger, actor),
        };
    }

    public static IReadOnlyList<EvidenceRef> Evidence(bool withEvidence) =>
        withEvidence ? [new EvidenceRef("rules-2025.pdf", new string('a', 64))] : [];

    /// <summary>The unit reports progress on the problem, with or without evidence.</summary>
    public Error? ReportProgress(Problem problem, Role actor, bool withEvidence) =>
        problem.ReportProgress(Machine(problem, actor), actor, User, "Rules rewritten and published", 60, "rules published", Evidence(withEvidence), Now());

    /// <summary>Fires a trigger defined from the current state with the first role the definition allows for it.</summary>
    public void FireAsFirstRole(ILifecycleCase subject, string trigger)
    {
        var role = RoleFor(subject, trigger);
        Expect(Act(subject, trigger, role), $"{trigger} as {role}");
    }

    public static string Describe(Error? error) =>
        error is null ? "(none)" : $"{error.Code} {{{string.Join(", ", error.Args.Select(a => $"{a.Key}={a.Value}"))}}}";

    private Role RoleFor(ILifecycleCase subject, string trigger)
    {
        var definition = DefinitionOf(subject);
        var transition = definition.Find(subject.State, trigger);
        Assert.That(transition, Is.Not.Null, $"{definition.Name} defines no {trigger} from {subject.State}");
        return transition!.Roles[0];
    }

    private static void Expect(Error? refusal, string what) =>
        Assert.That(refusal, Is.Null, $"{what} was refused: {Describe(refusal)}");

    private static IReadOnlyList<TransitionDefinition> PathTo(LifecycleDefinition definition, string from, string to)
    {
        var previous = new Dictionary<string, TransitionDefinition>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var state) && state != to)
        {
            foreach (var t in definition.Transitions.Where(t => t.From == state && t.To != state && seen.Add(t.To)))
            {
                previous[t.To] = t;
                queue.Enqueue(t.To);
            }
        }

        if (!seen.Contains(to))
        {
            throw new InvalidOperationException($"{definition.Name}: state '{to}' cannot be reached from '{from}'.");
        }

        var path = new List<TransitionDefinition>();
        for (var s = to; s != from; s = previous[s].From)
        {
            path.Add(previous[s]);
        }

        path.Reverse();
        return path;
    }
}
