using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;

namespace Rectification.Domain.Tests.Reminders;

/// <summary>A task the ladder opens (a reminder talk), done once with its record; and the record of a ladder step taken.</summary>
[TestFixture]
public sealed class SupervisionTaskTests
{
    private static readonly Guid CaseId = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid UnitId = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid Leader = Guid.Parse("00000000-0000-0000-0000-0000000000a3");
    private static readonly DateTime OpenedAt = new(2025, 10, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime DoneAt = new(2025, 10, 3, 7, 0, 0, DateTimeKind.Utc);

    private static SupervisionTask Open() =>
        SupervisionTask.Open(SupervisionTaskKind.ReminderTalk, "problem", CaseId, UnitId, Role.Leadership, new DateOnly(2025, 9, 30), OpenedAt);

    [Test]
    public void Open_IsOpenForTheAssignee()
    {
        var task = Open();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(task.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(task.Kind, Is.EqualTo(SupervisionTaskKind.ReminderTalk));
            Assert.That(task.Lifecycle, Is.EqualTo("problem"));
            Assert.That(task.CaseId, Is.EqualTo(CaseId));
            Assert.That(task.UnitId, Is.EqualTo(UnitId));
            Assert.That(task.AssigneeRole, Is.EqualTo(Role.Leadership));
            Assert.That(task.DueDate, Is.EqualTo(new DateOnly(2025, 9, 30)));
            Assert.That(task.OpenedAt, Is.EqualTo(OpenedAt));
            Assert.That(task.Status, Is.EqualTo(SupervisionTaskStatus.Open));
            Assert.That(task.CompletedAt, Is.Null);
        }
    }

    [Test]
    public void Complete_KeepsTheRecordOfTheTalk()
    {
        var task = Open();

        var refusal = task.Complete(Leader, "Talked with the director about the delay", DoneAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null);
            Assert.That(task.Status, Is.EqualTo(SupervisionTaskStatus.Done));
            Assert.That(task.CompletedAt, Is.EqualTo(DoneAt));
            Assert.That(task.CompletedBy, Is.EqualTo(Leader));
            Assert.That(task.Record, Is.EqualTo("Talked with the director about the delay"));
        }
    }

    [Test]
    public void Complete_ASecondTime_IsAConflictAndKeepsTheFirstRecord()
    {
        var task = Open();
        task.Complete(Leader, "first talk", DoneAt);

        var refusal = task.Complete(Guid.NewGuid(), "second talk", DoneAt.AddDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal!.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(refusal.Code, Is.EqualTo("task.already-done"));
            Assert.That(refusal.Args["task"], Is.EqualTo(task.Id));
            Assert.That(task.Record, Is.EqualTo("first talk"));
            Assert.That(task.CompletedBy, Is.EqualTo(Leader));
            Assert.That(task.CompletedAt, Is.EqualTo(DoneAt));
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Take_RecordsTheStepForTheCaseAndDueDate(bool skipped)
    {
        var record = ReminderStepRecord.Take("plan", CaseId, UnitId, "remind-3-days-before", new DateOnly(2025, 4, 2), OpenedAt, skipped);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(record.Lifecycle, Is.EqualTo("plan"));
            Assert.That(record.CaseId, Is.EqualTo(CaseId));
            Assert.That(record.UnitId, Is.EqualTo(UnitId));
            Assert.That(record.Step, Is.EqualTo("remind-3-days-before"));
            Assert.That(record.DueDate, Is.EqualTo(new DateOnly(2025, 4, 2)));
            Assert.That(record.TakenAt, Is.EqualTo(OpenedAt));
            Assert.That(record.Skipped, Is.EqualTo(skipped));
        }
    }
}
