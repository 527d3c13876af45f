using Rectification.Domain.CommonProblems;
using Rectification.Domain.Organization;
using Rectification.Domain.Receipts;
using Rectification.Domain.Tests.Support;
using Rectification.Infrastructure.Lifecycles;

namespace Rectification.Domain.Tests;

/// <summary>The receipts and self-check sections of workflows/reminders.yaml: read from the file, refused with file and line when broken.</summary>
public sealed class ReminderFileReaderTests
{
    private static readonly IReadOnlyList<Lifecycles.LifecycleDefinition> Lifecycles = LifecycleCatalog.ReadFolder(Repo.WorkflowsFolder);

    [Test]
    public void ReadLadders_WhenTheRepositoryFileIsRead_HasAReceiptRuleForEveryKindAndTheSelfCheckRule()
    {
        var settings = ReminderFileReader.ReadLadders(Path.Combine(Repo.WorkflowsFolder, ReminderFileReader.LaddersFile), Lifecycles);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.Receipts.Keys, Is.EquivalentTo(Enum.GetValues<ReceiptKind>()));
            Assert.That(settings.Receipts[ReceiptKind.HandoverSheet].ReceivedBy, Is.EqualTo(new[] { Role.DisciplineCommission }));
            Assert.That(settings.Receipts[ReceiptKind.Feedback].Ladder.Subject, Is.EqualTo(nameof(ReceiptKind.Feedback)));
            Assert.That(settings.SelfChecks!.Ladder.Lifecycle, Is.EqualTo(SelfCheckTask.Lifecycle));
            Assert.That(settings.AllLadders.Count(), Is.EqualTo(settings.Ladders.Count + settings.Receipts.Count + 1));
            Assert.That(settings.Ladders["problem"].Steps.Where(s => s.RequiresReceipt).Select(s => s.Name), Is.EqualTo(new[] { "overdue-3-days" }));
        }
    }

    [Test]
    public void ParseLadders_WhenAReceiptKindHasNoLimit_NamesTheMissingKind()
    {
        var text = Ladders + """
            receipts:
              Feedback: { within: 3wd, receivedBy: [UnitLeader], steps: [] }
            """;

        var error = Assert.Throws<LifecycleFileException>(() => ReminderFileReader.ParseLadders(text, "reminders.yaml", Lifecycles));

        Assert.That(error!.Message, Does.Contain("reminders.yaml").And.Contain("missing: ReturnedPlan, HandoverSheet, Escalation"));
    }

    [Test]
    public void ParseLadders_WhenAReceiptStepAsksForAReceipt_IsRefused()
    {
        var text = Ladders + """
            selfChecks:
              answerWithin: 20wd
              pushed: { template: self-check-pushed, to: [{ role: UnitLeader }] }
              steps:
                - { step: overdue, offset: 1, template: self-check-reminder, receipt: true, to: [{ role: UnitLeader }] }
            """;

        var error = Assert.Throws<LifecycleFileException>(() => ReminderFileReader.ParseLadders(text, "reminders.yaml", Lifecycles));

        Assert.That(error!.Message, Does.Contain("cannot ask for a receipt"));
    }

    private const string Ladders = """
        version: 1
        trafficLights: { yellowWithinDays: 7 }
        ladders:
          clue:
            activeStates: [HandedOver]
            steps:
              - { step: overdue, offset: 1, template: reminder-overdue, to: [{ role: DisciplineCommission, scope: above }] }

        """;
}
