using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests.Problems;

/// <summary>A problem's light as the pages show it and as the ledger filters by it: one rule, in C# and in SQL.</summary>
[TestFixture]
public sealed class ProblemLightTests
{
    private const int YellowWithinDays = 7;

    // The driver's problems are chased for 2025-09-30.
    [TestCase(ProblemStates.Rectifying, "2025-09-01", TrafficLight.Green, 0)]
    [TestCase(ProblemStates.Rectifying, "2025-09-22", TrafficLight.Green, 0)]
    [TestCase(ProblemStates.Rectifying, "2025-09-23", TrafficLight.Yellow, 0)]
    [TestCase(ProblemStates.Rectifying, "2025-09-30", TrafficLight.Yellow, 0)]
    [TestCase(ProblemStates.Rectifying, "2025-10-01", TrafficLight.Red, 1)]
    [TestCase(ProblemStates.UnderReview, "2025-10-11", TrafficLight.Red, 11)]
    [TestCase(ProblemStates.Closed, "2025-10-11", TrafficLight.None, 0)]
    [TestCase(ProblemStates.Closed, "2025-09-25", TrafficLight.None, 0)]
    public void Of_IsTheLightOfTheChasedDate_AndTheFilterSelectsExactlyTheProblemsWithThatLight(string state, string today, TrafficLight expected, int daysOverdue)
    {
        var problem = (Problem)CaseDriver.ForRepo().InState(Problem.Lifecycle, state);
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var selectedBy = Enum.GetValues<TrafficLight>().Where(light => ProblemLight.Is(light, day, YellowWithinDays).Compile()(problem)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProblemLight.Of(problem, day, YellowWithinDays), Is.EqualTo(expected));
            Assert.That(ProblemLight.DaysOverdue(problem, day), Is.EqualTo(daysOverdue));
            Assert.That(selectedBy, Is.EqualTo(new[] { expected }), "the ledger's filter for each light");
        }
    }

    [Test]
    public void ARegisteredProblem_IsNotYetChased_AndHasNoLight()
    {
        var problem = CaseDriver.ForRepo().NewProblem();
        var day = new DateOnly(2025, 10, 11);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProblemLight.Of(problem, day, YellowWithinDays), Is.EqualTo(TrafficLight.None));
            Assert.That(ProblemLight.Is(TrafficLight.None, day, YellowWithinDays).Compile()(problem), Is.True);
            Assert.That(ProblemLight.Is(TrafficLight.Green, day, YellowWithinDays).Compile()(problem), Is.False);
        }
    }

    // A long-term problem started on 2 March 2026 with a deadline of 31 December 2026 is chased for its first periodic report,
    // due 90 days on: 31 May 2026. Its light follows that date, not the far deadline.
    [TestCase("2026-05-01", TrafficLight.Green, 0)]
    [TestCase("2026-05-25", TrafficLight.Yellow, 0)]
    [TestCase("2026-06-03", TrafficLight.Red, 3)]
    public void Of_ALongTermProblem_IsTheLightOfItsNextReport_NotOfItsDeadline(string today, TrafficLight expected, int daysOverdue)
    {
        var driver = CaseDriver.ForRepo();
        var problem = driver.NewProblem();
        driver.DriveTo(problem, ProblemStates.FedBack);
        var machine = new LifecycleMachine(Repo.Definition(Problem.Lifecycle), problem, Role.System, new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc));
        Assert.That(problem.StartRectification(machine, RectificationKind.LongTerm, new DateOnly(2026, 12, 31), new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc)), Is.Null);
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var selectedBy = Enum.GetValues<TrafficLight>().Where(light => ProblemLight.Is(light, day, YellowWithinDays).Compile()(problem)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.ReminderDue, Is.EqualTo(new DateOnly(2026, 5, 31)));
            Assert.That(ProblemLight.Of(problem, day, YellowWithinDays), Is.EqualTo(expected));
            Assert.That(ProblemLight.DaysOverdue(problem, day), Is.EqualTo(daysOverdue));
            Assert.That(selectedBy, Is.EqualTo(new[] { expected }), "the ledger's filter for each light");
        }
    }
}
