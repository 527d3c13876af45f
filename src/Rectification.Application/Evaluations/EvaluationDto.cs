using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Evaluations;
using Rectification.Domain.Organization;

namespace Rectification.Application.Evaluations;

/// <param name="By">The roles that may score this source (workflows/evaluation.yaml).</param>
/// <param name="ScoredBy">The display name of who recorded the score that counts.</param>
public sealed record EvaluationSourceDto(string Source, string Label, decimal Weight, decimal? Score, DateTime? ScoredAt, string? Comment,
    IReadOnlyList<Role> By, string? ScoredBy, Role? ScoredByRole);

public sealed record EvaluationDto(Guid InspectionId, Guid UnitId, IReadOnlyList<EvaluationSourceDto> Sources, decimal? Composite, string? Grade, long Version);

internal static class EvaluationView
{
    /// <summary>The display names of the users whose scores count, so that a page says who scored without a second look-up.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ScorerNamesAsync(IAppDbContext db, EffectEvaluation e, CancellationToken ct)
    {
        var ids = e.Scores.Select(s => s.ScoredBy).Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    public static EvaluationDto From(EffectEvaluation e, EvaluationScheme scheme, string language, IReadOnlyDictionary<Guid, string> scorers) =>
        new(e.InspectionId, e.UnitId,
            scheme.Sources.Select(s =>
            {
                var score = e.Scores.FirstOrDefault(x => x.Source == s.Name);
                return new EvaluationSourceDto(s.Name, s.Label.For(language), s.Weight, score?.Score, score?.ScoredAt, score?.Comment, s.By,
                    score is null ? null : scorers.GetValueOrDefault(score.ScoredBy), score?.ScoredByRole);
            }).ToList(),
            e.Composite, e.Composite is { } c ? scheme.GradeFor(c).Label.For(language) : null, e.Version);
}
