using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Domain.Tests;

/// <summary>
/// Working-day deadlines follow the mainland China calendar: weekends and holidays are off, and make-up working days
/// (调休) on weekends count. The 2025 National Day week is used: 1–8 October off, Sunday 28 September and
/// Saturday 11 October worked.
/// </summary>
[TestFixture]
public sealed class WorkingCalendarTests
{
    private static readonly DateOnly[] NationalDay2025 = Enumerable.Range(1, 8).Select(d => new DateOnly(2025, 10, d)).ToArray();
    private static readonly DateOnly[] MakeUpDays2025 = [new(2025, 9, 28), new(2025, 10, 11)];
    private static readonly WorkingCalendar Calendar = new(NationalDay2025, MakeUpDays2025);

    private static DurationSpec WorkingDays(int days) => new(days, WorkingDays: true);

    private static DurationSpec CalendarDays(int days) => new(days, WorkingDays: false);

    [TestCase("2025-09-22", true, TestName = "IsWorkingDay_WhenOrdinaryMonday_IsWorking")]
    [TestCase("2025-09-26", true, TestName = "IsWorkingDay_WhenOrdinaryFriday_IsWorking")]
    [TestCase("2025-09-27", false, TestName = "IsWorkingDay_WhenOrdinarySaturday_IsOff")]
    [TestCase("2025-10-05", false, TestName = "IsWorkingDay_WhenSundayInsideHoliday_IsOff")]
    [TestCase("2025-10-12", false, TestName = "IsWorkingDay_WhenOrdinarySunday_IsOff")]
    [TestCase("2025-10-01", false, TestName = "IsWorkingDay_WhenWeekdayHoliday_IsOff")]
    [TestCase("2025-10-08", false, TestName = "IsWorkingDay_WhenLastHolidayDay_IsOff")]
    [TestCase("2025-09-28", true, TestName = "IsWorkingDay_WhenMakeUpSunday_IsWorking")]
    [TestCase("2025-10-11", true, TestName = "IsWorkingDay_WhenMakeUpSaturday_IsWorking")]
    public void IsWorkingDay_ForTheDay_FollowsWeekendsHolidaysAndMakeUpDays(string day, bool working)
    {
        Assert.That(Calendar.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(working));
    }

