using Microsoft.EntityFrameworkCore;
using Rectification.Application.Clues;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Domain.Clues;
using Rectification.Domain.Problems;
using Rectification.Domain.Receipts;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// workflows/calendar.yaml end to end: limits in working days (receipts, clue sheets) skip weekends and holidays and count
/// make-up working days (调休), limits in calendar days (the plan, the ladder's offsets) do not. Every due date is counted
/// by hand in the comment beside it. The tests run in order on one moving clock: May Day 2026 (holidays Fri 1, Mon 4 and
/// Tue 5 May, make-up Sat 9 May), then the Mid-Autumn and National Day weeks (make-up Sun 20 Sep, holidays Fri 25 Sep and
/// 1, 2, 5, 6, 7 Oct, make-up Sat 10 Oct).
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class CalendarTests(DatabaseProvider provider) : HostTest(provider)
{
    private Guid feedbackReceipt;
    private Guid handoverReceipt;
    private Guid redSheet;

    [Test, Order(1)]
    public async Task DueDates_OfWhatIsSentOnThursdayBeforeMayDay_SkipTheHolidaysAndCountTheMakeUpSaturday()
    {
        await MoveTo(new DateOnly(2026, 4, 30));
        var inspection = await NewInspection(Org.Bureau);
        await NewProblem(inspection);
        var clue = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映该单位违规发放津补贴", SheetColour.Red)));
        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        var receipts = await Receipts(feedback.PlanId, clue.Id);
        redSheet = clue.Id;
        feedbackReceipt = receipts.Single(r => r.Kind == ReceiptKind.Feedback).Id;
        handoverReceipt = receipts.Single(r => r.Kind == ReceiptKind.HandoverSheet).Id;

        using (Assert.EnterMultipleScope())
        {
            // Red 5wd: Wed 6 (1), Thu 7 (2), Fri 8 (3), Sat 9 make-up (4), Mon 11 (5); Fri 1, Mon 4, Tue 5 are holidays.
            Assert.That(clue.DueDate, Is.EqualTo(new DateOnly(2026, 5, 11)));
            // Feedback receipt 3wd: Wed 6 (1), Thu 7 (2), Fri 8 (3).
            Assert.That(receipts.Single(r => r.Kind == ReceiptKind.Feedback).DueDate, Is.EqualTo(new DateOnly(2026, 5, 8)));
            // Handover sheet receipt 1wd: Wed 6.
            Assert.That(receipts.Single(r => r.Kind == ReceiptKind.HandoverSheet).DueDate, Is.EqualTo(new DateOnly(2026, 5, 6)));
            // Plan submission 30d, calendar days: 30 April + 30 = 30 May, holidays or not.
            Assert.That(feedback.PlanDue, Is.EqualTo(new DateOnly(2026, 5, 30)));
        }
    }

    [Test, Order(2)]
    public async Task LadderSteps_OffsetInCalendarDays_FallOnWeekendsAndHolidaysToo()
    {
        var taken = new List<(string Step, DateOnly Day)>();
        for (var day = new DateOnly(2026, 5, 1); day <= new DateOnly(2026, 5, 12); day = day.AddDays(1))
        {
            await SweepOn(day);
        }

        var steps = await Host.Query(db => db.ReminderSteps.Where(r => r.CaseId == feedbackReceipt || r.CaseId == handoverReceipt || r.CaseId == redSheet)
            .Select(r => new { r.CaseId, r.Step, r.TakenAt }).ToListAsync());
        string Of(Guid id) => id == feedbackReceipt ? "feedback" : id == handoverReceipt ? "handover" : "red";
        taken.AddRange(steps.Select(s => ($"{Of(s.CaseId)} {s.Step}", DateOnly.FromDateTime(s.TakenAt))));

        Assert.That(taken.OrderBy(t => t.Day).ThenBy(t => t.Step, StringComparer.Ordinal), Is.EqualTo(new[]
        {
            ("handover receipt-due-today", new DateOnly(2026, 5, 6)),
            ("handover receipt-overdue-1-day", new DateOnly(2026, 5, 7)),
            ("feedback receipt-due-today", new DateOnly(2026, 5, 8)),
            // Two days before Mon 11 May is the make-up Saturday.
            ("red due-in-2-days", new DateOnly(2026, 5, 9)),
            // Two days after Fri 8 May is a Sunday: the ladder counts calendar days.
            ("feedback receipt-overdue-2-days", new DateOnly(2026, 5, 10)),
            ("red overdue-1-day", new DateOnly(2026, 5, 12)),
        }));
    }

    [Test, Order(3)]
    public async Task Receipts_IssuedBeforeTheMakeUpSunday_CountIt()
    {
        await MoveTo(new DateOnly(2026, 9, 17));
        var inspection = await NewInspection(Org.Hospital);
        var problem = await NewProblem(inspection);
        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        Ok(await Host.Send<PlanDto>("h1-liaison", new EditLedgerLine(feedback.PlanId, problem.Id, "修订议事规则，逐项整改", "张书记", "办公室",
            RectificationKind.TimeLimited, new DateOnly(2026, 12, 31))));
        Ok(await Host.Send<PlanDto>("h1-liaison", new SubmitPlan(feedback.PlanId)));
        await MoveTo(new DateOnly(2026, 9, 18));
        Ok(await Host.Send<PlanDto>("discipline", new ReturnPlan(feedback.PlanId, "措施不具体", null)));
        var receipts = await Receipts(inspection.Id, feedback.PlanId);

        using (Assert.EnterMultipleScope())
        {
            // Feedback on Thu 17 Sep, 3wd: Fri 18 (1), Sun 20 make-up (2), Mon 21 (3).
            Assert.That(receipts.Single(r => r.Kind == ReceiptKind.Feedback).DueDate, Is.EqualTo(new DateOnly(2026, 9, 21)));
            // Plan returned on Fri 18 Sep, 2wd: Sun 20 make-up (1), Mon 21 (2).
            Assert.That(receipts.Single(r => r.Kind == ReceiptKind.ReturnedPlan).DueDate, Is.EqualTo(new DateOnly(2026, 9, 21)));
        }
    }

    [Test, Order(4)]
    public async Task ClueSheets_AcrossMidAutumnAndNationalDay_CountOnlyWorkingDays()
    {
        await MoveTo(new DateOnly(2026, 9, 18));
        var inspection = await NewInspection(Org.Township);
        var red = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映该单位公车私用", SheetColour.Red)));
        await MoveTo(new DateOnly(2026, 9, 24));
        var yellow = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映该单位违规吃喝", SheetColour.Yellow)));
        var blue = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映该单位工程招标不规范", SheetColour.Blue)));

        using (Assert.EnterMultipleScope())
        {
            // Red on Fri 18 Sep, 5wd: Sun 20 make-up (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5).
            Assert.That(red.DueDate, Is.EqualTo(new DateOnly(2026, 9, 24)));
            // Yellow on Thu 24 Sep, 15wd: Fri 25 holiday; Mon 28 (1), Tue 29 (2), Wed 30 (3); 1, 2 Oct holidays; 5, 6, 7 Oct
            // holidays; Thu 8 (4), Fri 9 (5), Sat 10 make-up (6), Mon 12 to Fri 16 (7-11), Mon 19 to Thu 22 (12-15).
            Assert.That(yellow.DueDate, Is.EqualTo(new DateOnly(2026, 10, 22)));
            // Blue, 30wd: 15 as above to Thu 22 Oct, Fri 23 (16), Mon 26 to Fri 30 (17-21), Mon 2 to Fri 6 Nov (22-26),
            // Mon 9 to Thu 12 Nov (27-30).
            Assert.That(blue.DueDate, Is.EqualTo(new DateOnly(2026, 11, 12)));
        }
    }

    /// <summary>09:00 UTC on <paramref name="day"/>; the ordered tests only ever move forward.</summary>
    private Task MoveTo(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        Assert.That(Host.Clock.GetUtcNow(), Is.LessThanOrEqualTo(target), "the tests of this fixture run in order on one clock");
        Host.Clock.Advance(target - Host.Clock.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <summary>The receipts owed for these cases (the feedback is owed on the plan it opens).</summary>
    private Task<List<Receipt>> Receipts(params Guid[] caseIds) =>
        Host.Query(db => db.Receipts.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).ToListAsync());
}
