using Microsoft.EntityFrameworkCore;
using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Domain.Auditing;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class CommandPipelineTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Command_WhenActorIsOutsideTheUnitScope_AnswersNotFoundAndChangesNothing()
    {
        var (_, _, problems) = await InRectification(Org.Bureau);
        var problem = problems[0];

        var foreign = await Host.Send<ProblemSummary>("h1-liaison", new ReportProgress(problem.Id, "越权上报", 50, null, [Evidence()]));
        var own = await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problem.Id, "已完成制度修订", 50, null, [Evidence()]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(foreign.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
            Assert.That(own.IsSuccess, Is.True);
            Assert.That(await Host.Query(db => db.Problems.Where(p => p.Id == problem.Id).SelectMany(p => p.Progress).CountAsync()), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Query_WhenUserBelongsToOneUnit_ListsOnlyThatUnitsProblems()
    {
        await InRectification(Org.Bureau);
        await InRectification(Org.Hospital);

        var bureauView = Ok(await Host.Send<Page<ProblemSummary>>("b1-liaison", new ListProblems(PageSize: 500)));
        var districtView = Ok(await Host.Send<Page<ProblemSummary>>("d1-discipline", new ListProblems(PageSize: 500)));
        var cityView = Ok(await Host.Send<Page<ProblemSummary>>("office", new ListProblems(PageSize: 500)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bureauView.Items.Select(p => p.UnitId).Distinct(), Is.EqualTo(new[] { Org.Bureau.Id }));
            Assert.That(districtView.Items.Select(p => p.UnitId), Has.None.EqualTo(Org.Hospital.Id));
            Assert.That(cityView.Items.Select(p => p.UnitId), Does.Contain(Org.Hospital.Id).And.Contain(Org.Bureau.Id));
        }
    }

    [Test]
    public async Task Command_WhenRoleIsNotAllowed_IsForbiddenBeforeAnythingIsLoaded()
    {
        var inspection = await NewInspection(Org.Bureau);

        var result = await Host.Send<ProblemSummary>("b1-liaison", new RegisterProblem(inspection.Id, "自己登记问题", "d", "c", Severity.General, "f", "b", ""));

        Assert.That(result.Error, Is.Not.Null);
        Assert.That(result.Error!.Code, Is.EqualTo("authorization.role-not-allowed"));
    }

    [Test]
    public async Task Trigger_WhenNotAllowedInCurrentState_NamesStateAndAllowedTriggersAndChangesNothing()
    {
        var (_, _, problems) = await InRectification(Org.Bureau);
        var auditBefore = await Host.Query(db => db.AuditEntries.CountAsync());

        var result = await Host.Send<ProblemSummary>("office", new CloseProblem(problems[0].Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.TransitionNotAllowed));
            Assert.That(Error.Plain(result.Error?.Args["state"]), Is.EqualTo(ProblemStates.Rectifying));
            Assert.That((string[])Error.Plain(result.Error!.Args["allowed"])!, Does.Contain("ReportProgress").And.Contain("SubmitForReview"));
            Assert.That(await Host.Query(db => db.AuditEntries.CountAsync()), Is.EqualTo(auditBefore));
            Assert.That(await Host.Query(db => db.Problems.Where(p => p.Id == problems[0].Id).Select(p => p.State).SingleAsync()), Is.EqualTo(ProblemStates.Rectifying));
        }
    }

    [Test]
    public async Task Command_WhenExpectedVersionIsStale_IsAConflict()
    {
        var (_, _, problems) = await InRectification(Org.Bureau);
        var seen = problems[0].Version;
        Ok(await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problems[0].Id, "第一次进展", 30, null, [Evidence()], seen)));

        var stale = await Host.Send<ProblemSummary>("b1-leader", new ReportProgress(problems[0].Id, "基于旧版本的进展", 40, null, [Evidence()], seen));

        Assert.That(stale.Error?.Code, Is.EqualTo("concurrency.stale-version"));
        Assert.That(await Host.Query(db => db.Problems.Where(p => p.Id == problems[0].Id).SelectMany(p => p.Progress).CountAsync()), Is.EqualTo(1));
    }

    // Races many times over on purpose: about 20 s on the 2-core CI machine.
    [TimeLimit(300)]
    [Test]
    public async Task TwoActions_WhenRacingOnOneProblem_OneSucceedsAndTheOtherGetsAConflict()
    {
        var (_, _, problems) = await InRectification(Org.Bureau);
        Host.Faults.HoldUntil(2);
        try
        {
            var results = await Task.WhenAll(
                Task.Run(() => Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problems[0].Id, "联络员上报", 30, null, [Evidence()]))),
                Task.Run(() => Host.Send<ProblemSummary>("b1-leader", new ReportProgress(problems[0].Id, "领导上报", 40, null, [Evidence()]))));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(results.Count(r => r.IsSuccess), Is.EqualTo(1));
                Assert.That(results.Single(r => !r.IsSuccess).Error!.Code, Is.EqualTo("concurrency.conflict"));
                Assert.That(await Host.Query(db => db.Problems.Where(p => p.Id == problems[0].Id).SelectMany(p => p.Progress).CountAsync()), Is.EqualTo(1));
            }
        }
        finally
        {
            Host.Faults.Release();
        }
    }

    [Test]
    public async Task Feedback_WhenARequiredRecipientIsMissing_FailsAndWritesNoChangeNoAuditNoOutbox()
    {
        var inspection = await NewInspection(Org.Unstaffed);
        var problem = await NewProblem(inspection);
        var (audit, outbox) = await Counts();

        var result = await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("notification.no-recipient"));
            Assert.That(result.Error?.Args["role"], Is.EqualTo("UnitLeader"));
            Assert.That(await Host.Query(db => db.Problems.Where(p => p.Id == problem.Id).Select(p => p.State).SingleAsync()), Is.EqualTo(ProblemStates.Registered));
            Assert.That(await Host.Query(db => db.Plans.CountAsync(p => p.InspectionId == inspection.Id)), Is.Zero);
            Assert.That(await Counts(), Is.EqualTo((audit, outbox)));
        }
    }

    [Test]
    public async Task Command_WhenTheDatabaseFailsDuringTheSave_LeavesNeitherChangeNorAuditNorOutbox()
    {
        var inspection = await NewInspection(Org.Bureau);
        var problem = await NewProblem(inspection);
        var (audit, outbox) = await Counts();
        Host.Faults.FailNextSave = true;

        Assert.That(async () => await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)), Throws.InstanceOf<IOException>());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Host.Query(db => db.Problems.Where(p => p.Id == problem.Id).Select(p => p.State).SingleAsync()), Is.EqualTo(ProblemStates.Registered));
            Assert.That(await Counts(), Is.EqualTo((audit, outbox)));
        }
    }

    [Test]
    public async Task Feedback_WhenSucceeds_WritesAuditPerProblemAndTheFeedbackLetterToEveryNamedParty()
    {
        var inspection = await NewInspection(Org.Bureau);
        var problem = await NewProblem(inspection);

        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));

        var audit = await Host.Query(db => db.AuditEntries.Where(a => a.EntityId == problem.Id).OrderBy(a => a.Id).ToListAsync());
        var letters = await Host.Query(db => db.Outbox.Where(m => m.CaseId == feedback.PlanId).ToListAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(audit.Last().ToState, Is.EqualTo(ProblemStates.FedBack));
            Assert.That(audit.Last().UserName, Is.EqualTo("office"));
            Assert.That(audit.Last().Command, Is.EqualTo(nameof(FeedBackInspection)));
            Assert.That(letters.Select(m => m.RecipientEmail), Is.EquivalentTo(new[]
            {
                "b1-leader@test.local", "b1-liaison@test.local", "discipline@test.local", "d1-discipline@test.local", "organization@test.local", "office@test.local",
            }));
            Assert.That(letters.Where(m => m.IsCopy).Select(m => m.RecipientRole).Distinct(), Is.EquivalentTo(new[] { "DisciplineCommission", "OrganizationDepartment", "InspectionOffice" }));
            Assert.That(letters.All(m => m.Status == OutboxStatus.Pending), Is.True);
        }
    }

    [Test]
    public async Task FeedbackMeeting_WhenAProblemWasFedBackEarlyDuringTheInspection_StartsThePlansSubmissionWindowAgain()
    {
        var inspection = await NewInspection(Org.Hospital);
        var early = Ok(await Host.Send<ProblemSummary>("group", new RegisterProblem(inspection.Id, "医保基金使用不规范", "d", "财务管理", Severity.Serious, "f", "b", "", RaisedDuringInspection: true)));
        Ok(await Host.Send<ProblemSummary>("group", new FeedBackProblem(early.Id)));
        var openedEarly = await Host.Query(db => db.Plans.Where(p => p.InspectionId == inspection.Id).Select(p => p.SubmissionDue).SingleAsync());
        Host.Clock.Advance(TimeSpan.FromDays(20));
        await NewProblem(inspection);

        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));

        Assert.That(feedback.PlanDue, Is.GreaterThan(openedEarly));
        Assert.That(feedback.PlanDue, Is.EqualTo(Host.Clock.Today.AddDays(30)), "workflows/plan.yaml: Submission 30d after the feedback meeting");
    }

    private Task<(int Audit, int Outbox)> Counts() =>
        Host.Query(async db => (await db.AuditEntries.CountAsync(), await db.Outbox.CountAsync()));
}
