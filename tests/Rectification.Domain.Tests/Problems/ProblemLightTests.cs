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
}
