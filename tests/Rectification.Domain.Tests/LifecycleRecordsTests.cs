using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Tests;

/// <summary>The parts of a lifecycle definition the code asks: triggers from a state, durations, sign-off parties, notifications, kinds.</summary>
[TestFixture]
public sealed class LifecycleRecordsTests
{
    private static readonly LifecycleDefinition Definition = new("sample", 4, "Open",
        new Dictionary<string, LocalizedText> { ["Open"] = new("打开", "open"), ["Done"] = new("完成", "done") },
        [
            new TransitionDefinition("Open", "Finish", "Done", [Role.UnitLeader], []),
            new TransitionDefinition("Open", "Finish", "Done", [Role.InspectionOffice], ["progress-reported"]),
            new TransitionDefinition("Open", "Touch", "Open", [Role.UnitLiaison], []),
            new TransitionDefinition("Done", "Reopen", "Open", [Role.InspectionOffice], []),
        ],
        new Dictionary<string, DurationSpec> { ["Answer"] = new(5, true) },
        new SignOffDefinition([Role.UnitLeader, Role.DisciplineCommission], SignOffOrder.Sequential,
            [new SignOffCondition("major", [Role.InspectionOffice, Role.UnitLeader]), new SignOffCondition("Serious", [Role.Leadership])]),
        [
            new NotificationRule("Finish", "finished", [new RecipientSpec(Role.InspectionOffice, RecipientScope.Above, false)], true),
            new NotificationRule("Reopen", "reopened", [], false),
            new NotificationRule("Finish", "finished-copy", [], false),
        ],
        "sample.yaml", "hash");

    [Test]
    public void TriggersFrom_AState_NameEachTriggerOnce()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Definition.TriggersFrom("Open"), Is.EqualTo(new[] { "Finish", "Touch" }));
            Assert.That(Definition.TriggersFrom("Done"), Is.EqualTo(new[] { "Reopen" }));
            Assert.That(Definition.TriggersFrom("Nowhere"), Is.Empty);
        }
    }

    [Test]
    public void Find_IsTheFirstTransitionOfThatTriggerFromThatState()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Definition.Find("Open", "Finish")!.Roles, Is.EqualTo(new[] { Role.UnitLeader }));
            Assert.That(Definition.Find("Done", "Finish"), Is.Null);
            Assert.That(Definition.Find("Open", "Reopen"), Is.Null);
        }
    }

    [Test]
    public void Duration_ThatTheFileDeclares_IsFound()
    {
        Assert.That(Definition.Duration("Answer"), Is.EqualTo(new DurationSpec(5, true)));
    }

    [Test]
    public void Duration_ThatTheFileLacks_NamesTheLifecycleVersionAndKey()
    {
        Assert.That(() => Definition.Duration("Review"),
            Throws.TypeOf<KeyNotFoundException>().With.Message.EqualTo("Lifecycle 'sample' v4 defines no duration 'Review'."));
    }

    [Test]
    public void NotificationsOn_ATrigger_AreItsRulesInFileOrder()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Definition.NotificationsOn("Finish").Select(n => n.Template), Is.EqualTo(new[] { "finished", "finished-copy" }));
            Assert.That(Definition.NotificationsOn("Touch"), Is.Empty);
        }
    }

    [TestCase("General", new[] { Role.UnitLeader, Role.DisciplineCommission })]
    [TestCase("Major", new[] { Role.UnitLeader, Role.DisciplineCommission, Role.InspectionOffice })]
    [TestCase("MAJOR", new[] { Role.UnitLeader, Role.DisciplineCommission, Role.InspectionOffice })]
    [TestCase("serious", new[] { Role.UnitLeader, Role.DisciplineCommission, Role.Leadership })]
    public void RequiredFor_ASeverity_AddsItsExtraPartiesOnceWhateverTheCase(string severity, Role[] parties)
    {
        Assert.That(Definition.SignOff!.RequiredFor(severity), Is.EqualTo(parties));
    }

    [Test]
    public void RequiredFor_LeavesTheDefinitionsPartiesAsTheyAre()
    {
        Definition.SignOff!.RequiredFor("Major");

        Assert.That(Definition.SignOff.Parties, Is.EqualTo(new[] { Role.UnitLeader, Role.DisciplineCommission }));
    }

    [Test]
    public void CaseKind_OfAKnownLifecycle_IsFound_AndOfAnUnknownOne_IsRefused()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CaseKind.Of("clue"), Is.SameAs(CaseKind.Clue));
            Assert.That(CaseKind.Find("self-check"), Is.SameAs(CaseKind.SelfCheck));
            Assert.That(CaseKind.Find("sample"), Is.Null);
            Assert.That(() => CaseKind.Of("sample"), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(CaseKind.Receipt.ToString(), Is.EqualTo("receipt"));
            Assert.That(CaseKind.Receipt.FromFile, Is.False);
            Assert.That(CaseKind.Problem.RequiredDurations, Is.EqualTo(new[] { "Immediate", "TimeLimited", "LongTerm", "LongTermReport" }));
        }
    }
}
