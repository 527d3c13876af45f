using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Application.Statistics;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>Completion rates against a hand-counted ledger, in a database of their own so that every count is known.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class StatisticsTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task CompletionRate_WhenCountedPerLevelAndUnit_MatchesTheHandCountedLedger()
    {
        // District 1 (township): 3 fed back, 1 closed. District 2 (hospital): 4 fed back, 3 closed. One problem only registered.
        var township = (await InRectification(Org.Township, count: 3)).Problems;
        var hospital = (await InRectification(Org.Hospital, count: 4)).Problems;
        await NewProblem(await NewInspection(Org.Hospital));
        await Close(township[0], "t1");
        foreach (var p in hospital.Take(3))
        {
            await Close(p, "h1");
        }

        var city = Ok(await Host.Send<StatisticsDto>("office", new GetStatistics()));
        var byDistrict = Ok(await Host.Send<IReadOnlyList<UnitStatistics>>("office", new GetStatisticsByUnit()));
        var districtView = Ok(await Host.Send<StatisticsDto>("d1-discipline", new GetStatistics()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((city.ProblemsFedBack, city.ProblemsClosed, city.CompletionRate), Is.EqualTo((7, 4, 57.14m)));
            Assert.That(byDistrict.Select(d => (d.Code, d.ProblemsFedBack, d.ProblemsClosed, d.CompletionRate)),
                Is.EqualTo(new[] { ("D1", 3, 1, 33.33m), ("D2", 4, 3, 75.00m) }));
            Assert.That((districtView.ProblemsFedBack, districtView.ProblemsClosed), Is.EqualTo((3, 1)), "a district sees only its own units");
            Assert.That(city.ProblemsByState[ProblemStates.Registered], Is.EqualTo(1));
        }
    }

    private async Task Close(ProblemSummary problem, string unit)
    {
        Ok(await Host.Send<ProblemSummary>($"{unit}-liaison", new ReportProgress(problem.Id, "已完成", 100, null, [Evidence()])));
        Ok(await Host.Send<ProblemSummary>($"{unit}-liaison", new SubmitForReview(problem.Id)));
        foreach (var party in new[] { $"{unit}-leader", "discipline", "organization" })
        {
            Ok(await Host.Send<ProblemSummary>(party, new SignOffProblem(problem.Id, true, "同意销号")));
        }

        Ok(await Host.Send<ProblemSummary>("office", new CloseProblem(problem.Id)));
    }
}

