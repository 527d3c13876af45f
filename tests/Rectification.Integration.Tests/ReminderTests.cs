using Rectification.Application.Clues;
using Rectification.Domain.Clues;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Domain.Auditing;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>The ladder in workflows/reminders.yaml, driven by a moving clock: who is told what, when, and only once.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ReminderTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Ladder_WhenATimeLimitedProblemPassesItsReminderPoints_TellsTheRightPeopleAtTheRightTimes()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var due = problem.Deadline!.Value;

        await SweepOn(due.AddDays(-8));
        var beforeAnyStep = await Messages(problem.Id);
        var lightBefore = await Light(problem.Id);
        await SweepOn(due.AddDays(-7));
        var dueSoon = await Messages(problem.Id);
        var lightNear = await Light(problem.Id);
        await SweepOn(due.AddDays(-6));
        var noRepeat = await Messages(problem.Id);
        await SweepOn(due);
        await SweepOn(due.AddDays(3));
        var overdue = await Ledger(problem.Id);
        await SweepOn(due.AddDays(10));
        var all = await Messages(problem.Id);
        var tasks = Ok(await Host.Send<IReadOnlyList<TaskDto>>("office", new ListTasks(SupervisionTaskStatus.Open)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeAnyStep, Is.Empty);
            Assert.That(lightBefore, Is.EqualTo(TrafficLight.Green));
            Assert.That(dueSoon.Select(m => (m.Event, m.RecipientEmail)), Is.EqualTo(new[] { ("due-in-7-days", "b1-liaison@test.local") }));
            Assert.That(lightNear, Is.EqualTo(TrafficLight.Yellow));
            Assert.That(noRepeat, Has.Count.EqualTo(1), "a step is taken once");
            Assert.That(all.Where(m => m.Event == "due-today").Select(m => m.RecipientEmail), Is.EquivalentTo(new[] { "b1-liaison@test.local", "b1-leader@test.local" }));
            Assert.That(all.Where(m => m.Event == "overdue-3-days").Select(m => m.RecipientEmail),
                Is.EquivalentTo(new[] { "b1-leader@test.local", "discipline@test.local", "d1-discipline@test.local" }));
            Assert.That(all.Where(m => m.Event == "reminder-talk" && m.IsCopy).Select(m => m.RecipientEmail), Is.EqualTo(new[] { "office@test.local" }));
            Assert.That(all.Where(m => m.Event == "reminder-talk").Select(m => m.Template).Distinct(), Is.EqualTo(new[] { "reminder-talk" }));
            Assert.That(overdue.Light, Is.EqualTo(TrafficLight.Red));
            Assert.That(overdue.DaysOverdue, Is.EqualTo(3));
            Assert.That(overdue.EscalationStep, Is.EqualTo("overdue-3-days"));
            Assert.That(tasks.Where(t => t.CaseId == problem.Id).Select(t => (t.Kind, t.AssigneeRole)),
                Is.EqualTo(new[] { (SupervisionTaskKind.ReminderTalk, Domain.Organization.Role.UnitLeader) }));
        }
    }

    [Test]
    public async Task ClueSheet_WhenPastItsColoursLimit_IsEscalatedAbove_AndAConcludedSheetIsNotChased()
    {
        var inspection = await NewInspection(Org.Bureau);
        var late = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映该单位违规发放津补贴", SheetColour.Red)));
        var done = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映该单位公车私用", SheetColour.Red)));
        Ok(await Host.Send<ClueDto>("discipline", new AcceptClue(done.Id)));
        Ok(await Host.Send<ClueDto>("discipline", new StartInvestigation(done.Id)));
        Ok(await Host.Send<ClueDto>("discipline", new ConcludeClue(done.Id, "查无实据，予以了结", 0, 0, 0, 0m)));

        await SweepOn(late.DueDate);
        var onTheDay = (await Messages(late.Id)).Where(m => m.Event.StartsWith("due-", StringComparison.Ordinal) || m.Event.StartsWith("overdue-", StringComparison.Ordinal)).ToList();
        await SweepOn(late.DueDate.AddDays(1));
        var overdue = (await Messages(late.Id)).Where(m => m.Event == "overdue-1-day").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(onTheDay.Select(m => m.Event).Distinct(), Is.EqualTo(new[] { "due-in-2-days" }), "reminded before its limit, not yet escalated");
            Assert.That(overdue.Where(m => !m.IsCopy).Select(m => m.RecipientEmail), Is.EquivalentTo(new[] { "discipline@test.local", "d1-discipline@test.local" }));
            Assert.That(overdue.Where(m => m.IsCopy).Select(m => m.RecipientEmail), Is.EquivalentTo(new[] { "office@test.local" }));
            Assert.That(await Messages(done.Id), Has.None.Matches<OutboxMessage>(m => m.Event is "due-in-2-days" or "overdue-1-day"));
        }
    }

    [Test]
    public async Task Step_WhenTheProblemClosedBeforeItFellDue_IsNeverTaken()
    {
        var problem = (await InRectification(Org.Township)).Problems[0];
        await Close(problem, "t1");

        await SweepOn(problem.Deadline!.Value.AddDays(30));

        Assert.That(await Messages(problem.Id), Is.Empty);
        Assert.That(await Host.Query(db => db.ReminderSteps.CountAsync(r => r.CaseId == problem.Id)), Is.Zero);
    }

    [Test]
    public async Task Sweep_WhenTheSchedulerWasDownPastSeveralSteps_CatchesUpWithOneMessageSetPerStepAndSkipsStaleReminders()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];

        await SweepOn(problem.Deadline!.Value.AddDays(20));
        await SweepOn(problem.Deadline!.Value.AddDays(21));

        var steps = await Host.Query(db => db.ReminderSteps.Where(r => r.CaseId == problem.Id).ToListAsync());
        var messages = await Messages(problem.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps.Where(s => !s.Skipped).Select(s => s.Step), Is.EquivalentTo(new[] { "due-today", "overdue-3-days", "reminder-talk" }));
            Assert.That(steps.Where(s => s.Skipped).Select(s => s.Step), Is.EqualTo(new[] { "due-in-7-days" }), "a 'due soon' reminder is pointless once overdue");
            Assert.That(messages.GroupBy(m => (m.Event, m.RecipientUserId)).All(g => g.Count() == 1), Is.True, "one message per step and recipient");
            Assert.That(messages.Select(m => m.Event).Distinct(), Is.EquivalentTo(new[] { "due-today", "overdue-3-days", "reminder-talk" }));
        }
    }

    [Test]
    public async Task Extension_WhenApproved_MovesTheDeadlineAndTheLadderStartsAgainFromTheNewDate()
    {
        var problem = (await InRectification(Org.Hospital)).Problems[0];
        var oldDue = problem.Deadline!.Value;
        var newDue = oldDue.AddDays(30);
        var request = Ok(await Host.Send<ExtensionDto>("h1-liaison", new RequestDeadlineExtension(TargetKind.Problem, problem.Id, newDue, "需协调财政资金")));
        var decided = Ok(await Host.Send<ExtensionDto>("discipline", new DecideDeadlineExtension(request.Id, true, "同意延期")));

        await SweepOn(oldDue.AddDays(5));
        var afterOldDate = await Messages(problem.Id);
        await SweepOn(newDue);
        var atNewDate = await Messages(problem.Id);
        var audit = await Host.Query(db => db.AuditEntries.Where(a => a.EntityId == problem.Id && a.Command == nameof(DecideDeadlineExtension)).ToListAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decided.Status, Is.EqualTo(ExtensionStatus.Approved));
            Assert.That(decided.OldDeadline, Is.EqualTo(oldDue));
            Assert.That(afterOldDate, Is.Empty, "nothing is due for the old date any more");
            Assert.That(atNewDate.Where(m => m.Event == "due-today"), Is.Not.Empty);
            Assert.That(audit, Has.Count.EqualTo(1), "the moved deadline is audited on the problem");
            Assert.That(audit[0].After, Does.Contain(newDue.ToString("yyyy-MM-dd")));
        }
    }

    [Test]
    public async Task ReopenedProblem_WhenItsOldDeadlineIsLongPast_DoesNotFireStaleOverdueSteps()
    {
        var problem = (await InRectification(Org.Township)).Problems[0];
        await Close(problem, "t1");
        Host.Clock.Advance(TimeSpan.FromDays(200));
        var newDeadline = Host.Clock.Today.AddDays(30);
        Ok(await Host.Send<ProblemSummary>("office", new ReopenProblem(problem.Id, "回头看发现问题反弹", newDeadline)));

        await SweepOn(Host.Clock.Today);
        var atReopen = await Messages(problem.Id);
        await SweepOn(newDeadline.AddDays(-7));
        await SweepOn(newDeadline.AddDays(3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atReopen, Is.Empty);
            Assert.That((await Messages(problem.Id)).Select(m => m.Event).Distinct(), Is.EquivalentTo(new[] { "due-in-7-days", "due-today", "overdue-3-days" }));
        }
    }

    [Test]
    public async Task Reminder_WhenTheLeaderNamedADeputy_GoesToTheDeputyForThatPeriod()
    {
        var problem = (await InRectification(Org.Hospital)).Problems[0];
        var due = problem.Deadline!.Value;
        var liaisonId = await Host.Query(db => db.Users.Where(u => u.UserName == "h1-liaison").Select(u => u.Id).SingleAsync());
        Ok(await Host.Send<DelegationDto>("h1-leader", new NameDeputy(liaisonId, due.AddDays(-1), due.AddDays(1), "外出学习")));

        await SweepOn(due);

        Assert.That((await Messages(problem.Id)).Where(m => m.Event == "due-today").Select(m => m.RecipientEmail), Is.EqualTo(new[] { "h1-liaison@test.local" }));
    }

    [Test]
    public async Task LongTermProblem_WhenItReportsProgress_IsChasedForItsNextPeriodicReport()
    {
        var started = Host.Clock.Today;
        var problem = await LongTermProblem();
        var reportEvery = 90;

        Ok(await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problem.Id, "第一季度进展", 20, "制度修订", [Evidence()])));
        var afterReport = Ok(await Host.Send<ProblemDetail>("b1-liaison", new GetProblem(problem.Id))).Summary;

        Assert.That(afterReport.ReminderDue, Is.EqualTo(started.AddDays(reportEvery)));
        Assert.That(afterReport.Deadline, Is.GreaterThan(afterReport.ReminderDue));
    }

    [Test]
    public async Task Sweep_WhenTheProcessDiesMidwayAndRestarts_LosesNoStepAndRepeatsNone()
    {
        var (_, _, problems) = await InRectification(Org.Township, count: 4);
        var due = problems[0].Deadline!.Value;
        Host.Clock.Advance(TimeSpan.FromDays(due.DayNumber - Host.Clock.Today.DayNumber));
        Host.Faults.FailAfter(2);

        Assert.That(async () => await Host.Sweep(batchSize: 1), Throws.InstanceOf<IOException>());
        var afterCrash = await Host.Query(db => db.ReminderSteps.CountAsync(r => problems.Select(p => p.Id).Contains(r.CaseId)));
        await Host.Sweep(batchSize: 1);

        var ids = problems.Select(p => p.Id).ToList();
        var steps = await Host.Query(db => db.ReminderSteps.Where(r => ids.Contains(r.CaseId)).ToListAsync());
        var messages = await Host.Query(db => db.Outbox.Where(m => ids.Contains(m.CaseId) && m.Event == "due-today").ToListAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterCrash, Is.InRange(1, 7), "the batches before the crash were committed");
            Assert.That(steps.Count(s => s.Step == "due-today"), Is.EqualTo(4));
            Assert.That(steps.Count(s => s.Step == "due-in-7-days"), Is.EqualTo(4));
            Assert.That(messages, Has.Count.EqualTo(8), "liaison and leader of each of the four problems, once");
        }
    }

    private async Task<ProblemSummary> LongTermProblem()
    {
        var inspection = await NewInspection(Org.Bureau);
        var problem = await NewProblem(inspection);
        var feedback = Ok(await Host.Send<Application.Inspections.FeedbackDto>("office", new Application.Inspections.FeedBackInspection(inspection.Id)));
        Ok(await Host.Send<Application.Plans.PlanDto>("b1-liaison", new Application.Plans.EditLedgerLine(feedback.PlanId, problem.Id, "长期坚持，按季度报告",
            "王书记", "党建办", RectificationKind.LongTerm, Host.Clock.Today.AddDays(700))));
        Ok(await Host.Send<Application.Plans.PlanDto>("b1-liaison", new Application.Plans.SubmitPlan(feedback.PlanId)));
        Ok(await Host.Send<Application.Plans.PlanDto>("organization", new Application.Plans.AcceptPlan(feedback.PlanId, null)));
        return problem;
    }

    private async Task Close(ProblemSummary problem, string unit)
    {
        Ok(await Host.Send<ProblemSummary>($"{unit}-liaison", new ReportProgress(problem.Id, "已完成", 100, null, [Evidence()])));
        Ok(await Host.Send<ProblemSummary>($"{unit}-liaison", new SubmitForReview(problem.Id)));
        foreach (var party in new[] { $"{unit}-leader", "discipline", "organization" })
        {
            Ok(await Host.Send<ProblemSummary>(party, new SignOffProblem(problem.Id, true, null)));
        }

        Ok(await Host.Send<ProblemSummary>("office", new CloseProblem(problem.Id)));
    }

    private Task<List<OutboxMessage>> Messages(Guid caseId) =>
        Host.Query(db => db.Outbox.Where(m => m.CaseId == caseId && m.Event != "FeedBack" && m.Event != "Close" && m.Event != "Reopen").OrderBy(m => m.CreatedAt).ToListAsync());

    private async Task<ProblemSummary> Ledger(Guid problemId) =>
        Ok(await Host.Send<Page<ProblemSummary>>("office", new ListProblems(PageSize: 500))).Items.Single(p => p.Id == problemId);

    private async Task<TrafficLight> Light(Guid problemId) => (await Ledger(problemId)).Light;
}
