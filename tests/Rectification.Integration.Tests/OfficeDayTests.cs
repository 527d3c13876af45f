using Microsoft.EntityFrameworkCore;
using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Application.Receipts;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;
using Rectification.Domain.Receipts;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// Days are the office's days (Asia/Shanghai, UTC+8), not UTC days. Between 00:00 and 08:00 Beijing time the UTC date is still
/// the day before, so each case here happens at 07:30 Beijing time (23:30 UTC the evening before), where the two disagree.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class OfficeDayTests(DatabaseProvider provider) : HostTest(provider)
{
    private string Liaison => $"{Org.Bureau.Code.ToLowerInvariant()}-liaison";

    [Test, Order(1)]
    public async Task Receipt_AcknowledgedAt0730BeijingTheDayAfterItsDueDate_IsLate()
    {
        // Thu 30 April 2026, 09:00 Beijing. The feedback receipt's 3 working days skip May Day: due Fri 8 May.
        await MoveTo(new DateTimeOffset(2026, 4, 30, 1, 0, 0, TimeSpan.Zero));
        var inspection = await NewInspection(Org.Bureau);
        await NewProblem(inspection);
        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        var receipt = await Host.Query(db => db.Receipts.AsNoTracking().SingleAsync(r => r.CaseId == feedback.PlanId && r.Kind == ReceiptKind.Feedback));
        Assert.That(receipt.DueDate, Is.EqualTo(new DateOnly(2026, 5, 8)));

        // Sat 9 May 07:30 Beijing = Fri 8 May 23:30 UTC: by UTC still the due day, by the office one day late.
        await MoveTo(new DateTimeOffset(2026, 5, 8, 23, 30, 0, TimeSpan.Zero));
        var acknowledged = Ok(await Host.Send<ReceiptDto>(Liaison, new AcknowledgeReceipt(receipt.Id)));

        Assert.That(acknowledged.Late, Is.True);
    }

    [Test, Order(2)]
    public async Task Problem_At0730BeijingTheDayAfterItsDeadline_IsRedAndOneDayOverdue()
    {
        // Mon 11 May 2026, 09:00 Beijing; the ledger line's deadline is 90 calendar days on: 20 days to 31 May, 30 to 30 June,
        // 31 to 31 July, 9 more: Sun 9 August.
        await MoveTo(new DateTimeOffset(2026, 5, 11, 1, 0, 0, TimeSpan.Zero));
        var problem = (await InRectification(Org.Bureau)).Problems.Single();
        Assert.That(problem.Deadline, Is.EqualTo(new DateOnly(2026, 8, 9)));

        // Mon 10 August 07:30 Beijing = Sun 9 August 23:30 UTC: by UTC the deadline is today, by the office it was yesterday.
        await MoveTo(new DateTimeOffset(2026, 8, 9, 23, 30, 0, TimeSpan.Zero));
        var summary = Ok(await Host.Send<ProblemDetail>(Liaison, new GetProblem(problem.Id))).Summary;
        var overdue = Ok(await Host.Send<Page<ProblemSummary>>("office", new ListProblems(UnitId: Org.Bureau.Id, Overdue: true)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Light, Is.EqualTo(TrafficLight.Red));
            Assert.That(summary.DaysOverdue, Is.EqualTo(1));
            Assert.That(overdue.Items.Select(p => p.Id), Does.Contain(problem.Id));
        }
    }

    /// <summary>Moves the test clock forward to <paramref name="instant"/>; the ordered tests only ever move forward.</summary>
    private Task MoveTo(DateTimeOffset instant)
    {
        Assert.That(Host.Clock.GetUtcNow(), Is.LessThanOrEqualTo(instant), "the tests of this fixture run in order on one clock");
        Host.Clock.Advance(instant - Host.Clock.GetUtcNow());
        return Task.CompletedTask;
    }
}
