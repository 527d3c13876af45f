using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Domain.Plans;

/// <summary>
/// A unit's rectification plan (整改方案) for one inspection, with one ledger line (台账) per fed-back problem.
/// Every submission is kept as a revision with its screening outcome, so a returned plan keeps its history.
/// </summary>
public sealed class Plan : ILifecycleCase, IVersioned
{
    public const string Lifecycle = "plan";

    CaseKind ILifecycleCase.CaseKind => CaseKind.Plan;

    private readonly List<LedgerLine> lines = [];
    private readonly List<PlanRevision> revisions = [];

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public Guid UnitId { get; private set; }
    public string State { get; set; } = "";
    public int DefinitionVersion { get; private set; }
    public DateOnly SubmissionDue { get; private set; }
    public int ReturnCount { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public long Version { get; set; }

    public IReadOnlyList<LedgerLine> Lines => lines;
    public IReadOnlyList<PlanRevision> Revisions => revisions;

    private Plan() { }

    public static Plan Open(LifecycleDefinition definition, Guid id, Guid inspectionId, Guid unitId, DateOnly submissionDue) => new()
    {
        Id = id,
        InspectionId = inspectionId,
        UnitId = unitId,
        State = definition.Initial,
        DefinitionVersion = definition.Version,
        SubmissionDue = submissionDue,
    };

    /// <summary>Feedback of a problem adds its (empty) line, so a plan can never silently leave a fed-back problem out.</summary>
    public void Cover(Problem problem)
    {
        if (lines.All(l => l.ProblemId != problem.Id))
        {
            lines.Add(LedgerLine.For(Id, problem));
        }
    }

    /// <summary>What is missing, per problem: the screening (过筛式审核) sees these before any reviewer does.</summary>
    public IReadOnlyList<LedgerGap> Gaps() =>
        lines.Select(l => new LedgerGap(l.ProblemId, l.ProblemCode, l.MissingFields())).Where(g => g.Missing.Count > 0).ToList();

    public Error? EditLine(LifecycleMachine machine, Role actor, Guid problemId, LedgerEntry entry)
    {
        var line = lines.FirstOrDefault(l => l.ProblemId == problemId);
        if (line is null)
        {
            return Error.NotFound("LedgerLine", problemId);
        }

        var refusal = machine.Fire(PlanTriggers.EditLine, actor);
        if (refusal is null)
        {
            line.Fill(entry);
        }

        return refusal;
    }

    public Error? Submit(LifecycleMachine machine, Role actor, Guid userId, DateTime utcNow)
    {
        var refusal = machine.Fire(PlanTriggers.Submit, actor);
        if (refusal is null)
        {
            revisions.Add(PlanRevision.Snapshot(Id, revisions.Count + 1, lines, userId, utcNow));
        }

        return refusal;
    }

    public Error? Accept(LifecycleMachine machine, Role actor, Guid userId, string comment, DateTime utcNow)
    {
        var refusal = machine.Fire(PlanTriggers.Accept, actor);
        if (refusal is null)
        {
            CurrentRevision!.Screen(accepted: true, userId, actor, comment, [], utcNow);
            AcceptedAt = utcNow;
        }

        return refusal;
    }

    public Error? Return(LifecycleMachine machine, Role actor, Guid userId, string comment, IReadOnlyList<LineComment> lineComments, DateTime utcNow)
    {
        var refusal = machine.Fire(PlanTriggers.Return, actor);
        if (refusal is null)
        {
            CurrentRevision!.Screen(accepted: false, userId, actor, comment, lineComments, utcNow);
            ReturnCount++;
        }

        return refusal;
    }

    public PlanRevision? CurrentRevision => revisions.MaxBy(r => r.Number);

    /// <summary>
    /// A line change comes into force: the line takes the new terms and the plan gets a revision screened as accepted,
    /// so the old line stays in the history and the diff between revisions shows what changed.
    /// </summary>
    public Error? ApplyLineChange(LedgerLineChange change, Guid screenedBy, Role role, string comment, DateTime utcNow)
    {
        if (State != PlanStates.Accepted)
        {
            return Error.Rule("ledger-change.plan-not-accepted", ("state", State));
        }

        lines.Single(l => l.ProblemId == change.ProblemId).Fill(change.Entry);
        var revision = PlanRevision.Snapshot(Id, revisions.Count + 1, lines, change.ProposedBy, utcNow);
        revision.Screen(accepted: true, screenedBy, role, comment, [], utcNow);
        revisions.Add(revision);
        if (!change.Material)
        {
            change.MarkAppliedAtOnce(utcNow);
        }

        return null;
    }

    public void ExtendSubmission(DateOnly newDue) => SubmissionDue = newDue;

    /// <summary>
    /// The formal feedback meeting starts the submission window, even if a problem fed back during the inspection
    /// (边巡边改) opened the plan earlier; a window already later than that is kept.
    /// </summary>
    public void StartSubmissionWindow(DateOnly due)
    {
        if (State == PlanStates.Drafting && due > SubmissionDue)
        {
            SubmissionDue = due;
        }
    }
}

public static class PlanTriggers
{
    public const string EditLine = nameof(EditLine);
    public const string Submit = nameof(Submit);
    public const string Accept = nameof(Accept);
    public const string Return = nameof(Return);
}

public sealed record LedgerGap(Guid ProblemId, string ProblemCode, IReadOnlyList<string> Missing);

/// <summary>What the unit writes on a ledger line.</summary>
public sealed record LedgerEntry(string Measures, string ResponsibleLeader, string ResponsibleDepartment, RectificationKind Kind, DateOnly Deadline);

public sealed record LineComment(Guid ProblemId, string Comment);

public static class PlanStates
{
    public const string Drafting = nameof(Drafting);
    public const string Submitted = nameof(Submitted);
    public const string Returned = nameof(Returned);
    public const string Accepted = nameof(Accepted);
    public static readonly string[] All = [Drafting, Submitted, Returned, Accepted];
}
