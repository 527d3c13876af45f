using Rectification.Domain.Problems;

namespace Rectification.Domain.Plans;

/// <summary>One problem's line in the plan's ledger: measures, responsible leader and department, kind and deadline.</summary>
public sealed class LedgerLine
{
    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid ProblemId { get; private set; }
    public string ProblemCode { get; private set; } = "";
    public string Measures { get; private set; } = "";
    public string ResponsibleLeader { get; private set; } = "";
    public string ResponsibleDepartment { get; private set; } = "";
    public RectificationKind? Kind { get; private set; }
    public DateOnly? Deadline { get; private set; }

    private LedgerLine() { }

    internal static LedgerLine For(Guid planId, Problem problem) =>
        new() { Id = Guid.CreateVersion7(), PlanId = planId, ProblemId = problem.Id, ProblemCode = problem.Code };

    internal void Fill(LedgerEntry entry)
    {
        Measures = entry.Measures.Trim();
        ResponsibleLeader = entry.ResponsibleLeader.Trim();
        ResponsibleDepartment = entry.ResponsibleDepartment.Trim();
        Kind = entry.Kind;
        Deadline = entry.Deadline;
    }

    public IReadOnlyList<string> MissingFields()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Measures)) missing.Add(nameof(Measures));
        if (string.IsNullOrWhiteSpace(ResponsibleLeader)) missing.Add(nameof(ResponsibleLeader));
        if (string.IsNullOrWhiteSpace(ResponsibleDepartment)) missing.Add(nameof(ResponsibleDepartment));
        if (Kind is null) missing.Add(nameof(Kind));
        if (Deadline is null) missing.Add(nameof(Deadline));
        return missing;
    }

    public LedgerLineSnapshot Snapshot() => new(ProblemId, ProblemCode, Measures, ResponsibleLeader, ResponsibleDepartment, Kind, Deadline);
}

public sealed record LedgerLineSnapshot(Guid ProblemId, string ProblemCode, string Measures, string ResponsibleLeader, string ResponsibleDepartment, RectificationKind? Kind, DateOnly? Deadline);
