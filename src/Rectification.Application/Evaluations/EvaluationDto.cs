using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Evaluations;

namespace Rectification.Application.Evaluations;

public sealed record EvaluationSourceDto(string Source, string Label, decimal Weight, decimal? Score, DateTime? ScoredAt, string? Comment);

public sealed record EvaluationDto(Guid InspectionId, Guid UnitId, IReadOnlyList<EvaluationSourceDto> Sources, decimal? Composite, string? Grade, long Version);

internal static class EvaluationView
{
    public static EvaluationDto From(EffectEvaluation e, EvaluationScheme scheme, string language) =>
        new(e.InspectionId, e.UnitId,
            scheme.Sources.Select(s =>
            {
                var score = e.Scores.FirstOrDefault(x => x.Source == s.Name);
                return new EvaluationSourceDto(s.Name, s.Label.For(language), s.Weight, score?.Score, score?.ScoredAt, score?.Comment);
            }).ToList(),
            e.Composite, e.Composite is { } c ? scheme.GradeFor(c).Label.For(language) : null, e.Version);
}
