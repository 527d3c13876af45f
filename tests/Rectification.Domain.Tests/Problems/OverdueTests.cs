using Rectification.Domain.Problems;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests.Problems;

/// <summary>Overdue as the ledger and the statistics count it: fed back, not closed, past the date it is chased for.</summary>
[TestFixture]
public sealed class OverdueTests
{
    [TestCase(ProblemStates.Registered, false)]
    [TestCase(ProblemStates.FedBack, true)]
    [TestCase(ProblemStates.Rectifying, true)]
    [TestCase(ProblemStates.UnderReview, true)]
    [TestCase(ProblemStates.Closed, false)]
    public void IsChased_OnlyBetweenFeedbackAndClosing(string state, bool chased)
    {
        Assert.That(Overdue.IsChased(state), Is.EqualTo(chased));
    }

    [Test]
    public void On_CountsRunningProblemsPastTheirDate_NotOnTheDateItself()
    {
        // The driver's problems are chased for 2025-09-30.
        var driver = CaseDriver.ForRepo();
        var rectifying = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.Rectifying);
        var underReview = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.UnderReview);
        var closed = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.Closed);
        var registered = driver.NewProblem();
        var isOverdue = Overdue.On(new DateOnly(2025, 10, 1)).Compile();
        var onTheDay = Overdue.On(new DateOnly(2025, 9, 30)).Compile();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(closed.ReminderDue, Is.EqualTo(new DateOnly(2025, 9, 30)));
            Assert.That(isOverdue(rectifying), Is.True, "rectifying, a day past its deadline");
            Assert.That(isOverdue(underReview), Is.True, "under review, a day past its deadline");
            Assert.That(isOverdue(closed), Is.False, "a closed problem is never overdue");
            Assert.That(isOverdue(registered), Is.False, "a registered problem is not yet chased");
            Assert.That(onTheDay(rectifying), Is.False, "the deadline day itself is not overdue");
        }
    }

    [Test]
    public void On_ForAProblemStillWaitingForItsLedgerLine_IsNotOverdue()
    {
        var problem = (Problem)CaseDriver.ForRepo().InState(Problem.Lifecycle, ProblemStates.FedBack);

        Assert.That(Overdue.On(new DateOnly(2030, 1, 1)).Compile()(problem), Is.False, "no date is chased before the plan sets one");
    }
}
