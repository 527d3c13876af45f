using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Infrastructure;
using Rectification.Web.Security;

namespace Rectification.Integration.Tests;

/// <summary>What the host does for every request: security headers, a body size limit, rate limiting, and errors without internals.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class HostHardeningTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task EveryResponse_WhateverItsOrigin_CarriesTheSecurityHeaders()
    {
        var admin = Host.ClientFor("admin");
        var inspection = await NewInspection(Org.Bureau);
        Host.Faults.FailNextSave = true;
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["api 200"] = await admin.GetAsync("/api/me"),
            ["api 401"] = await Host.CreateClient().GetAsync("/api/problems"),
            ["api 404 (no route)"] = await admin.GetAsync("/api/no-such-thing"),
            ["api 404 (not found)"] = await admin.GetAsync($"/api/problems/{Guid.NewGuid()}"),
            ["api 500"] = await Host.ClientFor("group").PostAsJsonAsync($"/api/inspections/{inspection.Id}/problems", new
            {
                title = "t", description = "d", category = "c", severity = "General", facts = "f", basis = "b",
            }),
            ["health"] = await admin.GetAsync("/health"),
            ["scalar"] = await admin.GetAsync("/scalar/v1"),
            ["hangfire"] = await admin.GetAsync("/hangfire"),
        };

        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, response) in responses)
            {
                Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), name);
                Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }), name);
                Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }), name);
                Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'"), name);
            }

            Assert.That(responses["api 500"].StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            var serverError = await responses["api 500"].Content.ReadAsStringAsync();
            Assert.That(ApiSurface.TryParse(serverError)?["traceId"], Is.Not.Null);
            Assert.That(serverError, Does.Not.Contain("Injected fault").And.Not.Contain("IOException").And.Not.Contain("   at "));
            Assert.That(responses["api 200"].Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'"));
            Assert.That(responses["scalar"].Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self' 'unsafe-inline'"));
            Assert.That(responses["hangfire"].Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self' 'unsafe-inline'"));
        }
    }

    [Test]
    public async Task ApiReferenceAndJobDashboard_UnderTheirContentSecurityPolicy_StillServeTheirPagesAndScripts()
    {
        var admin = Host.ClientFor("admin");

        var scalar = await admin.GetAsync("/scalar/v1");
        var scalarHtml = await scalar.Content.ReadAsStringAsync();
        var scalarAssets = await Task.WhenAll(ScriptsAndStyles(scalarHtml).Select(src => admin.GetAsync(new Uri(new Uri("http://localhost/scalar/v1"), src))));
        var openApi = await admin.GetAsync("/openapi/v1.json");
        var dashboard = await admin.GetAsync("/hangfire");
        var dashboardHtml = await dashboard.Content.ReadAsStringAsync();
        var dashboardAssets = await Task.WhenAll(ScriptsAndStyles(dashboardHtml).Select(src => admin.GetAsync(new Uri(new Uri("http://localhost/hangfire/"), src))));
        var policy = scalar.Headers.GetValues("Content-Security-Policy").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scalar.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(scalarHtml, Does.Contain("<script"));
            Assert.That(scalarAssets, Is.Not.Empty);
            Assert.That(scalarAssets.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(openApi.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(dashboard.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(dashboardAssets, Is.Not.Empty);
            Assert.That(dashboardAssets.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));

            // Every script and style the pages load comes from the host itself, which the page policy allows ('self').
            Assert.That(ScriptsAndStyles(scalarHtml).Concat(ScriptsAndStyles(dashboardHtml)), Has.None.StartWith("http"));
            Assert.That(policy, Does.Contain("default-src 'self'").And.Contain("connect-src 'self'"));
        }
    }

    [Test]
    public async Task RequestBody_OverTheLimit_IsRefusedWith413ProblemDetailsWhetherOrNotItsLengthIsDeclared()
    {
        var inspection = await NewInspection(Org.Bureau);
        var path = $"/api/inspections/{inspection.Id}/problems";
        var huge = "{\"title\":\"" + new string('x', 1_200_000) + "\"}";
        var group = Host.ClientFor("group", "en");

        var declared = await group.PostAsync(path, new StringContent(huge, Encoding.UTF8, "application/json"));
        var chunked = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var undeclared = await group.PostAsync(path, chunked);
        var justUnder = await group.PostAsync(path, new StringContent("{\"title\":\"" + new string('x', 900_000) + "\"}", Encoding.UTF8, "application/json"));

        using (Assert.EnterMultipleScope())
        {
            foreach (var response in new[] { declared, undeclared })
            {
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
                Assert.That((string?)body["code"], Is.EqualTo("request.too-large"));
            }

            // Under the limit the request reaches validation, which refuses a 900 KB title on its own terms.
            Assert.That(justUnder.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Host.Query(db => db.Problems.CountAsync(p => p.InspectionId == inspection.Id)), Is.Zero);
        }
    }

    [Test]
    public async Task Api_WhenAUserExceedsTheRateLimit_Answers429ProblemDetailsForThatUserOnly()
    {
        await using var limited = Host.WithWebHostBuilder(b => b.UseSetting("RateLimiting:PermitsPerMinute", "3"));
        HttpClient ClientFor(string user)
        {
            var client = limited.CreateClient();
            client.DefaultRequestHeaders.Add(DemoHeaderAuthentication.Header, user);
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
            return client;
        }

        var office = ClientFor("office");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await office.GetAsync("/api/me")).StatusCode);
        }

        var refused = await office.GetAsync("/api/problems");
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        var otherUser = await ClientFor("group").GetAsync("/api/me");
        var health = await office.GetAsync("/health");

        await using var unlimited = Host.WithWebHostBuilder(b => b.UseSetting("RateLimiting:PermitsPerMinute", "1").UseSetting("RateLimiting:Enabled", "false"));
        var free = unlimited.CreateClient();
        free.DefaultRequestHeaders.Add(DemoHeaderAuthentication.Header, "office");
        var unthrottled = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            unthrottled.Add((await free.GetAsync("/api/me")).StatusCode);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string?)body["code"], Is.EqualTo("request.rate-limited"));
            Assert.That((int?)body["status"], Is.EqualTo(429));
            Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
            Assert.That(refused.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(otherUser.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(unthrottled, Is.All.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task MalformedInput_OfAnyKind_IsA4xxProblemDetailsWithACodeAndNeverAServerErrorOrAStackTrace()
    {
        var inspection = await NewInspection(Org.Bureau);
        var (_, planId, problems) = await InRectification(Org.Bureau);
        var group = Host.ClientFor("group", "en");
        var liaison = Host.ClientFor("b1-liaison", "en");
        var problemsPath = $"/api/inspections/{inspection.Id}/problems";
        var deep = new string('[', 5000) + new string(']', 5000);
        var requests = new List<(HttpClient Client, HttpMethod Method, string Path, HttpContent? Content)>
        {
            (group, HttpMethod.Post, problemsPath, Json("{\"title\": 42, \"severity\": \"Catastrophic\"")),
            (group, HttpMethod.Post, problemsPath, Json("{\"title\":\"\\uD800\",\"description\":\"d\"}")),
            (group, HttpMethod.Post, problemsPath, new ByteArrayContent([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]) { Headers = { ContentType = new("application/json") } }),
            (group, HttpMethod.Post, problemsPath, Json(deep)),
            (group, HttpMethod.Post, problemsPath, Json("{\"title\":\"t\",\"description\":\"d\",\"category\":\"c\",\"severity\":1e999,\"facts\":\"f\",\"basis\":\"b\"}")),
            (group, HttpMethod.Post, problemsPath, Json("null")),
            (group, HttpMethod.Post, problemsPath, Json("")),
            (group, HttpMethod.Post, problemsPath, null),
            (group, HttpMethod.Post, problemsPath, new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded")),
            (group, HttpMethod.Post, problemsPath, new StringContent("<problem/>", Encoding.UTF8, "application/xml")),
            (group, HttpMethod.Put, problemsPath, Json("{}")),
            (group, HttpMethod.Get, $"/api/problems?page=abc&pageSize=-1", null),
            (group, HttpMethod.Get, $"/api/problems?state=" + new string('s', 20_000), null),
            (group, HttpMethod.Get, $"/api/problems?state=%00", null),
            (group, HttpMethod.Get, $"/api/problems?unitId=not-a-guid", null),
            (group, HttpMethod.Get, $"/api/clues?colour=Purple", null),
            (group, HttpMethod.Get, $"/api/plans/{planId}/diff?from=1&to=99999999999", null),
            (group, HttpMethod.Get, "/api/problems/not-a-guid", null),
            (liaison, HttpMethod.Post, $"/api/problems/{problems[0].Id}/progress", Json("{\"text\":\"t\",\"evidence\":[{\"fileName\":\"a\",\"sha256\":42}]}")),
            (liaison, HttpMethod.Post, $"/api/problems/{problems[0].Id}/progress", Json("{\"text\":\"t\",\"percent\":2147483648}")),
            (liaison, HttpMethod.Post, $"/api/problems/{problems[0].Id}/progress", Json("{\"text\":\"t\",\"expectedVersion\":\"one\"}")),
            (liaison, HttpMethod.Put, $"/api/plans/{planId}/lines/{problems[0].Id}", Json("{\"measures\":\"m\",\"responsibleLeader\":\"l\",\"responsibleDepartment\":\"d\",\"kind\":\"Forever\",\"deadline\":\"2026-02-30\"}")),
            (liaison, HttpMethod.Post, "/api/extensions", Json("{\"kind\":\"Inspection\",\"caseId\":\"" + Guid.NewGuid() + "\",\"newDeadline\":\"9999-12-31\",\"reason\":\"r\"}")),
        };

        var failures = new List<string>();
        foreach (var (client, method, path, content) in requests)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var body = ApiSurface.TryParse(text);
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json" || body?["code"] is null
                || text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add($"{method} {path[..Math.Min(path.Length, 80)]}: {status} {response.Content.Headers.ContentType?.MediaType} {text[..Math.Min(text.Length, 300)]}");
            }
        }

        Assert.That(failures, Is.Empty, () => string.Join("\n", failures));
    }

    [Test]
    public async Task ErrorArguments_NamedLikeProblemDetailsMembers_NeitherReplaceTheCodeNorRepeatAMember()
    {
        var inspection = await NewInspection(Org.Township);
        var (_, _, problems) = await InRectification(Org.Township);
        var group = Host.ClientFor("group", "en");
        var problem = new { title = "t", description = "d", category = "c", severity = "General", facts = "f", basis = "b", code = "T1-DUP-1" };
        await group.PostAsJsonAsync($"/api/inspections/{inspection.Id}/problems", problem);
        var taken = await group.PostAsJsonAsync($"/api/inspections/{inspection.Id}/problems", problem);
        var extension = Ok(await Host.Send<ExtensionDto>("t1-liaison", new RequestDeadlineExtension(Application.Messaging.TargetKind.Problem, problems[0].Id,
            problems[0].Deadline!.Value.AddDays(10), "协调")));
        Ok(await Host.Send<ExtensionDto>("office", new DecideDeadlineExtension(extension.Id, true, null)));
        var decided = await Host.ClientFor("office", "en").PostAsJsonAsync($"/api/extensions/{extension.Id}/decide", new { approve = true });

        var takenBody = ApiSurface.TryParse(await taken.Content.ReadAsStringAsync());
        var decidedBody = ApiSurface.TryParse(await decided.Content.ReadAsStringAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)takenBody?["code"], Is.EqualTo("problem.code-taken"));
            Assert.That((string?)takenBody?["argCode"], Is.EqualTo("T1-DUP-1"));
            Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(decidedBody, Is.Not.Null, "a member written twice");
            Assert.That((int?)decidedBody?["status"], Is.EqualTo(409));
            Assert.That((string?)decidedBody?["argStatus"], Is.EqualTo("Approved"));
            Assert.That((string?)decidedBody?["code"], Is.EqualTo("extension.already-decided"));
        }
    }

    [Test]
    public async Task NulCharacter_InAQueryOrAJsonString_IsRefusedBeforeTheDatabaseButAnEscapedBackslashIsPlainText()
    {
        var (_, _, problems) = await InRectification(Org.Bureau);
        var liaison = Host.ClientFor("b1-liaison", "en");
        var progress = $"/api/problems/{problems[0].Id}/progress";

        var query = await liaison.GetAsync("/api/problems?state=Closed%00");
        var body = await liaison.PostAsync(progress, Json("{\"text\":\"进展\\u0000\"}"));
        var text = await liaison.PostAsync(progress, Json("{\"text\":\"C:\\\\u0000 目录\"}"));
        var reports = await Host.Query(db => db.Problems.Include(p => p.Progress).SingleAsync(p => p.Id == problems[0].Id));

        using (Assert.EnterMultipleScope())
        {
            foreach (var refused in new[] { query, body })
            {
                Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That((string?)ApiSurface.TryParse(await refused.Content.ReadAsStringAsync())?["code"], Is.EqualTo("request.invalid-character"));
            }

            Assert.That(text.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reports.Progress.Select(r => r.Text), Is.EqualTo(new[] { "C:\\u0000 目录" }));
            Assert.That(HostHardening.HasEscapedNul("{\"a\":\"\\\\\\u0000\"}"u8), Is.True, "an escaped backslash, then an escaped NUL");
        }
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static IEnumerable<string> ScriptsAndStyles(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<(?:script[^>]*\\bsrc|link[^>]*\\bhref)=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value)
            .Where(src => !src.StartsWith("data:", StringComparison.Ordinal));

    /// <summary>A body whose length is not known in advance, as a chunked upload is.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
