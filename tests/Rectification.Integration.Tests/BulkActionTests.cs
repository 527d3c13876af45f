using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Application.Receipts;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>Several items in one request, each its own command with its own outcome, transaction and audit entry.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class BulkActionTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task SignOff_OfSeveralProblems_SignsEachInScope_AndAnswersAnotherUnitsAsNotFound()
    {
        var (_, _, bureau) = await InRectification(Org.Bureau, 3);
        var (_, _, hospital) = await InRectification(Org.Hospital, 1);
        foreach (var p in bureau.Concat(hospital))
        {
            await UnderReview(p.Id, p.Id == hospital[0].Id ? "h1" : "b1");
        }

        var answer = await Post("b1-leader", "/api/problems/bulk/sign-off",
            new { items = bureau.Concat(hospital).Select(p => new { problemId = p.Id, approve = true, comment = "同意" }) });
        var audit = await Host.Query(db => db.AuditEntries.Where(a => a.Command == "SignOffProblem" && a.UserName == "b1-leader").Select(a => a.EntityId).ToListAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Outcomes(answer), Is.EqualTo(new[] { 200, 200, 200, 404 }));
            Assert.That(((int)answer["succeeded"]!, (int)answer["refused"]!), Is.EqualTo((3, 1)));
            Assert.That((string)answer["items"]![3]!["error"]!["code"]!, Is.EqualTo("not-found"));
            Assert.That(audit, Is.EquivalentTo(bureau.Select(p => p.Id)), "one audit entry per signed problem, none for the other unit's");
        }
    }

    [Test]
    public async Task Close_OfSeveralProblems_ClosesTheFullySigned_AndRefusesTheOneStillMissingASignature()
    {
        var (_, _, problems) = await InRectification(Org.Township, 2);
        foreach (var p in problems)
        {
            await UnderReview(p.Id, "t1");
        }

        foreach (var signer in new[] { "t1-leader", "discipline", "organization" })
        {
            Ok(await Host.Send<ProblemSummary>(signer, new SignOffProblem(problems[0].Id, true, "同意")));
        }

        var answer = await Post("office", "/api/problems/bulk/close", new { items = problems.Select(p => new { problemId = p.Id }) });
        var states = await Host.Query(db => db.Problems.Where(p => problems.Select(x => x.Id).Contains(p.Id)).OrderBy(p => p.Code).Select(p => p.State).ToListAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Outcomes(answer), Is.EqualTo(new[] { 200, 409 }));
            Assert.That((string)answer["items"]![0]!["value"]!["state"]!, Is.EqualTo("Closed"), "the closed problem's new state");
            Assert.That(states, Is.EqualTo(new[] { "Closed", "UnderReview" }));
        }
    }

    [Test]
    public async Task Acknowledge_OfSeveralReceipts_SignsEach_AndASecondTimeIsAConflictPerItem()
    {
        var receipts = new List<Guid>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var inspection = await NewInspection(Org.Bureau);
            await NewProblem(inspection);
            var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
            receipts.Add(Ok(await Host.Send<IReadOnlyList<ReceiptDto>>("office", new ListReceipts(CaseId: feedback.PlanId))).Single().Id);
        }

        var first = await Post("b1-liaison", "/api/receipts/bulk/acknowledge", new { receiptIds = receipts });
        var again = await Post("b1-liaison", "/api/receipts/bulk/acknowledge", new { receiptIds = receipts });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Outcomes(first), Is.EqualTo(new[] { 200, 200 }));
            Assert.That(Outcomes(again), Is.EqualTo(new[] { 409, 409 }));
        }
    }

    [TestCase(0)]
    [TestCase(201)]
    public async Task Bulk_WithNoItemOrTooMany_IsRefusedAtItems(int count)
    {
        using var response = await Host.ClientFor("office", "en").PostAsJsonAsync("/api/problems/bulk/close",
            new { items = Enumerable.Range(0, count).Select(_ => new { problemId = Guid.NewGuid() }) });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(body["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "items" }));
            Assert.That((string)body["detail"]!, Is.EqualTo("Between 1 and 200 items can be sent at once."));
        }
    }

    private async Task UnderReview(Guid problem, string unit)
    {
        Ok(await Host.Send<ProblemSummary>($"{unit}-liaison", new ReportProgress(problem, "已完成整改", 100, null, [Evidence()])));
        Ok(await Host.Send<ProblemSummary>($"{unit}-liaison", new SubmitForReview(problem)));
    }

    private static IEnumerable<int> Outcomes(JsonNode answer) => answer["items"]!.AsArray().Select(i => (int)i!["status"]!);

    private async Task<JsonNode> Post(string user, string path, object body)
    {
        using var response = await Host.ClientFor(user).PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return JsonNode.Parse(text)!;
    }
}
