using Rectification.Domain.Organization;

namespace Rectification.Domain.Plans;

public enum ScreeningOutcome { Pending, Accepted, Returned }

/// <summary>One submitted version of a plan, frozen at submission, with the screening outcome and comments.</summary>
public sealed class PlanRevision
{
    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Number { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public Guid SubmittedBy { get; private set; }
    public List<LedgerLineSnapshot> Lines { get; private set; } = [];
    public ScreeningOutcome Outcome { get; private set; }
    public Guid? ScreenedBy { get; private set; }
    public Role? ScreenedByRole { get; private set; }
    public DateTime? ScreenedAt { get; private set; }
    public string Comment { get; private set; } = "";
    public List<LineComment> LineComments { get; private set; } = [];

    private PlanRevision() { }

    internal static PlanRevision Snapshot(Guid planId, int number, IEnumerable<LedgerLine> lines, Guid userId, DateTime utcNow) => new()
    {
        Id = Guid.CreateVersion7(),
        PlanId = planId,
        Number = number,
        SubmittedAt = utcNow,
        SubmittedBy = userId,
        Lines = lines.Select(l => l.Snapshot()).ToList(),
        Outcome = ScreeningOutcome.Pending,
    };

    internal void Screen(bool accepted, Guid userId, Role role, string comment, IReadOnlyList<LineComment> lineComments, DateTime utcNow)
    {
        Outcome = accepted ? ScreeningOutcome.Accepted : ScreeningOutcome.Returned;
        ScreenedBy = userId;
        ScreenedByRole = role;
        ScreenedAt = utcNow;
        Comment = comment;
        LineComments = lineComments.ToList();
    }
}
