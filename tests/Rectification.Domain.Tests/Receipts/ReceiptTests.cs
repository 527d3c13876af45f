using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Receipts;

namespace Rectification.Domain.Tests.Receipts;

/// <summary>签收: a receipt is pending until the receiving unit signs for it; a late signature is recorded, marked late.</summary>
[TestFixture]
public sealed class ReceiptTests
{
    private static readonly Guid CaseId = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid UnitId = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid Liaison = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly DateTime IssuedAt = new(2025, 5, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Due = new(2025, 5, 6);

    private static Receipt Issue() => Receipt.Issue(ReceiptKind.Escalation, "problem", CaseId, UnitId, "escalate-to-leader", Due, IssuedAt);

    [Test]
    public void Issue_IsPendingForTheReceivingUnit()
    {
        var receipt = Issue();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(receipt.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(receipt.Kind, Is.EqualTo(ReceiptKind.Escalation));
            Assert.That(receipt.CaseType, Is.EqualTo("problem"));
            Assert.That(receipt.CaseId, Is.EqualTo(CaseId));
            Assert.That(receipt.UnitId, Is.EqualTo(UnitId));
            Assert.That(receipt.Step, Is.EqualTo("escalate-to-leader"));
            Assert.That(receipt.IssuedAt, Is.EqualTo(IssuedAt));
            Assert.That(receipt.DueDate, Is.EqualTo(Due));
            Assert.That(receipt.State, Is.EqualTo("Pending"));
            Assert.That(receipt.AcknowledgedAt, Is.Null);
            Assert.That(receipt.AcknowledgedBy, Is.Null);
            Assert.That(receipt.Late, Is.False);
        }
    }

    [Test]
    public void Acknowledge_RecordsWhoSignedAndWhen()
    {
        var receipt = Issue();
        var at = new DateTime(2025, 5, 2, 3, 0, 0, DateTimeKind.Utc);

        var refusal = receipt.Acknowledge(Liaison, "Zhang San", Role.UnitLiaison, at);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null);
            Assert.That(receipt.State, Is.EqualTo("Acknowledged"));
            Assert.That(receipt.AcknowledgedAt, Is.EqualTo(at));
            Assert.That(receipt.AcknowledgedBy, Is.EqualTo(Liaison));
            Assert.That(receipt.AcknowledgedByName, Is.EqualTo("Zhang San"));
            Assert.That(receipt.AcknowledgedByRole, Is.EqualTo(Role.UnitLiaison));
            Assert.That(receipt.Late, Is.False);
        }
    }

    // The due day is an office (Beijing) day: 15:59 UTC on it is 23:59 in Beijing, 16:00 UTC is already the next day.
    [TestCase("2025-05-06T15:59:00Z", false, TestName = "Acknowledge_AtTheLastMinuteOfTheDueDay_IsOnTime")]
    [TestCase("2025-05-06T16:00:00Z", true, TestName = "Acknowledge_AtMidnightAfterTheDueDayInBeijing_IsLate")]
    [TestCase("2025-05-05T20:00:00Z", false, TestName = "Acknowledge_EarlyOnTheDueDayInBeijing_IsOnTime")]
    public void Acknowledge_IsLateOnlyAfterTheDueDayInTheOffice(string utc, bool late)
    {
        var receipt = Issue();
        var at = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.That(receipt.Acknowledge(Liaison, "Zhang San", Role.UnitLiaison, at), Is.Null, "a late signature is still recorded");
        Assert.That(receipt.Late, Is.EqualTo(late));
    }

    [Test]
    public void Acknowledge_ASecondTime_IsAConflictNamingTheFirstSignature()
    {
        var receipt = Issue();
        var first = new DateTime(2025, 5, 2, 3, 0, 0, DateTimeKind.Utc);
        receipt.Acknowledge(Liaison, "Zhang San", Role.UnitLiaison, first);

        var refusal = receipt.Acknowledge(Guid.NewGuid(), "Li Si", Role.UnitLeader, new DateTime(2025, 5, 9, 3, 0, 0, DateTimeKind.Utc));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal!.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(refusal.Code, Is.EqualTo("receipt.already-acknowledged"));
            Assert.That(refusal.Args["by"], Is.EqualTo("Zhang San"));
            Assert.That(refusal.Args["at"], Is.EqualTo(first));
            Assert.That(receipt.AcknowledgedByName, Is.EqualTo("Zhang San"), "the first signature stands");
            Assert.That(receipt.AcknowledgedAt, Is.EqualTo(first));
            Assert.That(receipt.Late, Is.False, "the second, late attempt does not make the receipt late");
        }
    }

    [TestCase(ReceiptKind.ReturnedPlan, "plan")]
    [TestCase(ReceiptKind.HandoverSheet, "clue")]
    [TestCase(ReceiptKind.Feedback, null)]
    [TestCase(ReceiptKind.Escalation, null)]
    public void KindOf_NamesTheLifecycleWhereTheKindAloneSaysIt(ReceiptKind kind, string? lifecycle)
    {
        Assert.That(ReceiptSubjects.KindOf(kind), Is.EqualTo(lifecycle));
    }

    [Test]
    public void States_ArePendingAndAcknowledged()
    {
        Assert.That(ReceiptStates.All, Is.EqualTo(new[] { "Pending", "Acknowledged" }));
    }
}
