using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Plans;

namespace Rectification.Application.Plans;

/// <summary>Finds the inspection's plan, or opens one due after the submission window the plan lifecycle sets.</summary>
public sealed class PlanOpener(IAppDbContext db, ILifecycleCatalog catalog, WorkingCalendar calendar)
{
    public async Task<Plan> OpenOrGetAsync(Inspection inspection, DateTime utcNow, CancellationToken ct)
    {
        var plan = await db.Plans.Include(p => p.Lines).FirstOrDefaultAsync(p => p.InspectionId == inspection.Id, ct);
        if (plan is not null)
        {
            return plan;
        }

        var definition = catalog.Current(Plan.Lifecycle);
        plan = Plan.Open(definition, Guid.CreateVersion7(), inspection.Id, inspection.UnitId, SubmissionDue(definition, utcNow));
        db.Plans.Add(plan);
        return plan;
    }

    /// <summary>The plan is due the submission window after <paramref name="utcNow"/>, counted on the working calendar if the file says so.</summary>
    public DateOnly SubmissionDue(Domain.Lifecycles.LifecycleDefinition definition, DateTime utcNow) =>
        calendar.Add(OfficeTime.DayOf(utcNow), definition.Duration("Submission"));
}
