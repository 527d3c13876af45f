using Rectification.Domain.Reminders;

namespace Rectification.Domain.Tests.Reminders;

/// <summary>亮灯: red past the deadline, yellow within the warning days of it, green otherwise, nothing once the case stops running.</summary>
[TestFixture]
public sealed class TrafficLightTests
{
    private static readonly DateOnly Today = new(2025, 10, 1);

    [TestCase("2025-09-30", TrafficLight.Red, TestName = "For_ADeadlineYesterday_IsRed")]
    [TestCase("2025-10-01", TrafficLight.Yellow, TestName = "For_ADeadlineToday_IsYellow")]
    [TestCase("2025-10-04", TrafficLight.Yellow, TestName = "For_ADeadlineOnTheLastWarningDay_IsYellow")]
    [TestCase("2025-10-05", TrafficLight.Green, TestName = "For_ADeadlineADayBeyondTheWarningDays_IsGreen")]
    public void For_ARunningCase_DependsOnHowCloseTheDeadlineIs(string due, TrafficLight light)
    {
        Assert.That(TrafficLights.For(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Today, 3, running: true), Is.EqualTo(light));
    }

    [Test]
    public void For_ARunningCaseWithoutADeadline_IsGreen()
    {
        Assert.That(TrafficLights.For(null, Today, 3, running: true), Is.EqualTo(TrafficLight.Green));
    }

    [Test]
    public void For_ACaseNoLongerRunning_HasNoLightEvenPastItsDeadline()
    {
        Assert.That(TrafficLights.For(new DateOnly(2025, 9, 1), Today, 3, running: false), Is.EqualTo(TrafficLight.None));
    }

    [TestCase("2025-09-28", true, 3)]
    [TestCase("2025-09-30", true, 1)]
    [TestCase("2025-10-01", true, 0)]
    [TestCase("2025-10-09", true, 0)]
    [TestCase("2025-09-28", false, 0)]
    public void DaysOverdue_CountsWholeDaysPastTheDeadlineOfARunningCase(string due, bool running, int days)
    {
        Assert.That(TrafficLights.DaysOverdue(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Today, running), Is.EqualTo(days));
    }

    [Test]
    public void DaysOverdue_WithoutADeadline_IsZero()
    {
        Assert.That(TrafficLights.DaysOverdue(null, Today, running: true), Is.Zero);
    }
}
