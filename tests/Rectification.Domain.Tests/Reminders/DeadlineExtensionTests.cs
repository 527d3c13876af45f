using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;

namespace Rectification.Domain.Tests.Reminders;

/// <summary>A request to move a deadline, decided once by the supervising side.</summary>
[TestFixture]
public sealed class DeadlineExtensionTests
{
    private static readonly Guid CaseId = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid UnitId = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid Liaison = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Officer = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly DateTime RequestedAt = new(2025, 9, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime DecidedAt = new(2025, 9, 2, 3, 0, 0, DateTimeKind.Utc);

    private static DeadlineExtension Request() =>
        DeadlineExtension.Request("problem", CaseId, UnitId, new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 31), "the tender was cancelled", Liaison, RequestedAt);

    [Test]
    public void Request_RecordsBothDatesWhoAndWhy()
    {
        var extension = Request();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(extension.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(extension.Lifecycle, Is.EqualTo("problem"));
            Assert.That(extension.CaseId, Is.EqualTo(CaseId));
            Assert.That(extension.UnitId, Is.EqualTo(UnitId));
            Assert.That(extension.OldDeadline, Is.EqualTo(new DateOnly(2025, 9, 30)));
            Assert.That(extension.NewDeadline, Is.EqualTo(new DateOnly(2025, 10, 31)));
            Assert.That(extension.Reason, Is.EqualTo("the tender was cancelled"));
            Assert.That(extension.RequestedBy, Is.EqualTo(Liaison));
            Assert.That(extension.RequestedAt, Is.EqualTo(RequestedAt));
            Assert.That(extension.Status, Is.EqualTo(ExtensionStatus.Requested));
            Assert.That(extension.DecidedBy, Is.Null);
        }
    }

    [TestCase(true, ExtensionStatus.Approved)]
    [TestCase(false, ExtensionStatus.Rejected)]
    public void Decide_RecordsTheDecisionAndWhoTookIt(bool approve, ExtensionStatus status)
    {
        var extension = Request();

        var refusal = extension.Decide(approve, Officer, Role.InspectionOffice, "decided", DecidedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null);
            Assert.That(extension.Status, Is.EqualTo(status));
            Assert.That(extension.DecidedBy, Is.EqualTo(Officer));
            Assert.That(extension.DecidedByRole, Is.EqualTo(Role.InspectionOffice));
            Assert.That(extension.DecidedAt, Is.EqualTo(DecidedAt));
            Assert.That(extension.DecisionComment, Is.EqualTo("decided"));
        }
    }

    [Test]
    public void Decide_ASecondTime_IsAConflictAndTheFirstDecisionStands()
    {
        var extension = Request();
        extension.Decide(false, Officer, Role.InspectionOffice, "no reason to wait", DecidedAt);

        var refusal = extension.Decide(true, Guid.NewGuid(), Role.Leadership, "yes", DecidedAt.AddDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal!.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(refusal.Code, Is.EqualTo("extension.already-decided"));
            Assert.That(refusal.Args["status"], Is.EqualTo("Rejected"));
            Assert.That(extension.Status, Is.EqualTo(ExtensionStatus.Rejected));
            Assert.That(extension.DecidedBy, Is.EqualTo(Officer));
            Assert.That(extension.DecisionComment, Is.EqualTo("no reason to wait"));
        }
    }
}
