namespace Rectification.Domain.Problems;

/// <summary>A periodic update on a problem (整改进展), with evidence (佐证材料) references.</summary>
public sealed class ProgressReport
{
    public Guid Id { get; private set; }
    public Guid ProblemId { get; private set; }

    /// <summary>1, 2, 3… per problem: the order of reports, independent of clock resolution.</summary>
    public int Number { get; private set; }
    public DateTime ReportedAt { get; private set; }
    public Guid ReportedBy { get; private set; }
    public string Text { get; private set; } = "";
    public int? Percent { get; private set; }
    public string? Milestone { get; private set; }
    public List<EvidenceRef> Evidence { get; private set; } = [];

    private ProgressReport() { }

    internal ProgressReport(Guid id, Guid problemId, int number, DateTime reportedAt, Guid reportedBy, string text, int? percent, string? milestone, IEnumerable<EvidenceRef> evidence)
    {
        Id = id;
        ProblemId = problemId;
        Number = number;
        ReportedAt = reportedAt;
        ReportedBy = reportedBy;
        Text = text;
        Percent = percent;
        Milestone = milestone;
        Evidence = evidence.ToList();
    }
}

/// <summary>
/// A reference to an evidence file: its name and SHA-256, so the write-off record can list what was relied on. A file
/// uploaded here carries its id; the name and hash are then the stored file's, not what a client typed.
/// </summary>
public sealed record EvidenceRef(string FileName, string Sha256, Guid? FileId = null);
