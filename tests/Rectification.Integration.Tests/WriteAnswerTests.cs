using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectification.Application.Inspections;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// A write answers the resource as a read right after it shows it: the version to send next and, for a plan, what the caller may do
/// now. An integrator then needs no GET just to learn a version.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class WriteAnswerTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Writes_AnswerTheVersionAndActionsAReadShows_SoTheNextWriteNeedsNoRead()
    {
        var inspection = await NewInspection(Org.Bureau);
        var problem = await NewProblem(inspection);
        var plan = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id))).PlanId;
        var liaison = Host.ClientFor("b1-liaison");

        // Each write sends the version the previous write answered: a stale one would be a 409.
        var line = await Send(liaison, HttpMethod.Put, $"/api/plans/{plan}/lines/{problem.Id}", new
        {
            measures = "修订议事规则", responsibleLeader = "李局长", responsibleDepartment = "办公室", kind = "TimeLimited", deadline = "2026-05-30", expectedVersion = 0,
        });
        var planRead = await Get(liaison, $"/api/inspections/{inspection.Id}/plan");
        var submitted = await Send(liaison, HttpMethod.Post, $"/api/plans/{plan}/submit", new { expectedVersion = (long)line["version"]! });
        var accepted = await Send(Host.ClientFor("discipline"), HttpMethod.Post, $"/api/plans/{plan}/accept", new { comment = "方案可行", expectedVersion = (long)submitted["version"]! });
        var problemRead = await Get(liaison, $"/api/problems/{problem.Id}");
        var report = await Send(liaison, HttpMethod.Post, $"/api/problems/{problem.Id}/progress",
            new { text = "已完成一半", percent = 50, expectedVersion = (long)problemRead["summary"]!["version"]! });
        var again = await Send(liaison, HttpMethod.Post, $"/api/problems/{problem.Id}/progress",
            new { text = "已全部完成", percent = 100, expectedVersion = (long)report["version"]! });
        var afterwards = await Get(liaison, $"/api/problems/{problem.Id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((long)line["version"]!, Is.EqualTo(1));
            Assert.That((long)line["version"]!, Is.EqualTo((long)planRead["version"]!));
            Assert.That(line["permittedTriggers"]!.AsArray().Select(t => (string)t!), Is.EquivalentTo(new[] { "EditLine", "Submit" }));
            Assert.That(line["permittedTriggers"]!.ToJsonString(), Is.EqualTo(planRead["permittedTriggers"]!.ToJsonString()));
            Assert.That(((long)submitted["version"]!, (long)accepted["version"]!), Is.EqualTo((2L, 3L)));
            Assert.That(accepted["permittedTriggers"]!.AsArray(), Is.Empty, "an accepted plan leaves the commission nothing to do");
            Assert.That((long)again["version"]!, Is.EqualTo((long)afterwards["summary"]!["version"]!));
            Assert.That((long)again["version"]!, Is.EqualTo((long)report["version"]! + 1));
        }
    }

    private static async Task<JsonNode> Send(HttpClient client, HttpMethod method, string path, object body)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{method} {path}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> Get(HttpClient client, string path) => JsonNode.Parse(await client.GetStringAsync(path))!;
}
