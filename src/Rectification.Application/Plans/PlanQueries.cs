using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Plans;

namespace Rectification.Application.Plans;

public sealed record PlanDto(Guid Id, Guid InspectionId, Guid UnitId, string State, string StateLabel, DateOnly SubmissionDue, int ReturnCount,
    DateTime? AcceptedAt, IReadOnlyList<LedgerLineSnapshot> Lines, IReadOnlyList<LedgerGap> Gaps, IReadOnlyList<PlanRevisionDto> Revisions,
    IReadOnlyList<string> PermittedTriggers, long Version)
{
    public static PlanDto From(Plan plan, LifecycleDefinition definition, string language, IReadOnlyList<string>? permitted = null) =>
        new(plan.Id, plan.InspectionId, plan.UnitId, plan.State, definition.States[plan.State].For(language), plan.SubmissionDue, plan.ReturnCount, plan.AcceptedAt,
            plan.Lines.OrderBy(l => l.ProblemCode).Select(l => l.Snapshot()).ToList(), plan.Gaps(),
            plan.Revisions.OrderBy(r => r.Number).Select(PlanRevisionDto.From).ToList(), permitted ?? [], plan.Version);
}

public sealed record PlanRevisionDto(int Number, DateTime SubmittedAt, ScreeningOutcome Outcome, DateTime? ScreenedAt, string Comment,
    IReadOnlyList<LineComment> LineComments, IReadOnlyList<LedgerLineSnapshot> Lines)
{
    public static PlanRevisionDto From(PlanRevision r) => new(r.Number, r.SubmittedAt, r.Outcome, r.ScreenedAt, r.Comment, r.LineComments, r.Lines);
}

/// <summary>The plan of an inspection with its ledger, the screening gaps and every submitted revision.</summary>
public sealed record GetPlanOfInspection(Guid InspectionId) : IAppQuery<PlanDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Inspection, InspectionId);
}

public sealed class GetPlanOfInspectionHandler(IAppDbContext db, CaseStore cases, ILifecycleCatalog catalog, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetPlanOfInspection, Result<PlanDto>>
{
    public async ValueTask<Result<PlanDto>> Handle(GetPlanOfInspection query, CancellationToken ct)
    {
        var planId = await db.Plans.Where(p => p.InspectionId == query.InspectionId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (planId is null)
        {
            return Error.NotFound("Plan", query.InspectionId);
        }

        var plan = (Plan)(await cases.LoadAsync(new ScopeTarget(TargetKind.Plan, planId.Value), ct))!.Value.Case;
        var machine = catalog.MachineFor(plan, user.Role, clock.GetUtcNow().UtcDateTime);
        var definition = machine.Definition;
        return PlanDto.From(plan, definition, user.Language, machine.PermittedTriggers(user.Role));
    }
}
