using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Domain.Inspections;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// A report sent upward (报送) keeps the figures of its moment under a seal that anyone can recompute from what is published; a later
/// look-back changes the live report and never the one sent. Figures counted by hand: one regular inspection of the hospital with two
/// problems, both closed, then a look-back in the same round that reopens the first.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class UpwardReportSnapshotTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Snapshot_WhenALookBackLaterReopensAProblem_KeepsTheFiguresAsSent_AndItsSealRecomputes()
    {
        var (inspection, _, problems) = await InRectification(Org.Hospital, 2);
        foreach (var problem in problems)
        {
            await CloseThroughReview("h1", problem.Id);
        }

        var round = inspection.RoundId;
        var sent = await Send("office", new { title = "2026年第一季度整改情况报送", filter = new { rounds = new[] { round } } });
        var id = (Guid)sent["id"]!;

        var lookBack = Ok(await Host.Send<InspectionDto>("office", new RegisterInspection(round, Org.Hospital.Id, InspectionKind.LookBack, "回头看巡察组",
            Host.Clock.Today, Host.Clock.Today)));
        Ok(await Host.Send<ProblemSummary>("group", new ReopenProblem(problems[0].Id, "回头看发现问题反弹", Host.Clock.Today.AddDays(60), lookBack.Id)));

        var live = await Get("office", $"/api/statistics/upward?rounds={round}");
        var kept = await Get("office", $"/api/statistics/upward/snapshots/{id}");
        var published = $"2026-03-02T01:00:00.0000000Z\n{(string)kept["filterJson"]!}\n{(string)kept["figuresJson"]!}";
        var recomputed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(published)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Total(sent["report"]!), Is.EqualTo("1 1 2 2 100.00 0 0"));
            Assert.That(Total(live), Is.EqualTo("2 1 2 1 50.00 0 1"), "the look-back is counted and B1 reopened");
            Assert.That(Total(kept["report"]!), Is.EqualTo("1 1 2 2 100.00 0 0"), "the figures as sent");
            Assert.That((string)kept["asOf"]!, Is.EqualTo("2026-03-02T01:00:00Z"));
            Assert.That((bool)kept["sealHolds"]!, Is.True);
            Assert.That((string)kept["seal"]!, Is.EqualTo(recomputed));
            Assert.That((string)kept["title"]!, Is.EqualTo("2026年第一季度整改情况报送"));
            Assert.That((string)kept["recordedByName"]!, Is.EqualTo("office"));
        }
    }

    [Test]
    public async Task Snapshot_WhenItsFiguresAreChangedInTheDatabase_NoLongerHoldsItsSeal()
    {
        var sent = await Send("office", new { title = "篡改测试", filter = new { } });
        var id = (Guid)sent["id"]!;
        await Host.Query(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"ReportSnapshots\" SET \"Figures\" = REPLACE(\"Figures\", '\"inspections\":0', '\"inspections\":9') WHERE \"Title\" = {0}", "篡改测试"));

        var kept = await Get("office", $"/api/statistics/upward/snapshots/{id}");

        Assert.That((bool)kept["sealHolds"]!, Is.False);
    }

    [Test]
    public async Task Snapshot_IsAuditedAndSeenOnlyWithinItsScope()
    {
        var sent = await Send("office", new { title = "可见范围测试", filter = new { unitId = Org.District1.Id } });
        var id = (Guid)sent["id"]!;

        var audit = await Host.Query(db => db.AuditEntries.Where(a => a.EntityId == id).Select(a => a.Command + " " + a.EntityType).ToListAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(audit, Is.EqualTo(new[] { "RecordReportSnapshot ReportSnapshot" }));
            Assert.That(await Status("d1-discipline", $"/api/statistics/upward/snapshots/{id}"), Is.EqualTo(200), "its unit lies in the district's scope");
            Assert.That(await Status("d2-office", $"/api/statistics/upward/snapshots/{id}"), Is.EqualTo(404), "another district's report is not found");
            Assert.That(await Status("b1-leader", $"/api/statistics/upward/snapshots/{id}"), Is.EqualTo(403), "a unit's roles read no report sent upward");
            Assert.That(await Status("h1-liaison", "/api/statistics/upward/snapshots"), Is.EqualTo(403));
            Assert.That(await Status("group", "/api/statistics/upward/snapshots"), Is.EqualTo(200));
        }
    }

    [Test]
    public async Task Sending_ByAnyoneButTheOffice_IsRefused_AndAnEmptyTitleIsRefusedAtItsField()
    {
        using var byGroup = await Host.ClientFor("group").PostAsync("/api/statistics/upward/snapshots", Json(new { title = "越权报送", filter = new { } }));
        using var untitled = await Host.ClientFor("office").PostAsync("/api/statistics/upward/snapshots", Json(new { title = " ", filter = new { to = "2026-01-01", from = "2026-02-01" } }));
        var problem = JsonNode.Parse(await untitled.Content.ReadAsStringAsync())!;
        var count = await Host.Query(db => db.ReportSnapshots.CountAsync(s => s.Title == "越权报送"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)byGroup.StatusCode, Is.EqualTo(403));
            Assert.That(count, Is.Zero);
            Assert.That((int)untitled.StatusCode, Is.EqualTo(400));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key).Order(), Is.EqualTo(new[] { "filter.to", "title" }));
        }
    }

    [Test]
    public async Task Round_WithATerm_IsCountedInThatTermsReport()
    {
        var round = await Send<JsonNode>("office", "/api/rounds", new { name = "十二届市委第三轮巡察", year = 2027, number = 3, term = 12 });
        var registered = Ok(await Host.Send<InspectionDto>("office", new RegisterInspection((Guid)round["id"]!, Org.Township.Id, InspectionKind.Special,
            "第三巡察组", Host.Clock.Today.AddDays(-10), Host.Clock.Today)));
        await NewProblem(registered);
        Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(registered.Id)));

        var twelfth = await Get("office", "/api/statistics/upward?term=12");
        var eleventh = await Get("office", "/api/statistics/upward?term=11");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)round["term"]!, Is.EqualTo(12));
            Assert.That(Total(twelfth), Is.EqualTo("1 1 1 0 0.00 0 0"));
            Assert.That(Total(eleventh), Is.EqualTo("0 0 0 0 0.00 0 0"));
        }
    }

    private static string Total(JsonNode report)
    {
        var f = report["total"]!;
        return $"{(int)f["inspections"]!} {(int)f["unitsInspected"]!} {(int)f["problemsFedBack"]!} {(int)f["problemsRectified"]!} " +
            $"{((decimal)f["completionRate"]!).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {(int)f["problemsOverdue"]!} {(int)f["problemsReopened"]!}";
    }

    private static StringContent Json(object body) => new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private Task<JsonNode> Send(string user, object body) => Send<JsonNode>(user, "/api/statistics/upward/snapshots", body);

    private async Task<T> Send<T>(string user, string path, object body) where T : JsonNode
    {
        using var response = await Host.ClientFor(user).PostAsync(path, Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(201), $"POST {path} as {user}: {text}");
        return (T)JsonNode.Parse(text)!;
    }

    private async Task<JsonNode> Get(string user, string path)
    {
        using var response = await Host.ClientFor(user).GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET {path} as {user}: {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<int> Status(string user, string path)
    {
        using var response = await Host.ClientFor(user).GetAsync(path);
        return (int)response.StatusCode;
    }
}
