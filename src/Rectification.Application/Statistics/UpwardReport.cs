using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;

namespace Rectification.Application.Statistics;

/// <summary>
/// Which inspections a report upward counts: those of the rounds named (or of one term, 届), of the kinds named, that began
/// (进驻) within the period, in the scope of one unit; every figure is about the problems and clue sheets of those inspections.
/// </summary>
public sealed record UpwardReportFilter(DateOnly? From = null, DateOnly? To = null, IReadOnlyList<Guid>? Rounds = null, int? Term = null,
    IReadOnlyList<InspectionKind>? Kinds = null, Guid? UnitId = null) : IUpwardReportChoice;

/// <summary>The fields that choose a report's inspections.</summary>
public interface IUpwardReportChoice
{
    DateOnly? From { get; }
    DateOnly? To { get; }
    IReadOnlyList<Guid>? Rounds { get; }
    int? Term { get; }
    IReadOnlyList<InspectionKind>? Kinds { get; }
}

/// <summary>One line of the report: the problems of one group of inspections (a kind, a level of unit, or all).</summary>
public sealed record UpwardFigures(int Inspections, int UnitsInspected, int ProblemsFedBack, int ProblemsRectified, decimal CompletionRate,
    int ProblemsOverdue, int ProblemsReopened);

public sealed record UpwardKindLine(InspectionKind Kind, UpwardFigures Figures);

/// <param name="Units">Active units of this level in scope.</param>
/// <param name="Coverage">Units inspected / units of the level, in percent with two decimals (巡察覆盖率).</param>
public sealed record UpwardLevelLine(UnitLevel Level, int Units, decimal Coverage, UpwardFigures Figures);

/// <summary>The look-backs (回头看) counted: how many, of how many units, and how many problems they reopened.</summary>
public sealed record UpwardLookBacks(int LookBacks, int UnitsLookedBack, int ProblemsReopened);

/// <summary>
/// The statistics an office reports to the higher inspection office (向上级报送): per kind of inspection (counted apart), per level
/// of unit with its coverage, the total, the look-backs and, for those who may read them, the clue sheets by colour and outcome.
/// </summary>
/// <param name="Clues">Null for a role that may not see clue figures (workflows/visibility.yaml).</param>
public sealed record UpwardReport(UpwardReportFilter Filter, DateOnly Today, IReadOnlyList<UpwardKindLine> ByKind, IReadOnlyList<UpwardLevelLine> ByLevel,
    UpwardFigures Total, UpwardLookBacks LookBacks, ClueFigures? Clues);
