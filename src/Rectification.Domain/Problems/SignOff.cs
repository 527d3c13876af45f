using Rectification.Domain.Organization;

namespace Rectification.Domain.Problems;

/// <summary>One party's signature (签字) or rejection in one review round of a problem.</summary>
public sealed record SignOff(Guid Id, Guid ProblemId, int ReviewRound, Role Party, Guid SignedBy, bool Approved, string Comment, DateTime SignedAt);

/// <summary>A look-back reopening (回头看 / 深化整改): why, the old and new deadlines, who.</summary>
public sealed record Reopening(Guid Id, Guid ProblemId, string Reason, DateOnly? OldDeadline, DateOnly NewDeadline, Guid? LookBackInspectionId, Guid ReopenedBy, DateTime ReopenedAt);
