using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// A look-back reopens a problem with a new deadline within the limit its kind has in the ledger (workflows/problem.yaml: immediate 30
/// days), counted from the reopening: an immediate problem reopened 88 days out is refused at newDeadline and stays closed.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ReopenLimitTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Reopen_OfAnImmediateProblem_BeyondThirtyDaysIsRefusedAtNewDeadline_AndWithinThemReopensIt()
    {
        var inspection = await NewInspection(Org.Hospital);
        var problem = await NewProblem(inspection);
        var plan = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id))).PlanId;
        Ok(await Host.Send<PlanDto>("h1-liaison", new EditLedgerLine(plan, problem.Id, "当即整改", "王院长", "院办", RectificationKind.Immediate, Host.Clock.Today.AddDays(20))));
        Ok(await Host.Send<PlanDto>("h1-liaison", new SubmitPlan(plan)));
        Ok(await Host.Send<PlanDto>("discipline", new AcceptPlan(plan, "方案可行")));
        await CloseThroughReview("h1", problem.Id);
        var today = Host.Clock.Today; // 2 March 2026

        using var far = await Host.ClientFor("group", "en").PostAsJsonAsync($"/api/problems/{problem.Id}/reopen",
            new { reason = "回头看发现问题反弹", newDeadline = today.AddDays(88).ToString("yyyy-MM-dd") });
        var refusal = JsonNode.Parse(await far.Content.ReadAsStringAsync())!;
        using var farInChinese = await Host.ClientFor("group", "zh-CN").PostAsJsonAsync($"/api/problems/{problem.Id}/reopen",
            new { reason = "回头看发现问题反弹", newDeadline = today.AddDays(88).ToString("yyyy-MM-dd") });
        var chinese = JsonNode.Parse(await farInChinese.Content.ReadAsStringAsync())!;
        var stillClosed = Ok(await Host.Send<ProblemDetail>("office", new GetProblem(problem.Id))).Summary.State;
        var reopened = Ok(await Host.Send<ProblemSummary>("group", new ReopenProblem(problem.Id, "回头看发现问题反弹", today.AddDays(30))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)far.StatusCode, Is.EqualTo(400));
            Assert.That((string)refusal["code"]!, Is.EqualTo("ledger.deadline-out-of-limits"));
            Assert.That(refusal["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "newDeadline" }));
            Assert.That((string)refusal["latest"]!, Is.EqualTo("2026-04-01"));
            Assert.That((string)refusal["kind"]!, Is.EqualTo("Immediate"), "the code for a program");
            Assert.That((string)refusal["detail"]!, Does.EndWith("(immediate) is outside the allowed range 2 Mar 2026 to 1 Apr 2026."),
                "days as English writes them and the kind in words");
            Assert.That((string)chinese["detail"]!, Does.Contain("2026年5月29日").And.Contain("2026年3月2日 至 2026年4月1日").And.Contain("立行立改"));
            Assert.That(stillClosed, Is.EqualTo(ProblemStates.Closed));
            Assert.That((reopened.State, reopened.Deadline), Is.EqualTo((ProblemStates.Rectifying, (DateOnly?)new DateOnly(2026, 4, 1))));
        }
    }
}
