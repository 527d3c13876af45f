using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Evaluations;

/// <summary>Where an inspection's effect evaluation stands: no score yet, some sources scored, or every source scored and graded.</summary>
public enum EvaluationState { NotStarted, InProgress, Complete }

/// <summary>One inspection on the evaluation overview.</summary>
public sealed record EvaluationRowDto(Guid InspectionId, Guid RoundId, string RoundName, Guid UnitId, string UnitName, string GroupName,
    EvaluationState State, int Scored, int Sources, decimal? Composite, string? Grade);

/// <summary>The evaluations of the inspections in the user's scope, per round and unit, for the bodies that read and compare them.</summary>
[AllowedRoles(Role.InspectionOffice, Role.DisciplineCommission, Role.OrganizationDepartment, Role.Leadership)]
public sealed record ListEvaluations(Guid? RoundId = null) : IAppQuery<IReadOnlyList<EvaluationRowDto>>;

public sealed class ListEvaluationsHandler(IAppDbContext db, Visibility.ReadPolicy visibility, ICurrentUser user, IEvaluationCatalog catalog)
    : IQueryHandler<ListEvaluations, Result<IReadOnlyList<EvaluationRowDto>>>
{
    public async ValueTask<Result<IReadOnlyList<EvaluationRowDto>>> Handle(ListEvaluations query, CancellationToken ct)
    {
        var inScope = visibility.UnitsInScope;
        var inspections = db.Inspections.AsNoTracking().Where(i => inScope.Contains(i.UnitId));
        if (query.RoundId is { } round) inspections = inspections.Where(i => i.RoundId == round);
        var rows = await (from i in inspections
                          join r in db.Rounds on i.RoundId equals r.Id
                          join u in db.Units on i.UnitId equals u.Id
                          orderby r.Year, r.Number, u.Path, i.StartDate
                          select new { i.Id, i.RoundId, RoundName = r.Name, i.UnitId, UnitName = u.Name, i.GroupName })
            .Take(1000)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // The scores are a JSON column: counted here, not in SQL.
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => ids.Contains(e.InspectionId)).ToDictionaryAsync(e => e.InspectionId, ct);
        var scheme = catalog.Scheme;
        return rows.Select(r =>
        {
            var e = evaluations.GetValueOrDefault(r.Id);
            var scored = e is null ? 0 : scheme.Sources.Count(s => e.Scores.Any(x => x.Source == s.Name));
            var state = e?.Composite is not null ? EvaluationState.Complete : scored > 0 ? EvaluationState.InProgress : EvaluationState.NotStarted;
            return new EvaluationRowDto(r.Id, r.RoundId, r.RoundName, r.UnitId, r.UnitName, r.GroupName, state, scored, scheme.Sources.Count,
                e?.Composite, e?.Composite is { } c ? scheme.GradeFor(c).Label.For(user.Language) : null);
        }).ToList();
    }
}
