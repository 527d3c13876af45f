using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests.Clues;

/// <summary>
/// A clue sheet's light and the time left on its colour's limit, as the clue pages and the monthly report show them. The sheet is
/// due on Monday 24 March 2025; 3 March 2025 was a Monday, so 21 March is a Friday and 22–23 March a weekend (counted by hand).
/// </summary>
[TestFixture]
public sealed class ClueLightTests
{
    private static readonly DateOnly Due = new(2025, 3, 24);
    private static readonly DateTime HandedOverAt = new(2025, 3, 3, 1, 0, 0, DateTimeKind.Utc);

    private static LifecycleDefinition Definition => Repo.Definition(Clue.Lifecycle);

    private static Clue HandOver() =>
        Clue.HandOver(Definition, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "C-009", "Kickbacks on catering contracts", SheetColour.Yellow,
            Due, [], HandedOverAt);

    private static Clue ConcludedAt(DateTime concludedAt)
    {
        var clue = HandOver();
        Assert.That(clue.Accept(new LifecycleMachine(Definition, clue, Role.DisciplineCommission, HandedOverAt), Role.DisciplineCommission, Guid.NewGuid(), HandedOverAt), Is.Null);
        Assert.That(clue.StartInvestigation(new LifecycleMachine(Definition, clue, Role.DisciplineCommission, HandedOverAt), Role.DisciplineCommission), Is.Null);
        Assert.That(clue.Conclude(new LifecycleMachine(Definition, clue, Role.DisciplineCommission, concludedAt), Role.DisciplineCommission, CaseDriver.Outcome, concludedAt), Is.Null);
        return clue;
    }

    [TestCase("2025-03-17", 5, TestName = "WorkingDaysLeft_OnTheMondayOneWeekBefore_IsFiveUpToAndIncludingTheDueMonday")]
    [TestCase("2025-03-21", 1, TestName = "WorkingDaysLeft_OnTheFridayBefore_SkipsTheWeekendAndCountsTheDueDay")]
    [TestCase("2025-03-23", 1, TestName = "WorkingDaysLeft_OnTheSundayBefore_IsTheDueDayOnly")]
    [TestCase("2025-03-24", 0, TestName = "WorkingDaysLeft_OnTheDueDay_IsZero")]
    [TestCase("2025-03-27", 0, TestName = "WorkingDaysLeft_AfterTheDueDay_IsZero")]
    public void WorkingDaysLeft_CountsWorkingDaysFromTomorrowToTheDueDate(string today, int expected)
    {
        var left = ClueLight.WorkingDaysLeft(HandOver(), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), WorkingCalendar.WeekendsOnly);

        Assert.That(left, Is.EqualTo(expected));
    }

    [Test]
    public void WorkingDaysLeft_WhenAHolidayFallsBeforeTheDueDate_LeavesItOut()
    {
        var calendar = new WorkingCalendar([new DateOnly(2025, 3, 19)], [new DateOnly(2025, 3, 22)]);

        // 18, 20, 21 March, the make-up Saturday 22 March, and 24 March; the holiday 19 March is left out.
        Assert.That(ClueLight.WorkingDaysLeft(HandOver(), new DateOnly(2025, 3, 17), calendar), Is.EqualTo(5));
    }

    [Test]
    public void WorkingDaysLeft_OfAConcludedSheet_IsZeroEvenBeforeItsDueDate()
    {
        var clue = ConcludedAt(new DateTime(2025, 3, 10, 2, 0, 0, DateTimeKind.Utc));

        Assert.That(ClueLight.WorkingDaysLeft(clue, new DateOnly(2025, 3, 17), WorkingCalendar.WeekendsOnly), Is.EqualTo(0));
    }

    [Test]
    public void IsChased_UntilTheSheetIsConcluded()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ClueLight.IsChased("HandedOver"), Is.True);
            Assert.That(ClueLight.IsChased("Accepted"), Is.True);
            Assert.That(ClueLight.IsChased("UnderInvestigation"), Is.True);
            Assert.That(ClueLight.IsChased("Concluded"), Is.False);
        }
    }

    [Test]
    public void Light_OfARunningSheet_FollowsItsDueDate_AndAConcludedSheetHasNone()
    {
        var running = HandOver();
        var concluded = ConcludedAt(new DateTime(2025, 3, 28, 2, 0, 0, DateTimeKind.Utc));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ClueLight.Of(running, new DateOnly(2025, 3, 10), 3), Is.EqualTo(TrafficLight.Green));
            Assert.That(ClueLight.Of(running, new DateOnly(2025, 3, 21), 3), Is.EqualTo(TrafficLight.Yellow));
            Assert.That(ClueLight.Of(running, new DateOnly(2025, 3, 26), 3), Is.EqualTo(TrafficLight.Red));
            Assert.That(ClueLight.DaysOverdue(running, new DateOnly(2025, 3, 26)), Is.EqualTo(2));
            Assert.That(ClueLight.Of(concluded, new DateOnly(2025, 3, 30), 3), Is.EqualTo(TrafficLight.None));
            Assert.That(ClueLight.DaysOverdue(concluded, new DateOnly(2025, 3, 30)), Is.EqualTo(0));
        }
    }

    [Test]
    public void WentOverdue_ARunningSheet_OnlyOnceItsDueDateIsPast()
    {
        var clue = HandOver();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ClueLight.WentOverdue(clue, new DateOnly(2025, 3, 24)), Is.False, "the due day itself is still in time");
            Assert.That(ClueLight.WentOverdue(clue, new DateOnly(2025, 3, 25)), Is.True);
        }
    }

    [Test]
    public void WentOverdue_ASheetConcludedOnItsDueDayInBeijing_IsNotOverdue()
    {
        // 15:30 UTC on 24 March is 23:30 on 24 March in Beijing.
        var clue = ConcludedAt(new DateTime(2025, 3, 24, 15, 30, 0, DateTimeKind.Utc));

        Assert.That(ClueLight.WentOverdue(clue, new DateOnly(2025, 4, 30)), Is.False);
    }

    [Test]
    public void WentOverdue_ASheetConcludedTheDayAfterItsDueDayInBeijing_IsOverdue_OnceTheDueDateIsPast()
    {
        // 16:30 UTC on 24 March is 00:30 on 25 March in Beijing: a day late, though the UTC date is still the due day.
        var clue = ConcludedAt(new DateTime(2025, 3, 24, 16, 30, 0, DateTimeKind.Utc));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ClueLight.WentOverdue(clue, new DateOnly(2025, 4, 30)), Is.True);
            Assert.That(ClueLight.WentOverdue(clue, new DateOnly(2025, 3, 24)), Is.False, "as of its due day it had not yet gone overdue");
        }
    }
}
