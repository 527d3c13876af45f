using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Application.Plans;

namespace Rectification.Application.Inspections;

public sealed record FeedbackDto(Guid InspectionId, Guid PlanId, int ProblemsFedBack, DateOnly PlanDue);

/// <summary>
/// The feedback meeting (反馈): every registered problem of the inspection is fed back at once, the unit's plan
/// is opened with a ledger line per problem, and one feedback letter goes to the parties the plan lifecycle names.
/// </summary>
[AllowedRoles(Role.InspectionOffice, Role.InspectionGroup)]
public sealed record FeedBackInspection(Guid InspectionId) : IAppCommand<FeedbackDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Inspection, InspectionId);
}

public sealed class FeedBackInspectionHandler(IAppDbContext db, ICurrentUser user, ILifecycleCatalog catalog, TimeProvider clock, RaisedEvents events, PlanOpener plans,
    Receipts.ReceiptIssuer receipts)
    : ICommandHandler<FeedBackInspection, Result<FeedbackDto>>
{
    public async ValueTask<Result<FeedbackDto>> Handle(FeedBackInspection command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inspection = await db.Inspections.FirstAsync(i => i.Id == command.InspectionId, ct);
        var problems = await db.Problems.Where(p => p.InspectionId == inspection.Id && p.State == ProblemStates.Registered).ToListAsync(ct);
        if (problems.Count == 0)
        {
            return Error.Rule("inspection.nothing-to-feed-back", ("inspection", inspection.GroupName));
        }

        var plan = await plans.OpenOrGetAsync(inspection, now, ct);
        if (plan.State == PlanStates.Accepted)
        {
            return Error.Rule("plan.already-accepted", ("plan", plan.Id));
        }

        foreach (var problem in problems.OrderBy(p => p.Code))
        {
            var machine = catalog.MachineFor(problem, user.Role, now);
            if (problem.FeedBack(machine, user.Role, now) is { } refusal)
            {
                return refusal;
            }

            plan.Cover(problem);
        }

        inspection.MarkFedBack(now);
        var planDefinition = catalog.Get(Plan.Lifecycle, plan.DefinitionVersion);
        plan.StartSubmissionWindow(plans.SubmissionDue(planDefinition, now));
        events.Raise(planDefinition, plan, "FeedBack");
        receipts.Issue(Domain.Receipts.ReceiptKind.Feedback, Plan.Lifecycle, plan.Id, plan.UnitId, null, now);
        return new FeedbackDto(inspection.Id, plan.Id, problems.Count, plan.SubmissionDue);
    }
}
