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

/// <summary>A supervising party (or the unit, for its self-assessment) records its score for an inspection's rectification effect.</summary>
public sealed record RecordEvaluationScore(Guid InspectionId, string Source, decimal Score, string? Comment) : IAppCommand<EvaluationDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Inspection, InspectionId);
}

public sealed class RecordEvaluationScoreValidator : AbstractValidator<RecordEvaluationScore>
{
    public RecordEvaluationScoreValidator()
    {
        RuleFor(c => c.Source).NotEmpty().MaximumLength(60);
        RuleFor(c => c.Score).InclusiveBetween(0m, 100m);
        RuleFor(c => c.Comment).MaximumLength(4000);
    }
}

public sealed class RecordEvaluationScoreHandler(IAppDbContext db, ICurrentUser user, IEvaluationCatalog catalog, TimeProvider clock)
    : ICommandHandler<RecordEvaluationScore, Result<EvaluationDto>>
{
    public async ValueTask<Result<EvaluationDto>> Handle(RecordEvaluationScore command, CancellationToken ct)
    {
        var evaluation = await db.Evaluations.FirstOrDefaultAsync(e => e.InspectionId == command.InspectionId, ct);
        if (evaluation is null)
        {
            var unitId = await db.Inspections.Where(i => i.Id == command.InspectionId).Select(i => i.UnitId).FirstAsync(ct);
            evaluation = EffectEvaluation.Open(command.InspectionId, unitId, catalog.Scheme.Version);
            db.Evaluations.Add(evaluation);
        }

        var refusal = evaluation.Record(catalog.Scheme, command.Source, Math.Round(command.Score, 2), user.UserId ?? Guid.Empty, user.Role,
            command.Comment ?? "", clock.GetUtcNow().UtcDateTime);
        return refusal ?? (Result<EvaluationDto>)EvaluationView.From(evaluation, catalog.Scheme, user.Language);
    }
}

/// <summary>The evaluation of an inspection: every source with its weight and score, the composite and the grade.</summary>
public sealed record GetEvaluation(Guid InspectionId) : IAppQuery<EvaluationDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Inspection, InspectionId);
}

public sealed class GetEvaluationHandler(IAppDbContext db, ICurrentUser user, IEvaluationCatalog catalog) : IQueryHandler<GetEvaluation, Result<EvaluationDto>>
{
    public async ValueTask<Result<EvaluationDto>> Handle(GetEvaluation query, CancellationToken ct)
    {
        var evaluation = await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.InspectionId == query.InspectionId, ct);
        if (evaluation is null)
        {
            var unitId = await db.Inspections.Where(i => i.Id == query.InspectionId).Select(i => i.UnitId).FirstAsync(ct);
            evaluation = EffectEvaluation.Open(query.InspectionId, unitId, catalog.Scheme.Version);
        }

        return EvaluationView.From(evaluation, catalog.Scheme, user.Language);
    }
}

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