/// <summary>Overdue in the statistics is the ledger's overdue list, also for a long-term problem chased for its periodic report.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class OverdueStatisticsTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Overdue_OfALongTermProblemPastItsPeriodicReport_IsCountedAsTheLedgerListsIt()
    {
        var inspection = await NewInspection(Org.Township);
        var problem = await NewProblem(inspection);
        var feedback = Ok(await Host.Send<Application.Inspections.FeedbackDto>("office", new Application.Inspections.FeedBackInspection(inspection.Id)));
        Ok(await Host.Send<PlanDto>("t1-liaison", new EditLedgerLine(feedback.PlanId, problem.Id, "建立长效机制，每季度报告进展", "张书记", "办公室",
            RectificationKind.LongTerm, Host.Clock.Today.AddDays(700))));
        Ok(await Host.Send<PlanDto>("t1-liaison", new SubmitPlan(feedback.PlanId)));
        Ok(await Host.Send<PlanDto>("discipline", new AcceptPlan(feedback.PlanId, "方案可行")));

        // The periodic report (LongTermReport, 90 days) is missed; the deadline is still almost two years away.
        Host.Clock.Advance(TimeSpan.FromDays(100));
        var ledger = Ok(await Host.Send<Page<ProblemSummary>>("office", new ListProblems(Overdue: true, PageSize: 500)));
        var city = Ok(await Host.Send<StatisticsDto>("office", new GetStatistics()));
        var byDistrict = Ok(await Host.Send<IReadOnlyList<UnitStatistics>>("office", new GetStatisticsByUnit()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ledger.Items.Select(p => p.Id), Does.Contain(problem.Id));
            Assert.That(city.ProblemsOverdue, Is.EqualTo(ledger.Total).And.EqualTo(1));
            Assert.That(byDistrict.Sum(d => d.ProblemsOverdue), Is.EqualTo(ledger.Total));
        }
    }
}

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class DocumentTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task PlanDiff_WhenAReturnedPlanIsResubmitted_ShowsExactlyTheChangedFieldsPerLine()
    {
        var inspection = await NewInspection(Org.Bureau);
        var first = await NewProblem(inspection);
        var second = await NewProblem(inspection);
        var plan = Ok(await Host.Send<Application.Inspections.FeedbackDto>("office", new Application.Inspections.FeedBackInspection(inspection.Id))).PlanId;
        var deadline = Host.Clock.Today.AddDays(60);
        await Line(plan, first.Id, "建立制度", deadline);
        await Line(plan, second.Id, "开展培训", deadline);
        Ok(await Host.Send<PlanDto>("b1-liaison", new SubmitPlan(plan)));
        Ok(await Host.Send<PlanDto>("discipline", new ReturnPlan(plan, "措施过于笼统", null)));
        await Line(plan, first.Id, "修订《财务管理办法》并组织全员学习", deadline.AddDays(30));
        Ok(await Host.Send<PlanDto>("b1-liaison", new SubmitPlan(plan)));

        var diff = Ok(await Host.Send<PlanDiff>("discipline", new DiffPlanRevisions(plan, 1, 2)));

        Assert.That(diff.Lines, Has.Count.EqualTo(1));
        Assert.That(diff.Lines[0].ProblemId, Is.EqualTo(first.Id));
        Assert.That(diff.Lines[0].Fields.Select(f => (f.Field, f.Old, f.New)), Is.EqualTo(new[]
        {
            ("Measures", (string?)"建立制度", (string?)"修订《财务管理办法》并组织全员学习"),
            ("Deadline", deadline.ToString("yyyy-MM-dd"), deadline.AddDays(30).ToString("yyyy-MM-dd")),
        }));
    }

    [Test]
    public async Task WriteOffRecord_WhenTheProblemIsClosed_ListsEvidenceAndSignaturesUnderAReproducibleSeal()
    {
        var problem = (await InRectification(Org.Hospital)).Problems[0];
        var client = Host.ClientFor("h1-leader");
        var early = await client.GetAsync($"/api/problems/{problem.Id}/write-off");
        Ok(await Host.Send<ProblemSummary>("h1-liaison", new ReportProgress(problem.Id, "已完成", 100, null, [new EvidenceInput("整改报告.pdf", new string('c', 64))])));
        Ok(await Host.Send<ProblemSummary>("h1-liaison", new SubmitForReview(problem.Id)));
        foreach (var party in new[] { "h1-leader", "discipline", "organization" })
        {
            Ok(await Host.Send<ProblemSummary>(party, new SignOffProblem(problem.Id, true, "同意")));
        }

        Ok(await Host.Send<ProblemSummary>("office", new CloseProblem(problem.Id)));

        var page = await client.GetStringAsync($"/api/problems/{problem.Id}/write-off");
        var word = await client.GetAsync($"/api/problems/{problem.Id}/write-off?format=docx");
        var wordBytes = await word.Content.ReadAsByteArrayAsync();
        var json = JsonNode.Parse(await client.GetStringAsync($"/api/problems/{problem.Id}/write-off?format=json"))!;
        var again = Ok(await Host.Send<WriteOffRecord>("office", new GetWriteOffRecord(problem.Id)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(page, Does.Contain("问题整改销号单").And.Contain(problem.Code).And.Contain(new string('c', 64)));
            Assert.That(json["signatures"]!.AsArray().Select(s => (string)s!["party"]!), Is.EqualTo(new[] { "UnitLeader", "DisciplineCommission", "OrganizationDepartment" }));
            Assert.That((string)json["seal"]!, Is.EqualTo(again.Seal).And.Length.EqualTo(64));
            Assert.That(page, Does.Contain(again.Seal));
            Assert.That((word.StatusCode, word.Content.Headers.ContentType?.MediaType, wordBytes[0], wordBytes[1]),
                Is.EqualTo((HttpStatusCode.OK, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (byte)'P', (byte)'K')), "the record to file, as a Word document");
            Assert.That((again with { Measures = again.Measures + "。" }).Seal, Is.Not.EqualTo(again.Seal), "any change to what the record states breaks the seal");
        }
    }

    private async Task Line(Guid plan, Guid problem, string measures, DateOnly deadline) =>
        Ok(await Host.Send<PlanDto>("b1-liaison", new EditLedgerLine(plan, problem, measures, "李局长", "办公室", RectificationKind.TimeLimited, deadline)));
}
