using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The whole path a problem takes, over HTTP as users would drive it: feedback → plan (returned once, then
/// accepted) → progress → review → sign-off → closure → look-back reopen, with an audit entry for each step.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ApiJourneyTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Problem_WhenCarriedThroughTheWholeLifecycle_ClosesReopensAndLeavesAnAuditEntryPerStep()
    {
        var office = Host.ClientFor("office");
        var group = Host.ClientFor("group");
        var liaison = Host.ClientFor("b1-liaison");
        var leader = Host.ClientFor("b1-leader");
        var discipline = Host.ClientFor("discipline");
        var organization = Host.ClientFor("organization");

        var round = await Post(office, "/api/rounds", new { name = "十二届市委第三轮巡察", year = 2026, number = 93 }, HttpStatusCode.Created);
        var inspection = await Post(office, "/api/inspections", new
        {
            roundId = round["id"], unitId = Org.Bureau.Id, kind = "Regular", groupName = "第二巡察组",
            startDate = "2026-01-05", endDate = "2026-02-28",
        }, HttpStatusCode.Created);
        var problem = await Post(group, $"/api/inspections/{inspection["id"]}/problems", new
        {
            title = "“三重一大”决策制度执行不严", description = "部分重大事项未经集体研究", category = "党的领导", severity = "Serious",
            facts = "2025年3项采购未上会", basis = "《关于进一步推进“三重一大”决策制度的意见》", processRecord = "调阅会议纪要",
        }, HttpStatusCode.Created);
        var problemId = (string)problem["id"]!;

        var feedback = await Post(office, $"/api/inspections/{inspection["id"]}/feedback", new { }, HttpStatusCode.OK);
        var planId = (string)feedback["planId"]!;

        await Put(liaison, $"/api/plans/{planId}/lines/{problemId}", new
        {
            measures = "修订议事规则", responsibleLeader = "李局长", responsibleDepartment = "办公室", kind = "TimeLimited", deadline = "2026-05-30",
        });
        await Post(liaison, $"/api/plans/{planId}/submit", new { }, HttpStatusCode.OK);
        var returned = await Post(discipline, $"/api/plans/{planId}/return", new
        {
            comment = "措施不具体", lineComments = new[] { new { problemId, comment = "请列明制度名称和完成时限" } },
        }, HttpStatusCode.OK);
        Assert.That((string)returned["state"]!, Is.EqualTo("Returned"));

        await Put(liaison, $"/api/plans/{planId}/lines/{problemId}", new
        {
            measures = "修订《局党组议事规则》，建立重大事项清单，6月底前完成", responsibleLeader = "李局长", responsibleDepartment = "办公室",
            kind = "TimeLimited", deadline = "2026-06-30",
        });
        await Post(liaison, $"/api/plans/{planId}/submit", new { }, HttpStatusCode.OK);
        var accepted = await Post(discipline, $"/api/plans/{planId}/accept", new { comment = "同意" }, HttpStatusCode.OK);

        await Post(liaison, $"/api/problems/{problemId}/progress", new
        {
            text = "议事规则已修订并印发", percent = 100, evidence = new[] { new { fileName = "议事规则.pdf", sha256 = new string('b', 64) } },
        }, HttpStatusCode.OK);
        await Post(liaison, $"/api/problems/{problemId}/submit-for-review", new { }, HttpStatusCode.OK);
        await Post(leader, $"/api/problems/{problemId}/sign-off", new { approve = true, comment = "属实" }, HttpStatusCode.OK);
        await Post(discipline, $"/api/problems/{problemId}/sign-off", new { approve = true }, HttpStatusCode.OK);
        var beforeLast = await Get(office, $"/api/problems/{problemId}");
        await Post(organization, $"/api/problems/{problemId}/sign-off", new { approve = true }, HttpStatusCode.OK);
        var closed = await Post(office, $"/api/problems/{problemId}/close", new { }, HttpStatusCode.OK);
        var reopened = await Post(office, $"/api/problems/{problemId}/reopen", new { reason = "回头看发现制度未执行", newDeadline = "2026-08-28" }, HttpStatusCode.OK);

        var detail = await Get(liaison, $"/api/problems/{problemId}");
        var audit = (await Get(office, $"/api/problems/{problemId}/audit")).AsArray();
        var planAudit = (await Get(office, $"/api/plans/{planId}/audit")).AsArray();
        var revisions = (await Get(liaison, $"/api/inspections/{inspection["id"]}/plan"))["revisions"]!.AsArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)accepted["state"]!, Is.EqualTo("Accepted"));
            Assert.That(beforeLast["missingSignatures"]!.AsArray().Select(r => (string)r!), Is.EqualTo(new[] { "OrganizationDepartment" }));
            Assert.That((string)closed["state"]!, Is.EqualTo("Closed"));
            Assert.That((string)reopened["state"]!, Is.EqualTo("Rectifying"));
            Assert.That((string)reopened["deadline"]!, Is.EqualTo("2026-08-28"));
            Assert.That((int)detail["summary"]!["reopenCount"]!, Is.EqualTo(1));
            Assert.That(detail["permittedTriggers"]!.AsArray().Select(t => (string)t!), Is.EquivalentTo(new[] { "ReportProgress" }));
            Assert.That(audit.Select(a => (string?)a!["trigger"]).Where(t => t is not null), Is.EqualTo(new[]
            {
                "ReportProgress", "SubmitForReview", "SignOff", "SignOff", "SignOff", "Close", "Reopen",
            }));
            Assert.That(audit.Select(a => (string?)a!["toState"]), Is.EqualTo(new[]
            {
                "Registered", "FedBack", "Rectifying", "Rectifying", "UnderReview", "UnderReview", "UnderReview", "UnderReview", "Closed", "Rectifying",
            }));
            Assert.That(planAudit.Select(a => (string?)a!["trigger"]).Where(t => t is not null), Is.EqualTo(new[]
            {
                "EditLine", "Submit", "Return", "EditLine", "Submit", "Accept",
            }));
            Assert.That(revisions.Select(r => (string)r!["outcome"]!), Is.EqualTo(new[] { "Returned", "Accepted" }));
            Assert.That((string)revisions[0]!["lineComments"]![0]!["comment"]!, Is.EqualTo("请列明制度名称和完成时限"));
        }
    }

    [Test]
    public async Task RefusedTransition_WhenAskedInChineseOrEnglish_IsAProblemDetailsNamingStateAndAllowedActions()
    {
        var (_, _, problems) = await InRectification(Org.Township);
        var path = $"/api/problems/{problems[0].Id}/close";

        var zh = await Host.ClientFor("office").PostAsJsonAsync(path, new { });
        var en = await Host.ClientFor("office", "en").PostAsJsonAsync(path, new { });
        var zhBody = JsonNode.Parse(await zh.Content.ReadAsStringAsync())!;
        var enBody = JsonNode.Parse(await en.Content.ReadAsStringAsync())!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(zh.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(zh.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)zhBody["code"]!, Is.EqualTo("transition.not-allowed"));
            Assert.That((string)zhBody["detail"]!, Is.EqualTo("问题当前状态为“整改中”，不能执行“销号”；此状态下可执行：报送整改进展、提交销号审核。"));
            Assert.That((string)enBody["detail"]!, Is.EqualTo("The problem is in state Rectifying, where close is not allowed; allowed here: report progress, submit for review."));
            Assert.That((string)zhBody["state"]!, Is.EqualTo("Rectifying"), "the machine-readable fields keep the codes");
            Assert.That(zhBody["allowed"]!.AsArray().Select(a => (string)a!), Is.EqualTo(new[] { "ReportProgress", "SubmitForReview" }));
        }
    }

    [Test]
    public async Task Request_WhenFieldsAreInvalid_AnswersValidationProblemWithFieldErrorsAndChangesNothing()
    {
        var inspection = await NewInspection(Org.Township);

        var response = await Host.ClientFor("group", "en").PostAsJsonAsync($"/api/inspections/{inspection.Id}/problems", new
        {
            title = "", description = "d", category = "c", severity = "General", facts = "f", basis = "b",
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var malformed = await Host.ClientFor("group").PostAsync($"/api/inspections/{inspection.Id}/problems",
            new StringContent("{\"title\": 42, \"severity\": \"Catastrophic\"", System.Text.Encoding.UTF8, "application/json"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body["errors"]!["title"], Is.Not.Null);
            Assert.That((string)body["code"]!, Is.EqualTo("validation.failed"));
            Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(malformed.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await Host.Query(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Problems, p => p.InspectionId == inspection.Id)), Is.Zero);
        }
    }

    [Test]
    public async Task ObjectOfAnotherUnit_WhenRequestedByGuessingItsId_AnswersExactlyLikeOneThatDoesNotExist()
    {
        var (_, _, problems) = await InRectification(Org.Bureau);
        var client = Host.ClientFor("h1-liaison");

        var foreign = await client.GetAsync($"/api/problems/{problems[0].Id}");
        var missing = await client.GetAsync($"/api/problems/{Guid.CreateVersion7()}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string)JsonNode.Parse(await foreign.Content.ReadAsStringAsync())!["code"]!, Is.EqualTo("not-found"));
        }
    }

    [Test]
    public async Task Api_WhenCalledWithoutSignIn_IsUnauthorizedButHealthAndOpenApiAreServed()
    {
        var anonymous = Host.CreateClient();

        var api = await anonymous.GetAsync("/api/problems");
        var health = await anonymous.GetStringAsync("/health");
        var openApi = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(health, Is.EqualTo("Healthy"));
            Assert.That(openApi["paths"]!.AsObject().Select(p => p.Key), Does.Contain("/api/problems/{id}/sign-off").And.Contain("/api/plans/{id}/return"));
        }
    }

    [Test]
    public async Task AdministrationAndJobDashboard_WhenOpenedByAnotherRole_AreRefusedButServeAdministrators()
    {
        var admin = Host.ClientFor("admin");
        var office = Host.ClientFor("office");

        var officeOutbox = await office.GetAsync("/api/admin/outbox?status=Failed");
        var officeRetry = await office.PostAsync("/api/admin/outbox/retry-failed", null);
        var officeDashboard = await office.GetAsync("/hangfire");
        var adminOutbox = await admin.GetAsync("/api/admin/outbox?status=Failed");
        var adminRetry = await admin.PostAsync("/api/admin/outbox/retry-failed", null);
        var adminDashboard = await admin.GetAsync("/hangfire");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(officeOutbox.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(officeRetry.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(officeDashboard.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(adminOutbox.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(adminRetry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(adminDashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task DeadlineExtension_WhenRequestedByTheUnitAndApprovedOverHttp_MovesTheProblemsDeadline()
    {
        var (_, _, problems) = await InRectification(Org.Township);
        var newDeadline = problems[0].Deadline!.Value.AddDays(20);

        var request = await Post(Host.ClientFor("t1-liaison"), "/api/extensions", new
        {
            kind = "Problem", caseId = problems[0].Id, newDeadline = newDeadline.ToString("yyyy-MM-dd"), reason = "涉及跨部门协调",
        }, HttpStatusCode.Created);
        var refusedByUnit = await Host.ClientFor("t1-leader").PostAsJsonAsync($"/api/extensions/{request["id"]}/decide", new { approve = true });
        var decided = await Post(Host.ClientFor("office"), $"/api/extensions/{request["id"]}/decide", new { approve = true, comment = "同意" }, HttpStatusCode.OK);
        var problem = await Get(Host.ClientFor("t1-liaison"), $"/api/problems/{problems[0].Id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusedByUnit.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string)decided["status"]!, Is.EqualTo("Approved"));
            Assert.That((string)problem["summary"]!["deadline"]!, Is.EqualTo(newDeadline.ToString("yyyy-MM-dd")));
        }
    }

    private static async Task<JsonNode> Post(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), () => $"POST {path}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task Put(HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => $"PUT {path}: {text}");
    }

    private static async Task<JsonNode> Get(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => $"GET {path}: {text}");
        return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions())!;
    }
}
