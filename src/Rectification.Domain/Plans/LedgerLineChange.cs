using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Plans;

public enum LineChangeStatus { Proposed, Accepted, Refused, AppliedAtOnce }

/// <summary>
/// A change to a ledger line of an accepted plan. A material change (measures, responsible leader or department, kind, a
/// later deadline) is only proposed: the line in force stays as accepted until the supervising side accepts the change.
/// An earlier deadline alone only tightens what was accepted, so it applies at once. Both lines stay on record.
/// </summary>
public sealed class LedgerLineChange : IVersioned
{
    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid ProblemId { get; private set; }
    public Guid UnitId { get; private set; }
    public LedgerLineSnapshot Before { get; private set; } = null!;
    public LedgerLineSnapshot After { get; private set; } = null!;
    public List<string> ChangedFields { get; private set; } = [];
    public bool Material { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid ProposedBy { get; private set; }
    public DateTime ProposedAt { get; private set; }
    public LineChangeStatus Status { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public Role? DecidedByRole { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionComment { get; private set; }
    public long Version { get; set; }

    private LedgerLineChange() { }

    public static Result<LedgerLineChange> Propose(Plan plan, Guid problemId, LedgerEntry entry, string reason, Guid userId, DateTime utcNow)
    {
        if (plan.State != PlanStates.Accepted)
        {
            return Error.Rule("ledger-change.plan-not-accepted", ("state", plan.State));
        }

        var line = plan.Lines.FirstOrDefault(l => l.ProblemId == problemId);
        if (line is null)
        {
            return Error.NotFound("LedgerLine", problemId);
        }

        var before = line.Snapshot();
        var after = before with
        {
            Measures = entry.Measures.Trim(), ResponsibleLeader = entry.ResponsibleLeader.Trim(), ResponsibleDepartment = entry.ResponsibleDepartment.Trim(),
            Kind = entry.Kind, Deadline = entry.Deadline,
        };
        var changed = new List<string>();
        if (after.Measures != before.Measures) changed.Add(nameof(LedgerLine.Measures));
        if (after.ResponsibleLeader != before.ResponsibleLeader) changed.Add(nameof(LedgerLine.ResponsibleLeader));
        if (after.ResponsibleDepartment != before.ResponsibleDepartment) changed.Add(nameof(LedgerLine.ResponsibleDepartment));
        if (after.Kind != before.Kind) changed.Add(nameof(LedgerLine.Kind));
        if (after.Deadline != before.Deadline) changed.Add(nameof(LedgerLine.Deadline));
        if (changed.Count == 0)
        {
            return Error.Rule("ledger-change.nothing-changed", ("problem", before.ProblemCode));
        }

        var material = changed.Any(f => f != nameof(LedgerLine.Deadline)) || after.Deadline > before.Deadline;
        return new LedgerLineChange
        {
            Id = Guid.CreateVersion7(),
            PlanId = plan.Id,
            ProblemId = problemId,
            UnitId = plan.UnitId,
            Before = before,
            After = after,
            ChangedFields = changed,
            Material = material,
            Reason = reason,
            ProposedBy = userId,
            ProposedAt = utcNow,
            Status = LineChangeStatus.Proposed,
        };
    }

    public LedgerEntry Entry => new(After.Measures, After.ResponsibleLeader, After.ResponsibleDepartment, After.Kind!.Value, After.Deadline!.Value);

    public Error? Decide(bool accept, Guid userId, Role role, string? comment, DateTime utcNow)
    {
        if (Status != LineChangeStatus.Proposed)
        {
            return Error.Conflict("ledger-change.already-decided", ("status", Status.ToString()));
        }

        Status = accept ? LineChangeStatus.Accepted : LineChangeStatus.Refused;
        DecidedBy = userId;
        DecidedByRole = role;
        DecidedAt = utcNow;
        DecisionComment = comment;
        return null;
    }

    internal void MarkAppliedAtOnce(DateTime utcNow)
    {
        Status = LineChangeStatus.AppliedAtOnce;
        DecidedAt = utcNow;
    }
}
