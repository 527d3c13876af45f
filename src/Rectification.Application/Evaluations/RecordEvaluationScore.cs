using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Evaluations;

namespace Rectification.Application.Evaluations;

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
        if (refusal is not null)
        {
            return refusal;
        }

        return EvaluationView.From(evaluation, catalog.Scheme, user.Language, await EvaluationView.ScorerNamesAsync(db, evaluation, ct));
    }
}
