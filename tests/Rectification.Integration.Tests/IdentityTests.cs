using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Rectification.Application.Administration.Accounts;
using Rectification.Domain.Auditing;
using Rectification.Infrastructure;
using Rectification.Web.Security;

namespace Rectification.Integration.Tests;

/// <summary>Local accounts through the real host: passwords, lockout, bearer tokens, the cookie, audit of every sign-in, and start-up refusals.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class IdentityTests(DatabaseProvider provider) : HostTest(provider)
{
    private static int accountNumber;

    /// <summary>A fresh account per test (lockout and password changes must not leak between tests): a new user in the bureau.</summary>
    private async Task<string> NewAccount()
    {
        var name = $"b1-account-{Interlocked.Increment(ref accountNumber)}";
        await Host.Query(async db =>
        {
            db.Users.Add(Domain.Organization.UserAccount.Create(Guid.CreateVersion7(), name, name, $"{name}@test.local", Domain.Organization.Role.UnitLiaison, Org.Bureau.Id));
            return await db.SaveChangesAsync();
        });
        await TestAccounts.CreateAsync(Host, name);
        return name;
    }

    private HttpClient Anonymous()
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> Post(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    private async Task<string> Token(string userName, string password = TestAccounts.Password)
    {
        var (status, body) = await Post(Anonymous(), "/api/account/token", new { userName, password });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), () => body?.ToJsonString() ?? "");
        return (string)body!["accessToken"]!;
    }

    private async Task<HttpStatusCode> Me(string? token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/me");
        return response.StatusCode;
    }

    private Task<List<AuditEntry>> SignIns(string userName) =>
        Host.Query(db => db.AuditEntries.AsNoTracking().Where(a => a.Command == RecordSignIn.Command && a.UserName == userName).OrderBy(a => a.Sequence).ToListAsync());

    [Test]
    public async Task Token_ForTheRightPassword_OpensTheApiAsThatUser_AndTheSignInIsAuditedInTheChain()
    {
        var name = await NewAccount();

        var token = await Token(name);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonObject>("/api/me");
        var audited = await SignIns(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)me!["userName"], Is.EqualTo(name));
            Assert.That((string?)me["role"], Is.EqualTo("UnitLiaison"));
            Assert.That((Guid?)me["unitId"], Is.EqualTo(Org.Bureau.Id));
            Assert.That(audited.Select(a => a.Trigger), Is.EqualTo(new[] { "Succeeded" }));
            Assert.That(audited[0].Sequence, Is.GreaterThan(0), "the entry joined the hash chain");
            Assert.That(audited[0].Hash, Has.Length.EqualTo(64));
            Assert.That(audited[0].Payload, Does.Contain("\"channel\":\"token\""));
        }

        var verify = await Host.ClientFor("admin").GetFromJsonAsync<JsonObject>("/api/admin/audit/verify");
        Assert.That((bool?)verify!["intact"], Is.True, () => "the chain stays intact with sign-in entries: " + verify.ToJsonString());
    }

    [Test]
    public async Task WrongPassword_OrUnknownUser_IsRefusedAlike_AndAudited()
    {
        var name = await NewAccount();

        var wrong = await Post(Anonymous(), "/api/account/token", new { userName = name, password = "Not-The-Password-1" });
        var unknown = await Post(Anonymous(), "/api/account/token", new { userName = "nobody-at-all", password = "Not-The-Password-1" });
        var empty = await Post(Anonymous(), "/api/account/token", new { userName = "", password = "" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrong.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)wrong.Body!["code"], Is.EqualTo("account.sign-in-failed"));
            Assert.That((string?)wrong.Body!["title"], Is.EqualTo("Sign-in failed"));
            Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(unknown.Body!.ToJsonString().Replace("nobody-at-all", name, StringComparison.Ordinal), Does.Not.Contain("nobody"));
            Assert.That((string?)unknown.Body!["code"], Is.EqualTo("account.sign-in-failed"));
            Assert.That((string?)wrong.Body!["detail"], Is.EqualTo((string?)unknown.Body!["detail"]));
            Assert.That(empty.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await SignIns(name)).Select(a => a.Trigger), Is.EqualTo(new[] { "Failed" }));
            Assert.That((await SignIns("nobody-at-all")).Select(a => (a.Trigger, a.UserId)), Is.EqualTo(new[] { ("Failed", (Guid?)null) }));
        }
    }

    [Test]
    public async Task RepeatedFailures_LockTheAccount_SoThatEvenTheRightPasswordIsRefused()
    {
        var name = await NewAccount();
        var answers = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((string?)(await Post(Anonymous(), "/api/account/token", new { userName = name, password = $"Wrong-Password-{i}" })).Body!["code"]);
        }

        var right = await Post(Anonymous(), "/api/account/token", new { userName = name, password = TestAccounts.Password });
        var form = await Post(Anonymous(), "/api/account/sign-in", new { userName = name, password = TestAccounts.Password });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers, Is.EqualTo(Enumerable.Repeat("account.sign-in-failed", 5)));
            Assert.That(right.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(form.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)right.Body!["detail"], Does.Contain("locked for 15 minutes"), "the one text names every cause, lockout included");
            Assert.That((await SignIns(name)).Select(a => a.Trigger), Is.EqualTo(new[] { "Failed", "Failed", "Failed", "Failed", "LockedOut", "LockedOut", "LockedOut" }),
                "the audit keeps the true outcome");
        }
    }

    [Test]
    public async Task SignIn_OfALockedAccount_AnswersByteForByteLikeAnUnknownNameAndAWrongPassword()
    {
        var name = await NewAccount();
        var wrong = await RawPost("/api/account/token", new { userName = name, password = "Wrong-Password-0" });
        for (var i = 1; i < 5; i++)
        {
            await RawPost("/api/account/token", new { userName = name, password = $"Wrong-Password-{i}" });
        }

        var locked = await RawPost("/api/account/token", new { userName = name, password = TestAccounts.Password });
        var lockedCookie = await RawPost("/api/account/sign-in", new { userName = name, password = TestAccounts.Password });
        var unknown = await RawPost("/api/account/token", new { userName = "nobody-" + name, password = TestAccounts.Password });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { wrong.Status, locked.Status, lockedCookie.Status, unknown.Status }, Is.All.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(locked.Body, Is.EqualTo(unknown.Body));
            Assert.That(locked.Body, Is.EqualTo(wrong.Body));
            Assert.That(lockedCookie.Body, Is.EqualTo(unknown.Body));
            Assert.That(unknown.Body, Does.Contain("\"code\":\"account.sign-in-failed\"").And.Contain("\"title\":\"Sign-in failed\""));
            Assert.That((await SignIns(name)).Select(a => a.Trigger).Last(), Is.EqualTo("LockedOut"));
        }
    }

    /// <summary>The answer's text with the request's trace id (the one part that differs between any two answers) taken out.</summary>
    private async Task<(HttpStatusCode Status, string Body)> RawPost(string path, object body)
    {
        using var response = await Anonymous().PostAsJsonAsync(path, body);
        return (response.StatusCode, Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\",?", ""));
    }

    [Test]
    public async Task Token_WithoutTheSecurityStamp_OrWithAnotherOne_IsRefused()
    {
        var name = await NewAccount();
        var userId = await ApiSurface.UserIdAsync(Host, name);
        var stamp = await Host.Query(db => db.Accounts.Where(a => a.Id == userId).Select(a => a.SecurityStamp).SingleAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Me(SignedToken(userId, name, stamp)), Is.EqualTo(HttpStatusCode.OK), "the host's key with the account's stamp");
            Assert.That(await Me(SignedToken(userId, name, stamp: null)), Is.EqualTo(HttpStatusCode.Unauthorized), "no stamp claim");
            Assert.That(await Me(SignedToken(userId, name, "")), Is.EqualTo(HttpStatusCode.Unauthorized), "an empty stamp");
            Assert.That(await Me(SignedToken(userId, name, "ANOTHER-STAMP")), Is.EqualTo(HttpStatusCode.Unauthorized), "another stamp");
        }
    }

    /// <summary>A token signed with the host's own key, as only a holder of the key could make it.</summary>
    private string SignedToken(Guid userId, string name, string? stamp)
    {
        var claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["name"] = name };
        if (stamp is not null)
        {
            claims[AccountPrincipals.StampClaim] = stamp;
        }

        var now = Host.Clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "rectification",
            Audience = "rectification-api",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestHost.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    [Test]
    public async Task Token_PastItsExpiry_IsAcceptedFor30SecondsOfClockSkew_AndNoLonger()
    {
        var name = await NewAccount();
        var token = await Token(name);

        Host.Clock.Advance(TimeSpan.FromMinutes(60) + TimeSpan.FromSeconds(20));
        try
        {
            var twentySecondsLate = await Me(token);
            Host.Clock.Advance(TimeSpan.FromSeconds(20));
            var fortySecondsLate = await Me(token);

            Assert.That((twentySecondsLate, fortySecondsLate), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.Unauthorized)));
        }
        finally
        {
            Host.Clock.Advance(-(TimeSpan.FromMinutes(60) + TimeSpan.FromSeconds(40)));
        }
    }

    [Test]
    public async Task Token_WhenForgedTamperedOrExpired_IsRefused()
    {
        var name = await NewAccount();
        var token = await Token(name);
        var userId = await ApiSurface.UserIdAsync(Host, name);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "rectification",
            Audience = "rectification-api",
            Expires = Host.Clock.GetUtcNow().UtcDateTime.AddHours(1),
            NotBefore = Host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
            Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["name"] = name },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-that-is-long-enough-0123456789")), SecurityAlgorithms.HmacSha256),
        });
        var parts = token.Split('.');
        var tampered = parts[0] + "." + Base64UrlEncoder.Encode(Base64UrlEncoder.Decode(parts[1]).Replace(name, "admin", StringComparison.Ordinal)) + "." + parts[2];
        var unsigned = parts[0].Length > 0 ? Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "." : "";

        Assert.That(await Me(token), Is.EqualTo(HttpStatusCode.OK));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Me(forged), Is.EqualTo(HttpStatusCode.Unauthorized), "signed with another key");
            Assert.That(await Me(tampered), Is.EqualTo(HttpStatusCode.Unauthorized), "payload changed after signing");
            Assert.That(await Me(unsigned), Is.EqualTo(HttpStatusCode.Unauthorized), "alg none");
            Assert.That(await Me("not-a-token"), Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        Host.Clock.Advance(TimeSpan.FromMinutes(61));
        try
        {
            Assert.That(await Me(token), Is.EqualTo(HttpStatusCode.Unauthorized), "expired an hour after issue");
        }
        finally
        {
            Host.Clock.Advance(TimeSpan.FromMinutes(-61));
        }
    }

    [Test]
    public async Task CookieSignIn_OpensTheApi_UntilSignOut()
    {
        var name = await NewAccount();
        var browser = Anonymous();

        var signIn = await browser.PostAsJsonAsync("/api/account/sign-in", new { userName = name, password = TestAccounts.Password });
        var cookie = signIn.Headers.TryGetValues("Set-Cookie", out var cookies) ? string.Join(";", cookies) : "";
        var meSignedIn = await browser.GetAsync("/api/me");
        var antiforgery = await browser.GetFromJsonAsync<JsonObject>("/api/account/antiforgery");
        using var signOutRequest = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-out");
        signOutRequest.Headers.Add((string)antiforgery!["headerName"]!, (string)antiforgery["token"]!);
        var signOut = await browser.SendAsync(signOutRequest);
        var meSignedOut = await browser.GetAsync("/api/me");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(cookie, Does.Contain("rectification.auth=").And.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
            Assert.That(meSignedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(meSignedOut.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await SignIns(name)).Single().Payload, Does.Contain("\"channel\":\"cookie\""));
        }
    }

    [Test]
    public async Task ChangePassword_NeedsTheCurrentOne_FollowsTheRules_AndReplacesIt()
    {
        var name = await NewAccount();
        var client = Anonymous();
        var before = await Token(name);
        var cookieSession = Anonymous();
        await cookieSession.PostAsJsonAsync("/api/account/sign-in", new { userName = name, password = TestAccounts.Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", before);
        const string next = "Second-Horse-8-Battery";

        var wrongCurrent = await Post(client, "/api/account/password", new { currentPassword = "Not-The-Password-1", newPassword = next });
        var tooWeak = await Post(client, "/api/account/password", new { currentPassword = TestAccounts.Password, newPassword = "short" });
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        var tooWeakZh = await Post(client, "/api/account/password", new { currentPassword = TestAccounts.Password, newPassword = "short" });
        var changed = await Post(client, "/api/account/password", new { currentPassword = TestAccounts.Password, newPassword = next });
        var oldOne = await Post(Anonymous(), "/api/account/token", new { userName = name, password = TestAccounts.Password });
        var newOne = await Post(Anonymous(), "/api/account/token", new { userName = name, password = next });
        var audited = await Host.Query(db => db.AuditEntries.CountAsync(a => a.Command == "ChangeOwnPassword" && a.UserName == name));
        var oldToken = await Me(before);
        var oldCookie = (await cookieSession.GetAsync("/api/me")).StatusCode;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((wrongCurrent.Status, (string?)wrongCurrent.Body!["code"]), Is.EqualTo((HttpStatusCode.BadRequest, "account.password-mismatch")));
            Assert.That((tooWeak.Status, (string?)tooWeak.Body!["code"]), Is.EqualTo((HttpStatusCode.BadRequest, "account.password-rejected")));
            Assert.That((string?)tooWeak.Body!["detail"], Does.Contain("at least 12 characters"));
            Assert.That((string?)tooWeakZh.Body!["detail"], Does.Contain("密码至少 12 个字符"));
            Assert.That(changed.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(oldOne.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(newOne.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(audited, Is.EqualTo(1));
            Assert.That(oldToken, Is.EqualTo(HttpStatusCode.Unauthorized), "a token issued before the change");
            Assert.That(oldCookie, Is.EqualTo(HttpStatusCode.Unauthorized), "a session signed in before the change");
        }
    }

    [Test]
    public async Task SignInEndpoints_HaveAStricterRateLimitThanTheApi()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new TestHost(database.Options, new Dictionary<string, string?> { ["RateLimiting:SignInPermitsPerMinute"] = "3" });
        var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/account/token", new { userName = "someone", password = "Wrong-Password-1" })).StatusCode);
        }

        var api = await client.GetAsync("/api/lifecycles");

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the API's own limit is untouched: it answers (sign-in required), not 429");
    }

    [Test]
    public async Task SignIn_ForOneName_FromManyAddresses_IsLimitedPerName()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new TestHost(database.Options, new Dictionary<string, string?> { ["RateLimiting:SignInPermitsPerAccountPerMinute"] = "3" });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5; i++)
        {
            refused = await FromAddress(host, $"203.0.113.{i + 1}", "/api/account/token", new { userName = "someone", password = "Wrong-Password-1" });
            statuses.Add(refused.StatusCode);
        }

        var otherCase = await FromAddress(host, "203.0.113.50", "/api/account/sign-in", new { userName = "SOMEONE", password = "Wrong-Password-1" });
        var otherName = await FromAddress(host, "203.0.113.51", "/api/account/token", new { userName = "someone-else", password = "Wrong-Password-1" });
        var problem = JsonNode.Parse(await refused!.Content.ReadAsStringAsync())!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }));
            Assert.That((string?)problem["code"], Is.EqualTo("request.rate-limited"));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(otherCase.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the name is compared as Identity compares it");
            Assert.That(otherName.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another name has its own budget");
            Assert.That(await host.Query(db => db.AuditEntries.CountAsync(a => a.Command == RecordSignIn.Command)), Is.EqualTo(4), "a refused attempt tries no password");
        }
    }

    [Test]
    public async Task SignInLimitPerAddress_CountsTheAddressTheProxyForwards_AndTheAuditRecordsIt()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new TestHost(database.Options, new Dictionary<string, string?> { ["RateLimiting:SignInPermitsPerMinute"] = "2" });
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            first.Add((await FromAddress(host, "203.0.113.7", "/api/account/token", new { userName = $"name-{i}", password = "Wrong-Password-1" })).StatusCode);
        }

        var second = await FromAddress(host, "198.51.100.9", "/api/account/token", new { userName = "name-9", password = "Wrong-Password-1" });
        var payload = await host.Query(db => db.AuditEntries.Where(a => a.Command == RecordSignIn.Command && a.UserName == "name-9").Select(a => a.Payload).SingleAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another client behind the same proxy has its own budget");
            Assert.That(payload, Does.Contain("\"address\":\"198.51.100.9\""));
        }
    }

    /// <summary>A request as the trusted proxy in front of the host would pass it on for a client at <paramref name="address"/>.</summary>
    private static async Task<HttpResponseMessage> FromAddress(TestHost host, string address, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", address);
        return await host.CreateClient().SendAsync(request);
    }

    [TestCase("", "No authentication scheme is configured for Production")]
    [TestCase("too-short-a-key", "must be at least 32 bytes")]
    public async Task Production_WithoutARealScheme_RefusesToStart(string key, string message)
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new TestHost(database.Options, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Authentication:Jwt:SigningKey"] = key,
        });

        var refusal = Assert.Catch(() => _ = host.Services);
        var messages = new List<string>();
        for (var e = refusal; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        Assert.That(messages, Has.Some.Contains(message));
    }
}
