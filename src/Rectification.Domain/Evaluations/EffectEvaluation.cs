using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Evaluations;

/// <summary>One source of the evaluation: its weight and who may score it.</summary>
public sealed record EvaluationSource(string Name, decimal Weight, IReadOnlyList<Role> By, LocalizedText Label);

public sealed record EvaluationGrade(decimal Min, LocalizedText Label);

/// <summary>The evaluation scheme from <c>workflows/evaluation.yaml</c>.</summary>
public sealed record EvaluationScheme(int Version, IReadOnlyList<EvaluationSource> Sources, IReadOnlyList<EvaluationGrade> Grades)
{
    public EvaluationSource? Source(string name) => Sources.FirstOrDefault(s => s.Name == name);

    public EvaluationGrade GradeFor(decimal score) => Grades.OrderByDescending(g => g.Min).First(g => score >= g.Min);
}

public sealed record EvaluationScore(string Source, decimal Score, Guid ScoredBy, Role ScoredByRole, DateTime ScoredAt, string Comment);

/// <summary>
/// The effect evaluation (整改效果评价) of one inspection: a score per source, and once all are in, the weighted
/// composite (two decimals) and its grade. A source may be scored again; the latest score counts and the audit
/// trail keeps the earlier ones.
/// </summary>
public sealed class EffectEvaluation : IVersioned
{
    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public Guid UnitId { get; private set; }
    public int SchemeVersion { get; private set; }
    public List<EvaluationScore> Scores { get; private set; } = [];
    public decimal? Composite { get; private set; }
    public string? Grade { get; private set; }
    public long Version { get; set; }

    private EffectEvaluation() { }

    public static EffectEvaluation Open(Guid inspectionId, Guid unitId, int schemeVersion) =>
        new() { Id = Guid.CreateVersion7(), InspectionId = inspectionId, UnitId = unitId, SchemeVersion = schemeVersion };

    public Error? Record(EvaluationScheme scheme, string source, decimal score, Guid userId, Role role, string comment, DateTime utcNow)
    {
        var definition = scheme.Source(source);
        if (definition is null)
        {
            return Error.Rule("evaluation.unknown-source", ("source", source), ("sources", string.Join(", ", scheme.Sources.Select(s => s.Name))));
        }

        if (!definition.By.Contains(role))
        {
            return Error.Forbidden("evaluation.role-may-not-score", ("source", source), ("role", role.ToString()), ("roles", string.Join(", ", definition.By)));
        }

        // A new list, so that the change tracker sees the JSON column change.
        Scores = [.. Scores.Where(s => s.Source != source), new EvaluationScore(source, score, userId, role, utcNow, comment)];
        if (scheme.Sources.All(s => Scores.Any(x => x.Source == s.Name)))
        {
            Composite = Math.Round(scheme.Sources.Sum(s => s.Weight * Scores.Single(x => x.Source == s.Name).Score), 2, MidpointRounding.AwayFromZero);
            Grade = scheme.GradeFor(Composite.Value).Label.ZhCn;
        }

        return null;
    }
}
