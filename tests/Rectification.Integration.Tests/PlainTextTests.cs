using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// Control characters and invisible direction or formatting characters are refused in every text of every command, as the JSON
/// names the field, and nothing changes; tabs and line breaks stay allowed.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class PlainTextTests(DatabaseProvider provider) : HostTest(provider)
{
    private static async Task<(HttpStatusCode Status, JsonNode? Body)> Send(HttpClient client, HttpMethod method, string path, object body)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    private static object ProblemBody(string title, string description = "班子成员履行一岗双责不力") =>
        new { title, description, category = "党的领导", severity = "General", facts = "抽查会议记录12份", basis = "《中国共产党问责条例》第七条", processRecord = "个别谈话" };

    [Test]
    public async Task RegisterProblem_WithADirectionOverrideInTheTitle_IsRefusedNamingTheField_AndChangesNothing()
    {
        var inspection = await NewInspection(Org.Township);
        var path = $"/api/inspections/{inspection.Id}/problems";

        var english = await Send(Host.ClientFor("group", "en"), HttpMethod.Post, path, ProblemBody("整改报告\u202Excod.exe"));
        var chinese = await Send(Host.ClientFor("group"), HttpMethod.Post, path, ProblemBody("整改报告\u202Excod.exe"));
        var problems = await Host.Query(db => db.Problems.CountAsync(p => p.InspectionId == inspection.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(english.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)english.Body!["code"], Is.EqualTo("validation.failed"));
            Assert.That((string?)english.Body!["errors"]!["title"]![0], Is.EqualTo(
                "The character U+202E at position 5 is not allowed: texts may hold no control characters and no invisible formatting or direction characters (such as U+202E or zero-width characters)."));
            Assert.That((string?)chinese.Body!["errors"]!["title"]![0], Does.StartWith("第 5 个字符 U+202E 不允许使用"));
            Assert.That(english.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "title" }), "only the title is named");
            Assert.That(problems, Is.Zero);
        }
    }

    [Test]
    public async Task RegisterProblem_WithLineBreaksAndTabsInItsTexts_KeepsThem()
    {
        var inspection = await NewInspection(Org.Township);

        var created = await Send(Host.ClientFor("group"), HttpMethod.Post, $"/api/inspections/{inspection.Id}/problems", ProblemBody("会议记录不全", "第一条：\r\n\t记录缺失\n第二条"));
        var id = (Guid)created.Body!["id"]!;
        var description = await Host.Query(db => db.Problems.Where(p => p.Id == id).Select(p => p.Description).SingleAsync());

        Assert.That((created.Status, description), Is.EqualTo((HttpStatusCode.Created, "第一条：\r\n\t记录缺失\n第二条")));
    }

    [Test]
    public async Task EditLedgerLine_WithABellInTheMeasures_IsRefused_AndTheLineIsUnchanged()
    {
        var inspection = await NewInspection(Org.Township);
        var problem = await NewProblem(inspection);
        var plan = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id))).PlanId;
        var liaison = Host.ClientFor("t1-liaison", "en");
        var line = new { measures = "修订议事规则", responsibleLeader = "张书记", responsibleDepartment = "办公室", kind = "TimeLimited", deadline = Host.Clock.Today.AddDays(90) };
        var first = await Send(liaison, HttpMethod.Put, $"/api/plans/{plan}/lines/{problem.Id}", line);
        var before = (await Host.ClientFor("t1-liaison").GetFromJsonAsync<JsonObject>($"/api/inspections/{inspection.Id}/plan"))!;

        var refused = await Send(liaison, HttpMethod.Put, $"/api/plans/{plan}/lines/{problem.Id}", line with { measures = "逐项整改\u0007" });
        var leader = await Send(liaison, HttpMethod.Put, $"/api/plans/{plan}/lines/{problem.Id}", line with { responsibleLeader = "张\u200B书记" });
        var after = (await Host.ClientFor("t1-liaison").GetFromJsonAsync<JsonObject>($"/api/inspections/{inspection.Id}/plan"))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), () => first.Body?.ToJsonString() ?? "");
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)refused.Body!["errors"]!["measures"]![0], Does.Contain("U+0007 at position 5"));
            Assert.That((string?)leader.Body!["errors"]!["responsibleLeader"]![0], Does.Contain("U+200B at position 2"));
            Assert.That((string?)after["lines"]![0]!["measures"], Is.EqualTo("修订议事规则"));
            Assert.That((string?)after["lines"]![0]!["responsibleLeader"], Is.EqualTo("张书记"));
            Assert.That((long?)after["version"], Is.EqualTo((long?)before["version"]), "no save at all");
        }
    }

    [Test]
    public async Task ReturnPlan_WithAZeroWidthCharacterInALineComment_NamesTheNestedField_AndThePlanStaysSubmitted()
    {
        var inspection = await NewInspection(Org.Township);
        var problem = await NewProblem(inspection);
        var plan = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id))).PlanId;
        Ok(await Host.Send<PlanDto>("t1-liaison", new EditLedgerLine(plan, problem.Id, "修订议事规则", "张书记", "办公室", RectificationKind.TimeLimited, Host.Clock.Today.AddDays(90))));
        Ok(await Host.Send<PlanDto>("t1-liaison", new SubmitPlan(plan)));

        var refused = await Send(Host.ClientFor("discipline", "en"), HttpMethod.Post, $"/api/plans/{plan}/return",
            new { comment = "措施不具体", lineComments = new[] { new { problemId = problem.Id, comment = "请\uFEFF细化" } } });
        var state = await Host.Query(db => db.Plans.Where(p => p.Id == plan).Select(p => p.State).SingleAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "lineComments[0].comment" }));
            Assert.That(state, Is.EqualTo("Submitted"));
        }
    }

    [Test]
    public async Task CreateAccount_WithADirectionOverrideInTheDisplayName_IsRefused_AndNoAccountIsCreated()
    {
        var name = $"pt-{Guid.NewGuid():N}"[..16];
        var (status, body) = await Send(Host.ClientFor("admin", "en"), HttpMethod.Post, "/api/admin/accounts", new
        {
            userName = name, displayName = "王\u202E五", role = "UnitLiaison", email = $"{name}@test.local", preferredLanguage = "zh-CN", unitId = Org.Bureau.Id,
            password = "Correct-Horse-7-Battery\u0001",
        });
        var created = await Host.Query(db => db.Users.CountAsync(u => u.UserName == name));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "displayName" }), "a password may hold any character");
            Assert.That(created, Is.Zero);
        }
    }
}
