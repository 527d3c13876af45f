using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Evaluations;

namespace Rectification.Application.Evaluations;

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

        return EvaluationView.From(evaluation, catalog.Scheme, user.Language, await EvaluationView.ScorerNamesAsync(db, evaluation, ct));
    }
}
