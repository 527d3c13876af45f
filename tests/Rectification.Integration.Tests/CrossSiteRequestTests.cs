using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Identity;
using Rectification.Web.Security;

namespace Rectification.Integration.Tests;

/// <summary>
/// Cross-site request forgery through the real host: a state-changing request the sign-in cookie authenticates is refused when
/// another site sent it or when it lacks the antiforgery token; this site's pages and scripts carry the token; bearer calls are not concerned.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed partial class CrossSiteRequestTests(DatabaseProvider provider) : HostTest(provider)
{
    private const string Evil = "https://evil.example";
    private static int number;

    [OneTimeSetUp]
    public Task GiveTheAdministratorAPassword() => TestAccounts.CreateAsync(Host, "admin");

    /// <summary>A browser session of the administrator: the cookie (and the antiforgery cookie) kept by the client.</summary>
    private async Task<HttpClient> AdminBrowser(string language = "en")
    {
        var browser = Host.CreateClient();
        browser.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var signIn = await browser.PostAsJsonAsync("/api/account/sign-in", new { userName = "admin", password = TestAccounts.Password });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        return browser;
    }

    private static async Task<string> Token(HttpClient browser)
    {
        var body = await browser.GetFromJsonAsync<JsonObject>("/api/account/antiforgery");
        Assert.That((string?)body!["headerName"], Is.EqualTo("RequestVerificationToken"));
        return (string)body["token"]!;
    }

    /// <summary>A bureau user with a local account, the target of the administrator's disable.</summary>
    private async Task<Guid> NewAccount()
    {
        var name = $"b1-csrf-{Interlocked.Increment(ref number)}";
        var id = Guid.CreateVersion7();
        await Host.Query(async db =>
        {
            db.Users.Add(Domain.Organization.UserAccount.Create(id, name, name, $"{name}@test.local", Domain.Organization.Role.UnitLiaison, Org.Bureau.Id));
            return await db.SaveChangesAsync();
        });
        await TestAccounts.CreateAsync(Host, name);
        return id;
    }

    private Task<bool> IsDisabled(Guid id) => Host.Query(async db => AccountStatus.IsDisabled(await db.Accounts.Where(a => a.Id == id).Select(a => a.LockoutEnd).SingleAsync()));

    private static async Task<(HttpStatusCode Status, string? Code, string? Detail)> Send(HttpClient client, string path, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var body = ApiSurface.TryParse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, (string?)body?["code"], (string?)body?["detail"]);
    }

    [Test]
    public async Task Post_WhenCookieAuthenticatedFromForeignOrigin_IsRefusedAndChangesNothing()
    {
        var browser = await AdminBrowser();
        var token = await Token(browser);
        var target = await NewAccount();
        var path = $"/api/admin/accounts/{target}/disable";

        // Even with a valid token (a page of the other site cannot read it, but it must not matter), the origin alone refuses.
        var noBody = await Send(browser, path, null, ("Origin", Evil), (CrossSiteRequests.HeaderName, token));
        var json = await Send(browser, path, JsonContent.Create(new { }), ("Origin", Evil));
        var fetchMetadata = await Send(browser, path, null, ("Sec-Fetch-Site", "cross-site"), (CrossSiteRequests.HeaderName, token));
        var sibling = await Send(browser, path, null, ("Sec-Fetch-Site", "same-site"), ("Origin", "http://other.localhost"), (CrossSiteRequests.HeaderName, token));
        var opaque = await Send(browser, path, null, ("Origin", "null"), (CrossSiteRequests.HeaderName, token));
        var zh = await Send(await AdminBrowser("zh-CN"), path, null, ("Origin", Evil));

        using (Assert.EnterMultipleScope())
        {
            foreach (var answer in new[] { noBody, json, fetchMetadata, sibling, opaque })
            {
                Assert.That((answer.Status, answer.Code), Is.EqualTo((HttpStatusCode.Forbidden, "request.cross-site")));
            }

            Assert.That(noBody.Detail, Is.EqualTo("Refused a request from another site: a change made with the sign-in cookie must come from this system's own pages."));
            Assert.That(zh.Detail, Is.EqualTo("拒绝来自其他网站的请求：使用登录 Cookie 的修改操作只能由本系统的页面发出。"));
            Assert.That(await IsDisabled(target), Is.False);
            Assert.That(await Host.Query(db => db.AuditEntries.CountAsync(a => a.Command == "DisableAccount" && a.EntityId == target)), Is.Zero);
        }
    }

    [Test]
    public async Task Post_WhenCookieAuthenticatedWithoutAValidAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var browser = await AdminBrowser();
        var target = await NewAccount();
        var path = $"/api/admin/accounts/{target}/disable";
        var otherSession = await Token(await AdminBrowser());

        var noBody = await Send(browser, path, null);
        var json = await Send(browser, path, JsonContent.Create(new { }));
        var sameOriginButNoToken = await Send(browser, path, null, ("Origin", "http://localhost"), ("Sec-Fetch-Site", "same-origin"));
        var forged = await Send(browser, path, null, (CrossSiteRequests.HeaderName, "CfDJ8-not-a-token"));
        var anotherSessionsToken = await Send(browser, path, null, (CrossSiteRequests.HeaderName, otherSession));
        var signOut = await Send(browser, "/api/account/sign-out", null);
        var stillSignedIn = await browser.GetAsync("/api/me");

        using (Assert.EnterMultipleScope())
        {
            foreach (var answer in new[] { noBody, json, sameOriginButNoToken, forged, anotherSessionsToken, signOut })
            {
                Assert.That((answer.Status, answer.Code), Is.EqualTo((HttpStatusCode.BadRequest, "request.antiforgery-token-invalid")));
            }

            Assert.That(noBody.Detail, Is.EqualTo("A valid antiforgery token is missing: a change made with the sign-in cookie must carry the token in the RequestVerificationToken header (from GET /api/account/antiforgery)."));
            Assert.That(stillSignedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "sign-out without the token did not sign out");
            Assert.That(await IsDisabled(target), Is.False);
        }
    }

    [Test]
    public async Task Post_WhenCookieAuthenticatedFromThisSiteWithTheToken_IsAccepted()
    {
        var browser = await AdminBrowser();
        var token = await Token(browser);
        var target = await NewAccount();

        var disabled = await Send(browser, $"/api/admin/accounts/{target}/disable", null,
            ("Origin", "http://localhost"), ("Sec-Fetch-Site", "same-origin"), (CrossSiteRequests.HeaderName, token));
        // What Chromium sends for this site's own posts under its Referrer-Policy (no-referrer): the fetch metadata decides.
        var enabled = await Send(browser, $"/api/admin/accounts/{target}/enable", null,
            ("Origin", "null"), ("Sec-Fetch-Site", "same-origin"), (CrossSiteRequests.HeaderName, token));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(disabled.Status, Is.EqualTo(HttpStatusCode.OK), disabled.Detail);
            Assert.That(enabled.Status, Is.EqualTo(HttpStatusCode.OK), enabled.Detail);
            Assert.That(await Host.Query(db => db.AuditEntries.Where(a => a.EntityId == target && a.EntityType == "Account" && a.Command != "Account.SignIn")
                .OrderBy(a => a.Sequence).Select(a => a.Command).ToListAsync()), Is.EqualTo(new[] { "DisableAccount", "EnableAccount" }));
        }
    }

    [Test]
    public async Task Page_WhenSignedIn_ExposesTheAntiforgeryTokenInAMetaTag_ThatTheApiAccepts()
    {
        var browser = await AdminBrowser();
        var target = await NewAccount();

        var page = await browser.GetStringAsync("/");
        var token = MetaToken().Match(page).Groups[1].Value;
        var enabled = await Send(browser, $"/api/admin/accounts/{target}/enable", null, (CrossSiteRequests.HeaderName, token));
        var signOut = await Send(browser, "/api/account/sign-out", null, (CrossSiteRequests.HeaderName, token));
        var signedOut = await browser.GetAsync("/api/me");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token, Does.StartWith("CfDJ8"));
            Assert.That(enabled.Status, Is.EqualTo(HttpStatusCode.OK), enabled.Detail);
            Assert.That(signOut.Status, Is.EqualTo(HttpStatusCode.NoContent), signOut.Detail);
            Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task Post_WithABearerToken_FromAnyOriginAndWithoutAntiforgeryToken_IsUnaffected()
    {
        var target = await NewAccount();
        var anonymous = Host.CreateClient();
        var issued = await (await anonymous.PostAsJsonAsync("/api/account/token", new { userName = "admin", password = TestAccounts.Password })).Content.ReadFromJsonAsync<JsonObject>();
        var api = Host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)issued!["accessToken"]!);

        var disabled = await Send(api, $"/api/admin/accounts/{target}/disable", null, ("Origin", Evil), ("Sec-Fetch-Site", "cross-site"));

        Assert.That(disabled.Status, Is.EqualTo(HttpStatusCode.OK), disabled.Detail);
        Assert.That(await IsDisabled(target), Is.True);
    }

    [Test]
    public async Task CookieSignIn_FromForeignOrigin_IsRefusedAndSetsNoCookie()
    {
        var browser = Host.CreateClient();
        browser.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in") { Content = JsonContent.Create(new { userName = "admin", password = TestAccounts.Password }) };
        request.Headers.Add("Origin", Evil);
        using var response = await browser.SendAsync(request);
        var me = await browser.GetAsync("/api/me");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string?)ApiSurface.TryParse(await response.Content.ReadAsStringAsync())?["code"], Is.EqualTo("request.cross-site"));
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}
