using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>The ledger's filters by light and overdue and its sort by deadline, answered by the database (SQLite and PostgreSQL).</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class LedgerQueryTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task TheLightFilter_SelectsByTheChasedDate_AndTheDeadlineSortPutsTheNearestFirst()
    {
        var inspection = await NewInspection(Org.Hospital);
        var soon = await NewProblem(inspection);
        var later = await NewProblem(inspection);
        var middle = await NewProblem(inspection);
        var notFedBack = await NewProblem(await NewInspection(Org.Hospital));
        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        var start = Host.Clock.Today;
        foreach (var (problem, days) in new[] { (soon, 3), (later, 60), (middle, 10) })
        {
            Ok(await Host.Send<PlanDto>("h1-liaison", new EditLedgerLine(feedback.PlanId, problem.Id, "逐项整改", "王院长", "院办",
                RectificationKind.TimeLimited, start.AddDays(days))));
        }

        Ok(await Host.Send<PlanDto>("h1-liaison", new SubmitPlan(feedback.PlanId)));
        Ok(await Host.Send<PlanDto>("discipline", new AcceptPlan(feedback.PlanId, null)));
        // Five days on: the first is 2 days overdue, the second has 5 days left (within the 7-day yellow window), the third 55.
        Host.Clock.Advance(TimeSpan.FromDays(5));

        async Task<string[]> Codes(ListLedger query) =>
            Ok(await Host.Send<Page<LedgerRow>>("office", query with { UnitId = Org.Hospital.Id })).Items.Select(r => r.Problem.Code).ToArray();

        var red = await Codes(new ListLedger(Light: TrafficLight.Red));
        var yellow = await Codes(new ListLedger(Light: TrafficLight.Yellow));
        var green = await Codes(new ListLedger(Light: TrafficLight.Green));
        var none = await Codes(new ListLedger(Light: TrafficLight.None));
        var overdue = await Codes(new ListLedger(Overdue: true));
        var byDeadline = await Codes(new ListLedger(InspectionId: inspection.Id, Sort: LedgerSort.Deadline));
        var byDeadlineDescending = await Codes(new ListLedger(InspectionId: inspection.Id, Sort: LedgerSort.Deadline, Descending: true));
        var redRow = Ok(await Host.Send<Page<LedgerRow>>("office", new ListLedger(UnitId: Org.Hospital.Id, Light: TrafficLight.Red))).Items.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(red, Is.EqualTo(new[] { soon.Code }));
            Assert.That(yellow, Is.EqualTo(new[] { middle.Code }));
            Assert.That(green, Is.EqualTo(new[] { later.Code }));
            Assert.That(none, Is.EqualTo(new[] { notFedBack.Code }), "a problem not yet fed back is not chased");
            Assert.That(overdue, Is.EqualTo(new[] { soon.Code }));
            Assert.That(byDeadline, Is.EqualTo(new[] { soon.Code, middle.Code, later.Code }));
            Assert.That(byDeadlineDescending, Is.EqualTo(new[] { later.Code, middle.Code, soon.Code }));
            Assert.That(redRow.Problem.DaysOverdue, Is.EqualTo(2));
            Assert.That(redRow.UnitName, Is.EqualTo("二区人民医院"));
            Assert.That((redRow.Measures, redRow.ResponsibleLeader, redRow.ResponsibleDepartment), Is.EqualTo(("逐项整改", "王院长", "院办")));
        }
    }
}