    [Test]
    public void Add_WhenWorkingDaysCrossAWeekend_SkipsSaturdayAndSunday()
    {
        var friday = new DateOnly(2025, 3, 7);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(WorkingCalendar.WeekendsOnly.Add(friday, WorkingDays(1)), Is.EqualTo(new DateOnly(2025, 3, 10)), "Friday + 1 working day is Monday");
            Assert.That(WorkingCalendar.WeekendsOnly.Add(new DateOnly(2025, 3, 3), WorkingDays(5)), Is.EqualTo(new DateOnly(2025, 3, 10)), "a working week is Monday to Monday");
            Assert.That(WorkingCalendar.WeekendsOnly.Add(new DateOnly(2025, 3, 3), WorkingDays(15)), Is.EqualTo(new DateOnly(2025, 3, 24)), "the review window of 15wd is three weeks");
        }
    }

    [Test]
    public void Add_WhenStartingOnAWeekend_CountsFromTheNextWorkingDay()
    {
        var saturday = new DateOnly(2025, 3, 8);

        Assert.That(WorkingCalendar.WeekendsOnly.Add(saturday, WorkingDays(1)), Is.EqualTo(new DateOnly(2025, 3, 10)));
    }

    [Test]
    public void Add_WhenWorkingDaysCrossAHoliday_SkipsTheHoliday()
    {
        var lastDayBefore = new DateOnly(2025, 9, 30);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Calendar.Add(lastDayBefore, WorkingDays(1)), Is.EqualTo(new DateOnly(2025, 10, 9)), "the first working day after the holiday");
            Assert.That(WorkingCalendar.WeekendsOnly.Add(lastDayBefore, WorkingDays(1)), Is.EqualTo(new DateOnly(2025, 10, 1)), "without the holidays it is the next day");
        }
    }

    [Test]
    public void Add_WhenAMakeUpWorkingDayFalls_CountsIt()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Calendar.Add(new DateOnly(2025, 9, 26), WorkingDays(1)), Is.EqualTo(new DateOnly(2025, 9, 28)), "Friday + 1 is the make-up Sunday");
            Assert.That(Calendar.Add(new DateOnly(2025, 10, 9), WorkingDays(2)), Is.EqualTo(new DateOnly(2025, 10, 11)), "Thursday + 2 is the make-up Saturday");
            Assert.That(Calendar.Add(new DateOnly(2025, 10, 10), WorkingDays(2)), Is.EqualTo(new DateOnly(2025, 10, 13)), "after the make-up Saturday, Sunday is off again");
        }
    }

    [Test]
    public void Add_WhenRedSheetIsHandedOverBeforeNationalDay_DueDateAccountsForHolidayAndMakeUpDays()
    {
        // A red sheet (5wd) handed over on Friday 26 September: 28 Sep, 29 Sep, 30 Sep, then 9 Oct and 10 Oct.
        var handedOver = new DateOnly(2025, 9, 26);

        Assert.That(Calendar.Add(handedOver, WorkingDays(5)), Is.EqualTo(new DateOnly(2025, 10, 10)));
    }

    [Test]
    public void Add_WhenDurationIsInCalendarDays_IgnoresWeekendsAndHolidays()
    {
        var start = new DateOnly(2025, 9, 30);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Calendar.Add(start, CalendarDays(3)), Is.EqualTo(new DateOnly(2025, 10, 3)), "lands inside the holiday");
            Assert.That(Calendar.Add(new DateOnly(2025, 3, 7), CalendarDays(1)), Is.EqualTo(new DateOnly(2025, 3, 8)), "lands on a Saturday");
            Assert.That(Calendar.Add(start, CalendarDays(30)), Is.EqualTo(WorkingCalendar.WeekendsOnly.Add(start, CalendarDays(30))), "no calendar changes a calendar-day duration");
        }
    }

    [Test]
    public void Add_WhenDurationIsZero_ReturnsTheStartDay()
    {
        var saturday = new DateOnly(2025, 3, 8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Calendar.Add(saturday, WorkingDays(0)), Is.EqualTo(saturday));
            Assert.That(Calendar.Add(saturday, CalendarDays(0)), Is.EqualTo(saturday));
        }
    }

    [Test]
    public void HolidaysIn_AYear_ListsThatYearsHolidaysInOrder()
    {
        var calendar = new WorkingCalendar([new(2026, 1, 1), new(2025, 10, 3), new(2025, 10, 1), new(2025, 1, 1)], []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calendar.HolidaysIn(2025), Is.EqualTo(new DateOnly[] { new(2025, 1, 1), new(2025, 10, 1), new(2025, 10, 3) }));
            Assert.That(calendar.HolidaysIn(2026), Is.EqualTo(new DateOnly[] { new(2026, 1, 1) }));
            Assert.That(calendar.HolidaysIn(2024), Is.Empty);
        }
    }

    [Test]
    public void MakeUpWorkingDaysIn_AYear_ListsThatYearsMakeUpDaysInOrder()
    {
        var calendar = new WorkingCalendar([], [new(2025, 10, 11), new(2026, 1, 4), new(2025, 9, 28)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calendar.MakeUpWorkingDaysIn(2025), Is.EqualTo(new DateOnly[] { new(2025, 9, 28), new(2025, 10, 11) }));
            Assert.That(calendar.MakeUpWorkingDaysIn(2026), Is.EqualTo(new DateOnly[] { new(2026, 1, 4) }));
            Assert.That(calendar.HolidaysIn(2025), Is.Empty, "make-up days are not holidays");
        }
    }
}
