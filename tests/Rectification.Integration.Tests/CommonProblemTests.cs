using Microsoft.EntityFrameworkCore;
using Rectification.Application.CommonProblems;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>未巡先改: a common problem pushed as self-check tasks; each unit answers "not present" or opens its own problem.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class CommonProblemTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Push_ToAnExplicitList_EachUnitAnswers_AndTheProgressCountsTheAnswers()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];

        var push = Ok(await Host.Send<PushProgressDto>("office", new PushCommonProblem(problem.Id, [Org.Township.Id, Org.Hospital.Id], null, null, "对号入座")));
        var township = Ok(await Host.Send<IReadOnlyList<SelfCheckDto>>("t1-liaison", new ListSelfChecks())).Single(t => t.Id == push.Rows.Single(r => r.UnitId == Org.Township.Id).TaskId);
        var hospital = Ok(await Host.Send<IReadOnlyList<SelfCheckDto>>("h1-leader", new ListSelfChecks())).Single(t => t.Id == push.Rows.Single(r => r.UnitId == Org.Hospital.Id).TaskId);
        var notified = await Host.Query(db => db.Outbox.Where(m => m.CaseId == township.Id && m.Event == "Pushed").Select(m => m.RecipientEmail).ToListAsync());
        var halfway = Ok(await Host.Send<PushProgressDto>("office", new GetCommonProblemPush(push.Id)));
        Ok(await Host.Send<SelfCheckDto>("t1-liaison", new AnswerSelfCheckNotPresent(township.Id, "经自查，本单位不存在该问题")));
        var opened = Ok(await Host.Send<SelfCheckDto>("h1-leader", new OpenSelfCheckProblem(hospital.Id, "本单位同样存在一岗双责落实不到位", "自查会议记录8份", Severity.General)));
        var progress = Ok(await Host.Send<PushProgressDto>("office", new GetCommonProblemPush(push.Id)));
        var ownView = Ok(await Host.Send<PushProgressDto>("b1-leader", new GetCommonProblemPush(push.Id)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(push.Units, Is.EqualTo(2));
            Assert.That(push.Pending, Is.EqualTo(2));
            Assert.That(township.Title, Is.EqualTo(problem.Title));
            Assert.That(township.DueDate, Is.GreaterThan(Host.Clock.Today));
            Assert.That(notified, Is.EquivalentTo(new[] { "t1-leader@test.local", "t1-liaison@test.local" }));
            Assert.That((halfway.Pending, halfway.NotPresent, halfway.Opened), Is.EqualTo((2, 0, 0)));
            Assert.That((progress.Pending, progress.NotPresent, progress.Opened), Is.EqualTo((0, 1, 1)));
            Assert.That(progress.Rows.Single(r => r.UnitId == Org.Township.Id).Statement, Is.EqualTo("经自查，本单位不存在该问题"));
            Assert.That(progress.Rows.Single(r => r.UnitId == Org.Hospital.Id).OpenedProblemId, Is.EqualTo(opened.OpenedProblemId));
            Assert.That(progress.Rows.Single(r => r.UnitId == Org.Hospital.Id).OpenedProblemState, Is.EqualTo(ProblemStates.FedBack));
            Assert.That(ownView.Rows, Is.Empty, "the source unit sees the push, not the answers of units outside its scope");
        }
    }

    [Test]
    public async Task OpenedProblem_RunsTheNormalLifecycle()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var push = Ok(await Host.Send<PushProgressDto>("office", new PushCommonProblem(problem.Id, [Org.Hospital.Id], null, null, null)));
        var opened = Ok(await Host.Send<SelfCheckDto>("h1-liaison", new OpenSelfCheckProblem(push.Rows.Single().TaskId, "同样存在", "自查记录", Severity.General)));
        var own = Ok(await Host.Send<ProblemDetail>("h1-liaison", new GetProblem(opened.OpenedProblemId!.Value)));
        var plan = Ok(await Host.Send<PlanDto>("h1-liaison", new GetPlanOfInspection(own.Summary.InspectionId)));

        Ok(await Host.Send<PlanDto>("h1-liaison", new EditLedgerLine(plan.Id, own.Summary.Id, "对照整改", "赵院长", "院办", RectificationKind.Immediate, Host.Clock.Today.AddDays(20))));
        Ok(await Host.Send<PlanDto>("h1-liaison", new SubmitPlan(plan.Id)));
        Ok(await Host.Send<PlanDto>("discipline", new AcceptPlan(plan.Id, "同意")));
        var rectifying = Ok(await Host.Send<ProblemDetail>("h1-liaison", new GetProblem(own.Summary.Id)));
        var inspection = await Host.Query(db => db.Inspections.SingleAsync(i => i.Id == own.Summary.InspectionId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(own.Summary.UnitId, Is.EqualTo(Org.Hospital.Id));
            Assert.That(own.Summary.State, Is.EqualTo(ProblemStates.FedBack));
            Assert.That(inspection.Kind, Is.EqualTo(Domain.Inspections.InspectionKind.SelfCheck));
            Assert.That(rectifying.Summary.State, Is.EqualTo(ProblemStates.Rectifying));
        }
    }

    [Test]
    public async Task Push_BelowAUnit_OfALevel_ReachesTheUnitsOfThatLevelThere()
    {
        var problem = (await InRectification(Org.Hospital)).Problems[0];

        var bureaus = Ok(await Host.Send<PushProgressDto>("office", new PushCommonProblem(problem.Id, null, Org.District1.Id, UnitLevel.Bureau, null)));
        var other = (await InRectification(Org.Township)).Problems[0];
        var all = Ok(await Host.Send<PushProgressDto>("office", new PushCommonProblem(other.Id, null, Org.District1.Id, null, null)));

        Assert.That(bureaus.Rows.Select(r => r.UnitId), Is.EqualTo(new[] { Org.Bureau.Id }));
        Assert.That(all.Rows.Select(r => r.UnitId), Is.EquivalentTo(new[] { Org.District1.Id, Org.Bureau.Id }), "the problem's own unit is left out");
    }

    [Test]
    public async Task Push_IsRefused_ForTheWrongRoleOutOfScopeUnitsNoUnitsAndASecondPush()
    {
        var problem = (await InRectification(Org.Hospital)).Problems[0];

        var wrongRole = await Host.Send<PushProgressDto>("h1-leader", new PushCommonProblem(problem.Id, [Org.Township.Id], null, null, null));
        var outOfScopeProblem = await Host.Send<PushProgressDto>("d2-office", new PushCommonProblem((await InRectification(Org.Bureau)).Problems[0].Id, [Org.Hospital.Id], null, null, null));
        var outOfScopeUnit = await Host.Send<PushProgressDto>("d2-office", new PushCommonProblem(problem.Id, [Org.Township.Id], null, null, null));
        var noUnits = await Host.Send<PushProgressDto>("office", new PushCommonProblem(problem.Id, [Org.Hospital.Id], null, null, null));
        Ok(await Host.Send<PushProgressDto>("d2-office", new PushCommonProblem(problem.Id, [Org.Unstaffed.Id], null, null, null)));
        var second = await Host.Send<PushProgressDto>("office", new PushCommonProblem(problem.Id, [Org.Township.Id], null, null, null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrongRole.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
            Assert.That(outOfScopeProblem.Error?.Code, Is.EqualTo("not-found"));
            Assert.That(outOfScopeUnit.Error?.Code, Is.EqualTo("not-found"), "a unit outside the pusher's scope answers like a missing one");
            Assert.That(noUnits.Error?.Code, Is.EqualTo("common-problem.no-units"));
            Assert.That(second.Error?.Code, Is.EqualTo("common-problem.already-pushed"));
        }
    }

    [Test]
    public async Task Answer_IsRefused_ForAnotherUnitTheWrongRoleAndASecondAnswer()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var push = Ok(await Host.Send<PushProgressDto>("office", new PushCommonProblem(problem.Id, [Org.Township.Id], null, null, null)));
        var task = push.Rows.Single().TaskId;

        var otherUnit = await Host.Send<SelfCheckDto>("h1-liaison", new AnswerSelfCheckNotPresent(task, "不存在"));
        var wrongRole = await Host.Send<SelfCheckDto>("discipline", new AnswerSelfCheckNotPresent(task, "不存在"));
        var noStatement = await Host.Send<SelfCheckDto>("t1-liaison", new AnswerSelfCheckNotPresent(task, " "));
        Ok(await Host.Send<SelfCheckDto>("t1-liaison", new AnswerSelfCheckNotPresent(task, "经自查不存在")));
        var second = await Host.Send<SelfCheckDto>("t1-leader", new OpenSelfCheckProblem(task, "存在", "记录", Severity.General));
        var problems = await Host.Query(db => db.Problems.CountAsync(p => p.UnitId == Org.Township.Id && p.Title == problem.Title));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(otherUnit.Error?.Code, Is.EqualTo("not-found"));
            Assert.That(wrongRole.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
            Assert.That(noStatement.Error?.Code, Is.EqualTo("validation.failed"));
            Assert.That(second.Error?.Code, Is.EqualTo("self-check.already-answered"));
            Assert.That(problems, Is.Zero, "a refused answer opens nothing");
        }
    }

    [Test]
    public async Task Ladder_WhenATaskIsNotAnswered_RemindsTheLiaisonThenEscalates_AndALateAnswerIsMarkedLate()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var push = Ok(await Host.Send<PushProgressDto>("office", new PushCommonProblem(problem.Id, [Org.Township.Id], null, null, null)));
        var task = push.Rows.Single();

        await SweepOn(task.DueDate.AddDays(-6));
        var early = await Reminders(task.TaskId);
        await SweepOn(task.DueDate.AddDays(-5));
        var dueSoon = await Reminders(task.TaskId);
        await SweepOn(task.DueDate.AddDays(3));
        var overdue = await Reminders(task.TaskId);
        var progress = Ok(await Host.Send<PushProgressDto>("office", new GetCommonProblemPush(push.Id)));
        var late = Ok(await Host.Send<SelfCheckDto>("t1-leader", new AnswerSelfCheckNotPresent(task.TaskId, "经自查不存在")));
        await SweepOn(task.DueDate.AddDays(20));
        var afterwards = await Reminders(task.TaskId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(early, Is.Empty);
            Assert.That(dueSoon.Select(m => (m.Event, m.RecipientEmail)), Is.EqualTo(new[] { ("due-in-5-days", "t1-liaison@test.local") }));
            Assert.That(overdue.Where(m => m.Event == "overdue-3-days").Select(m => (m.RecipientEmail, m.IsCopy)),
                Is.EquivalentTo(new[] { ("t1-leader@test.local", false), ("office@test.local", true) }));
            Assert.That(progress.Overdue, Is.EqualTo(1));
            Assert.That(late.Late, Is.True);
            Assert.That(afterwards, Has.Count.EqualTo(overdue.Count));
        }
    }

    private Task<List<Domain.Auditing.OutboxMessage>> Reminders(Guid taskId) =>
        Host.Query(db => db.Outbox.Where(m => m.CaseId == taskId && m.Event != "Pushed").OrderBy(m => m.CreatedAt).ThenBy(m => m.RecipientEmail).ToListAsync());
}
