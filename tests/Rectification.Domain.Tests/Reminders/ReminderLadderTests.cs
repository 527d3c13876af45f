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

    [TestCase(-3, null, false, "到期前 3 天提醒", "reminder 3 days before the due date")]
    [TestCase(-1, null, false, "到期前 1 天提醒", "reminder 1 days before the due date")]
    [TestCase(0, null, false, "到期当日提醒", "reminder on the due date")]
    [TestCase(2, null, false, "逾期 2 天提醒", "reminder 2 days overdue")]
    [TestCase(5, null, true, "逾期 5 天督办", "escalation 5 days overdue")]
    [TestCase(7, "ReminderTalk", true, "提醒谈话", "reminder talk")]
    [TestCase(-2, "ReminderTalk", false, "提醒谈话", "reminder talk")]
    public void Label_OfAStep_SaysWhenItComesAndWhatItDoes(int offsetDays, string? task, bool requiresReceipt, string zhCn, string en)
    {
        var step = new ReminderStepDefinition("any-name", offsetDays, "template", [Liaison], task, requiresReceipt);

        Assert.That(step.Label, Is.EqualTo(new LocalizedText(zhCn, en)));
    }

    [Test]
    public void Label_OfAnEscalationOnTheDueDate_IsTheDueDateReminder()
    {
        Assert.That(new ReminderStepDefinition("s", 0, "t", [Liaison], null, RequiresReceipt: true).Label,
            Is.EqualTo(new LocalizedText("到期当日提醒", "reminder on the due date")));
    }

    [Test]
    public void Step_ByName_IsTheRungOfThatLifecyclesLadder_OrNone()
    {
        var remind = Step("remind", -3);
        var escalate = Step("escalate", 5);
        var ladder = new ReminderLadder("problem", ["Rectifying"], [remind, escalate]);
        var settings = new ReminderSettings(3, new Dictionary<string, ReminderLadder> { ["problem"] = ladder });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.Step("problem", "escalate"), Is.SameAs(escalate));
            Assert.That(settings.Step("problem", "remind"), Is.SameAs(remind));
            Assert.That(settings.Step("problem", "no-such-step"), Is.Null);
            Assert.That(settings.Step("problem", null), Is.Null, "a case that has taken no step yet");
            Assert.That(settings.Step("plan", "remind"), Is.Null, "a lifecycle without a ladder");
        }
    }
}
