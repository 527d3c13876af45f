using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Receipts;
using Rectification.Domain.Reminders;

namespace Rectification.Domain.Tests.Reminders;

/// <summary>The ladders of workflows/reminders.yaml: when a step fires, and which ladders the sweep walks.</summary>
[TestFixture]
public sealed class ReminderLadderTests
{
    private static readonly RecipientSpec Liaison = new(Role.UnitLiaison, RecipientScope.Unit, false);

    private static ReminderStepDefinition Step(string name, int offsetDays) => new(name, offsetDays, "template-" + name, [Liaison], null);

    private static ReminderLadder Ladder(string lifecycle, string? subject = null) => new(lifecycle, ["Running"], [Step("remind", -3)], subject);

    [TestCase(-3, true)]
    [TestCase(-1, true)]
    [TestCase(0, false)]
    [TestCase(2, false)]
    public void IsBeforeDue_OnlyForStepsBeforeTheDueDate(int offsetDays, bool beforeDue)
    {
        Assert.That(Step("s", offsetDays).IsBeforeDue, Is.EqualTo(beforeDue));
    }

    [TestCase(-3, "2025-10-05", TestName = "LatestDueDateFiringBy_ThreeDaysBefore_IsADueDateThreeDaysAhead")]
    [TestCase(0, "2025-10-02", TestName = "LatestDueDateFiringBy_OnTheDay_IsToday")]
    [TestCase(2, "2025-09-30", TestName = "LatestDueDateFiringBy_TwoDaysAfter_IsADueDateTwoDaysAgo")]
    public void LatestDueDateFiringBy_IsTodayMinusTheOffset(int offsetDays, string dueDate)
    {
        Assert.That(Step("s", offsetDays).LatestDueDateFiringBy(new DateOnly(2025, 10, 2)),
            Is.EqualTo(DateOnly.Parse(dueDate, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Step_DoesNotRequireAReceiptUnlessSaid()
    {
        Assert.That(Step("s", 1).RequiresReceipt, Is.False);
    }

    [TestCase(null, "problem")]
    [TestCase("HandoverSheet", "clue")]
    [TestCase("ReturnedPlan", "plan")]
    [TestCase("Feedback", "problem")]
    [TestCase("Escalation", "problem")]
    [TestCase("NoSuchKind", "problem")]
    public void SubjectKind_IsWhatTheMailsAreAbout(string? subject, string kind)
    {
        Assert.That(Ladder("problem", subject).SubjectKind, Is.EqualTo(kind));
    }

    [Test]
    public void For_FindsALifecyclesLadderOrNone()
    {
        var problem = Ladder("problem");
        var settings = new ReminderSettings(3, new Dictionary<string, ReminderLadder> { ["problem"] = problem });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.For("problem"), Is.SameAs(problem));
            Assert.That(settings.For("plan"), Is.Null);
            Assert.That(settings.YellowWithinDays, Is.EqualTo(3));
        }
    }

    [Test]
    public void AllLadders_AreTheLifecyclesTheReceiptsAndTheSelfChecks()
    {
        var problem = Ladder("problem");
        var plan = Ladder("plan");
        var feedback = Ladder("receipt", "Feedback");
        var selfCheck = Ladder("self-check");
        var settings = new ReminderSettings(3, new Dictionary<string, ReminderLadder> { ["problem"] = problem, ["plan"] = plan })
        {
            Receipts = new Dictionary<ReceiptKind, ReceiptRule>
            {
                [ReceiptKind.Feedback] = new(ReceiptKind.Feedback, new DurationSpec(3, true), [Role.UnitLeader], feedback),
            },
            SelfChecks = new SelfCheckRule(new DurationSpec(10, true), selfCheck, "self-check-pushed", [Liaison]),
        };

        Assert.That(settings.AllLadders, Is.EqualTo(new[] { problem, plan, feedback, selfCheck }));
    }

    [Test]
    public void AllLadders_WithoutReceiptsOrSelfChecks_AreTheLifecyclesOnly()
    {
        var problem = Ladder("problem");
        var settings = new ReminderSettings(3, new Dictionary<string, ReminderLadder> { ["problem"] = problem });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.AllLadders, Is.EqualTo(new[] { problem }));
            Assert.That(settings.Receipts, Is.Empty);
            Assert.That(settings.SelfChecks, Is.Null);
        }
    }
}
