using Rectification.Domain.Common;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Tests.CommonProblems;

/// <summary>未巡先改: a common problem pushed to units, each answering "not present" or opening its own problem, once.</summary>
[TestFixture]
public sealed class SelfCheckTaskTests
{
    private static readonly Guid PushId = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid UnitId = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid Liaison = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid OwnProblem = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly DateOnly Due = new(2025, 6, 13);
    private static readonly DateTime OnTime = new(2025, 6, 10, 2, 0, 0, DateTimeKind.Utc);

    private static SelfCheckTask Open() => SelfCheckTask.Open(PushId, UnitId, Due);

    [Test]
    public void Push_RecordsTheProblemItCameFromAndWhoPushedIt()
    {
        var problemId = Guid.Parse("00000000-0000-0000-0000-0000000000f9");
        var roundId = Guid.Parse("00000000-0000-0000-0000-0000000000e9");
        var officer = Guid.Parse("00000000-0000-0000-0000-0000000000a9");

        var push = CommonProblemPush.Push(problemId, UnitId, roundId, "Canteen accounts off the books", "Found in three units", "Finance",
            "Check your canteen", officer, Role.InspectionOffice, Due, OnTime);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(push.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(push.ProblemId, Is.EqualTo(problemId));
            Assert.That(push.UnitId, Is.EqualTo(UnitId));
            Assert.That(push.RoundId, Is.EqualTo(roundId));
            Assert.That(push.Title, Is.EqualTo("Canteen accounts off the books"));
            Assert.That(push.Description, Is.EqualTo("Found in three units"));
            Assert.That(push.Category, Is.EqualTo("Finance"));
            Assert.That(push.Note, Is.EqualTo("Check your canteen"));
            Assert.That(push.PushedBy, Is.EqualTo(officer));
            Assert.That(push.PushedByRole, Is.EqualTo(Role.InspectionOffice));
            Assert.That(push.PushedAt, Is.EqualTo(OnTime));
            Assert.That(push.DueDate, Is.EqualTo(Due));
        }
    }

    [Test]
    public void Open_IsPendingUntilAnswered()
    {
        var task = Open();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(task.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(task.PushId, Is.EqualTo(PushId));
            Assert.That(task.UnitId, Is.EqualTo(UnitId));
            Assert.That(task.DueDate, Is.EqualTo(Due));
            Assert.That(task.State, Is.EqualTo("Pending"));
            Assert.That(task.CheckNotAnswered(), Is.Null);
            Assert.That(task.Late, Is.False);
        }
    }

    [Test]
    public void AnswerNotPresent_KeepsTheStatementAndWhoAnswered()
    {
        var task = Open();

        var refusal = task.AnswerNotPresent(Liaison, "Zhang San", "Our canteen has no off-book accounts", OnTime);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null);
            Assert.That(task.State, Is.EqualTo("NotPresent"));
            Assert.That(task.AnsweredAt, Is.EqualTo(OnTime));
            Assert.That(task.AnsweredBy, Is.EqualTo(Liaison));
            Assert.That(task.AnsweredByName, Is.EqualTo("Zhang San"));
            Assert.That(task.Statement, Is.EqualTo("Our canteen has no off-book accounts"));
            Assert.That(task.OpenedProblemId, Is.Null);
            Assert.That(task.Late, Is.False);
        }
    }

    [Test]
    public void AnswerOpened_LinksTheUnitsOwnProblem()
    {
        var task = Open();

        var refusal = task.AnswerOpened(Liaison, "Zhang San", OwnProblem, OnTime);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null);
            Assert.That(task.State, Is.EqualTo("Opened"));
            Assert.That(task.OpenedProblemId, Is.EqualTo(OwnProblem));
            Assert.That(task.Statement, Is.Null);
            Assert.That(task.AnsweredBy, Is.EqualTo(Liaison));
        }
    }

    // The due day is a Beijing day: 16:00 UTC on it is already midnight of the next day there.
    [TestCase("2025-06-13T15:59:00Z", false)]
    [TestCase("2025-06-13T16:00:00Z", true)]
    public void Answer_AfterTheDueDayInTheOffice_IsLate(string utc, bool late)
    {
        var task = Open();
        var at = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.That(task.AnswerNotPresent(Liaison, "Zhang San", "not present", at), Is.Null, "a late answer is still recorded");
        Assert.That(task.Late, Is.EqualTo(late));
    }

    [Test]
    public void Answer_ASecondTime_IsAConflictAndChangesNothing()
    {
        var task = Open();
        task.AnswerNotPresent(Liaison, "Zhang San", "not present", OnTime);

        var refusal = task.AnswerOpened(Guid.NewGuid(), "Li Si", OwnProblem, OnTime.AddDays(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal!.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(refusal.Code, Is.EqualTo("self-check.already-answered"));
            Assert.That(refusal.Args["answer"], Is.EqualTo("NotPresent"));
            Assert.That(refusal.Args["at"], Is.EqualTo(OnTime));
            Assert.That(task.CheckNotAnswered()?.Code, Is.EqualTo("self-check.already-answered"));
            Assert.That(task.State, Is.EqualTo("NotPresent"));
            Assert.That(task.OpenedProblemId, Is.Null);
            Assert.That(task.AnsweredByName, Is.EqualTo("Zhang San"));
            Assert.That(task.Late, Is.False);
        }
    }

    [Test]
    public void States_ArePendingNotPresentAndOpened()
    {
        Assert.That(SelfCheckStates.All, Is.EqualTo(new[] { "Pending", "NotPresent", "Opened" }));
    }
}
