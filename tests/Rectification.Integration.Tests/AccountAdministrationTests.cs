using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Administration.Accounts;
using Rectification.Domain.Auditing;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// Account administration through the real host: an administrator creates, lists, unlocks, resets and disables accounts within
/// their unit and below, and every change is an audit entry in the hash chain. The new accounts sign in with real passwords.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AccountAdministrationTests(DatabaseProvider provider) : HostTest(provider)
{
    private const string Password = "Day-One-Password-42";
    private static int number;

    [OneTimeSetUp]
    public Task AddUnitAdministrators() => ApiSurface.AddRoleUsersAsync(Host, Org.Bureau, Org.Hospital);

    private HttpClient As(string userName) => Host.ClientFor(userName, "en");

    private HttpClient Anonymous(string? token = null)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> Send(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var message = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    private static Task<(HttpStatusCode Status, JsonNode? Body)> Post(HttpClient client, string path, object? body = null) => Send(client, HttpMethod.Post, path, body);

    private static object NewBody(Guid unitId, string userName, string password = Password, string role = "UnitLiaison") =>
        new { userName, displayName = "新账户 " + userName, role, email = $"{userName}@test.local", preferredLanguage = "zh-CN", unitId, password };

    /// <summary>Creates an account through the API as the given administrator and answers its id and user name.</summary>
    private async Task<(Guid Id, string UserName)> Create(string admin, Domain.Organization.Unit unit, string role = "UnitLiaison")
    {
        var name = $"acct-{Interlocked.Increment(ref number)}";
        var (status, body) = await Post(As(admin), "/api/admin/accounts", NewBody(unit.Id, name, role: role));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), () => body?.ToJsonString() ?? "");
        return ((Guid)body!["id"]!, name);
    }

    private async Task<(HttpStatusCode Status, string? Code, string? Token)> SignIn(string userName, string password = Password)
    {
        var (status, body) = await Post(Anonymous(), "/api/account/token", new { userName, password });
        return (status, (string?)body?["code"], status == HttpStatusCode.OK ? (string?)body!["accessToken"] : null);
    }

    private async Task<HttpStatusCode> Me(string token)
    {
        using var response = await Anonymous(token).GetAsync("/api/me");
        return response.StatusCode;
    }

    private async Task<JsonObject?> Listed(string admin, Guid id) =>
        (await As(admin).GetFromJsonAsync<JsonArray>("/api/admin/accounts"))!.OfType<JsonObject>().FirstOrDefault(a => (Guid?)a["id"] == id);

    private Task<List<AuditEntry>> Audited(Guid accountId) =>
        Host.Query(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Account" && a.EntityId == accountId && a.Command != RecordSignIn.Command)
            .OrderBy(a => a.Sequence).ToListAsync());

    private async Task AssertChainIntact()
    {
        var verify = await As("admin").GetFromJsonAsync<JsonObject>("/api/admin/audit/verify");
        Assert.That((bool?)verify!["intact"], Is.True, () => verify.ToJsonString());
    }

    [Test]
    public async Task Create_GivesAUserWithAnAccount_ThatSignsInWithItsPassword_AndIsListedAndAudited()
    {
        var (id, name) = await Create("b1-admin", Org.Bureau);

        var (status, _, token) = await SignIn(name);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var client = Anonymous(token);
        var me = await client.GetFromJsonAsync<JsonObject>("/api/me");
        var listed = await Listed("b1-admin", id);
        var audited = await Audited(id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)me!["userName"], Is.EqualTo(name));
            Assert.That((string?)me["role"], Is.EqualTo("UnitLiaison"));
            Assert.That((Guid?)me["unitId"], Is.EqualTo(Org.Bureau.Id));
            Assert.That(listed, Is.Not.Null);
            Assert.That((bool?)listed!["disabled"], Is.False);
            Assert.That((bool?)listed["lockedOut"], Is.False);
            Assert.That((string?)listed["preferredLanguage"], Is.EqualTo("zh-CN"));
            Assert.That(listed["lastSignInAt"]?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.String), "the last sign-in comes from the audit chain");
            Assert.That(audited.Select(a => a.Command), Is.EqualTo(new[] { "CreateAccount" }));
            Assert.That(audited[0].UserName, Is.EqualTo("b1-admin"));
            Assert.That(audited[0].Sequence, Is.GreaterThan(0));
            Assert.That(audited[0].Payload, Does.Not.Contain(Password), "the password is never audited");
        }

        await AssertChainIntact();
    }

    [Test]
    public async Task Create_RefusesAWeakPassword_ATakenName_AndTheSystemRole_WithoutCreatingAnything()
    {
        var name = $"acct-weak-{Interlocked.Increment(ref number)}";
        var weak = await Post(As("b1-admin"), "/api/admin/accounts", NewBody(Org.Bureau.Id, name, "short1"));
        var system = await Post(As("b1-admin"), "/api/admin/accounts", NewBody(Org.Bureau.Id, name, role: "System"));
        var taken = await Post(As("b1-admin"), "/api/admin/accounts", NewBody(Org.Bureau.Id, "b1-liaison"));
        var exists = await Host.Query(db => db.Users.AnyAsync(u => u.UserName == name));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(weak.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)weak.Body!["code"], Is.EqualTo("account.password-rejected"));
            Assert.That((string?)weak.Body["detail"], Does.Contain("at least 12 characters"));
            Assert.That(system.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(taken.Status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)taken.Body!["code"], Is.EqualTo("account.user-name-taken"));
            Assert.That(exists, Is.False);
            Assert.That((await SignIn(name, "short1")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task OtherRoles_AreRefused_403()
    {
        var (id, _) = await Create("b1-admin", Org.Bureau);
        var answers = new List<HttpStatusCode>
        {
            (await Send(As("b1-liaison"), HttpMethod.Get, "/api/admin/accounts")).Status,
            (await Post(As("b1-leader"), "/api/admin/accounts", NewBody(Org.Bureau.Id, "acct-by-leader"))).Status,
            (await Post(As("office"), $"/api/admin/accounts/{id}/unlock")).Status,
            (await Post(As("b1-office"), $"/api/admin/accounts/{id}/password", new { newPassword = "Another-Password-77" })).Status,
            (await Post(As("b1-leadership"), $"/api/admin/accounts/{id}/disable")).Status,
            (await Post(As("b1-liaison"), $"/api/admin/accounts/{id}/enable")).Status,
        };

        Assert.That(answers, Is.All.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await Audited(id), Has.Count.EqualTo(1), "only the creation");
    }

    [Test]
    public async Task AnotherUnitsAccount_AnswersLikeAMissingOne()
    {
        var (foreign, foreignName) = await Create("h1-admin", Org.Hospital);
        var missing = Guid.NewGuid();

        foreach (var action in new[] { "unlock", "disable", "enable", "password" })
        {
            var body = action == "password" ? new { newPassword = "Another-Password-77" } : null;
            var other = await Post(As("b1-admin"), $"/api/admin/accounts/{foreign}/{action}", body);
            var none = await Post(As("b1-admin"), $"/api/admin/accounts/{missing}/{action}", body);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(other.Status, Is.EqualTo(HttpStatusCode.NotFound), action);
                Assert.That((string?)other.Body!["code"], Is.EqualTo("not-found"));
                Assert.That((string?)other.Body["entity"], Is.EqualTo((string?)none.Body!["entity"]));
                Assert.That(other.Body.ToJsonString(), Does.Not.Contain(foreignName));
            }
        }

        var createThere = await Post(As("b1-admin"), "/api/admin/accounts", NewBody(Org.Hospital.Id, $"acct-there-{Interlocked.Increment(ref number)}"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(createThere.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await Listed("b1-admin", foreign), Is.Null);
            Assert.That(await Listed("h1-admin", foreign), Is.Not.Null);
            Assert.That(await Listed("admin", foreign), Is.Not.Null, "the city's administrator sees every unit below");
            Assert.That((await SignIn(foreignName)).Status, Is.EqualTo(HttpStatusCode.OK), "nothing changed");
            Assert.That((await Audited(foreign)).Select(a => a.Command), Is.EqualTo(new[] { "CreateAccount" }));
        }
    }

    [Test]
    public async Task Unlock_AfterLockout_LetsTheRightPasswordInAgain()
    {
        var (id, name) = await Create("b1-admin", Org.Bureau);
        for (var i = 0; i < 5; i++)
        {
            await SignIn(name, $"Wrong-Password-{i}");
        }

        var locked = await SignIn(name);
        var listedLocked = await Listed("b1-admin", id);
        var unlock = await Post(As("b1-admin"), $"/api/admin/accounts/{id}/unlock");
        var after = await SignIn(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(locked.Code, Is.EqualTo("account.sign-in-failed"), "a locked account answers like a wrong password");
            Assert.That((bool?)listedLocked!["lockedOut"], Is.True);
            Assert.That((bool?)listedLocked["disabled"], Is.False);
            Assert.That(unlock.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((bool?)unlock.Body!["lockedOut"], Is.False);
            Assert.That(after.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Audited(id)).Select(a => a.Command), Is.EqualTo(new[] { "CreateAccount", "UnlockAccount" }));
        }
    }

    [Test]
    public async Task ResetPassword_EndsTheOldToken_AndOnlyTheNewPasswordSignsIn()
    {
        var (id, name) = await Create("b1-admin", Org.Bureau);
        var old = (await SignIn(name)).Token!;
        Assert.That(await Me(old), Is.EqualTo(HttpStatusCode.OK));

        var weak = await Post(As("b1-admin"), $"/api/admin/accounts/{id}/password", new { newPassword = "weak" });
        var reset = await Post(As("b1-admin"), $"/api/admin/accounts/{id}/password", new { newPassword = "Reset-Password-2026" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(weak.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)weak.Body!["code"], Is.EqualTo("account.password-rejected"));
            Assert.That(reset.Status, Is.EqualTo(HttpStatusCode.OK), () => reset.Body?.ToJsonString() ?? "");
            Assert.That(await Me(old), Is.EqualTo(HttpStatusCode.Unauthorized), "the token issued before the reset");
            Assert.That((await SignIn(name)).Code, Is.EqualTo("account.sign-in-failed"));
            Assert.That((await SignIn(name, "Reset-Password-2026")).Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Audited(id)).Select(a => a.Command), Is.EqualTo(new[] { "CreateAccount", "ResetAccountPassword" }));
        }
    }

    [Test]
    public async Task Disable_RefusesSignInAndTheExistingToken_UntilEnabled()
    {
        var (id, name) = await Create("b1-admin", Org.Bureau);
        var token = (await SignIn(name)).Token!;

        var disable = await Post(As("b1-admin"), $"/api/admin/accounts/{id}/disable");
        var withToken = await Me(token);
        var signIn = await SignIn(name);
        var wrongPassword = await SignIn(name, "Wrong-Password-9");
        var unlock = await Post(As("b1-admin"), $"/api/admin/accounts/{id}/unlock");
        var listed = await Listed("b1-admin", id);
        var self = await Post(As("b1-admin"), $"/api/admin/accounts/{await ApiSurface.UserIdAsync(Host, "b1-admin")}/disable");
        var enable = await Post(As("b1-admin"), $"/api/admin/accounts/{id}/enable");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(disable.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((bool?)disable.Body!["disabled"], Is.True);
            Assert.That(withToken, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(signIn.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(signIn.Code, Is.EqualTo("account.sign-in-failed"), "a disabled account answers like a wrong password");
            Assert.That(wrongPassword.Code, Is.EqualTo("account.sign-in-failed"));
            Assert.That(unlock.Status, Is.EqualTo(HttpStatusCode.Conflict), "unlocking does not undo disabling");
            Assert.That((bool?)listed!["disabled"], Is.True);
            Assert.That((bool?)listed["lockedOut"], Is.False);
            Assert.That(self.Status, Is.EqualTo(HttpStatusCode.NotFound), "b1-admin has no local account here");
            Assert.That(enable.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Me(token), Is.EqualTo(HttpStatusCode.Unauthorized), "enabling does not revive the old token");
            Assert.That((await SignIn(name)).Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Audited(id)).Select(a => a.Command), Is.EqualTo(new[] { "CreateAccount", "DisableAccount", "EnableAccount" }));
        }

        await AssertChainIntact();
    }

    [Test]
    public async Task AnAdministrator_CannotDisableTheirOwnAccount()
    {
        var (id, name) = await Create("b1-admin", Org.Bureau, role: "Administrator");
        var token = (await SignIn(name)).Token!;

        var (status, body) = await Post(Anonymous(token), $"/api/admin/accounts/{id}/disable");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((string?)body!["code"], Is.EqualTo("account.cannot-disable-self"));
        Assert.That(await Me(token), Is.EqualTo(HttpStatusCode.OK));
    }
}
