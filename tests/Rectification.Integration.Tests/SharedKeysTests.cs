using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The keys that protect sign-in cookies live in the domain database: a user signed in through one instance is signed in on another
/// instance on the same database, and still after both are replaced (a redeploy).
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class SharedKeysTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Cookie_IssuedByOneInstance_SignsInOnAnotherOnTheSameDatabase_AndAfterARedeploy()
    {
        await TestAccounts.CreateAsync(Host, "office");
        using var signIn = await Host.CreateClient().PostAsJsonAsync("/api/account/sign-in", new { userName = "office", password = TestAccounts.Password });
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        HttpStatusCode onSecond, afterRedeploy;
        await using (var second = new TestHost(Database))
        {
            onSecond = await MeAsync(second, cookie);
        }

        await Host.DisposeAsync();
        await using (var redeployed = new TestHost(Database))
        {
            afterRedeploy = await MeAsync(redeployed, cookie);
        }

        var keys = await QueryKeys();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)signIn.StatusCode, Is.EqualTo(204), "signed in: the cookie is set");
            Assert.That(onSecond, Is.EqualTo(HttpStatusCode.OK), "the second instance reads the first one's cookie");
            Assert.That(afterRedeploy, Is.EqualTo(HttpStatusCode.OK), "a redeploy signs nobody out");
            Assert.That(keys, Is.EqualTo(1), "the key ring is in the database: one key, made by the first instance and read by the others");
        }
    }

    private static async Task<HttpStatusCode> MeAsync(TestHost host, string cookie)
    {
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        using var response = await client.GetAsync("/api/me");
        return response.StatusCode;
    }

    private async Task<int> QueryKeys()
    {
        await using var host = new TestHost(Database);
        return await host.Query(db => db.DataProtectionKeys.CountAsync());
    }
}
