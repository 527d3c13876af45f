using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Integration.Tests;

/// <summary>What a deployment in Production relies on: no demo seeding, a Secure cookie behind a TLS proxy, a closed API reference, no cached data.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ProductionSettingsTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task SeedDemo_InProduction_IsRefused_AndSeedsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        // The real program, as an operator starts it: the flag is a command-line argument the test host cannot pass.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Rectification.Web.dll"), "--seed-demo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = database.Options.Provider.ToString(),
                ["ConnectionStrings__Rectification"] = database.Options.ConnectionString,
                ["Authentication__Jwt__SigningKey"] = TestHost.SigningKey,
                ["Jobs__Enabled"] = "false",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var log = await output + await errors;

        await using var host = new TestHost(database.Options);
        var (users, accounts) = await host.Query(async db => (await db.Users.CountAsync(), await db.Accounts.CountAsync()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(process.ExitCode, Is.Not.Zero, log);
            Assert.That(log, Does.Contain("--seed-demo creates demonstration accounts with published passwords and is refused in Production"));
            Assert.That((users, accounts), Is.EqualTo((0, 0)));
        }
    }

    [Test]
    public async Task AuthCookie_IsSecure_WhenTheProxyForwardsHttps_AndNotOverPlainHttp()
    {
        var name = $"b1-cookie-{Guid.NewGuid():N}"[..20];
        await Host.Query(async db =>
        {
            db.Users.Add(Domain.Organization.UserAccount.Create(Guid.CreateVersion7(), name, name, $"{name}@test.local", Domain.Organization.Role.UnitLiaison, Org.Bureau.Id));
            return await db.SaveChangesAsync();
        });
        await TestAccounts.CreateAsync(Host, name);

        var viaHttps = await CookieOf(name, forwardedProto: "https");
        var viaHttp = await CookieOf(name, forwardedProto: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(viaHttps, Does.StartWith("rectification.auth=").And.Contain("secure").IgnoreCase);
            Assert.That(viaHttp, Does.StartWith("rectification.auth=").And.Not.Contain("secure").IgnoreCase);
        }
    }

    private async Task<string> CookieOf(string name, string? forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in") { Content = JsonContent.Create(new { userName = name, password = TestAccounts.Password }) };
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        using var response = await Host.CreateClient().SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rectification.auth=", StringComparison.Ordinal));
    }

    [Test]
    public async Task ApiReference_InProduction_NeedsSignIn_UnlessConfiguredOpen_AndIsOpenInDevelopment()
    {
        await using var closedDatabase = await TestDatabase.CreateAsync(Provider);
        await using var closed = await Seeded(new TestHost(closedDatabase.Options, new Dictionary<string, string?> { ["environment"] = "Production" }));
        await using var openDatabase = await TestDatabase.CreateAsync(Provider);
        await using var open = new TestHost(openDatabase.Options, new Dictionary<string, string?> { ["environment"] = "Production", ["Api:PublicReference"] = "true" });

        foreach (var path in new[] { "/openapi/v1.json", "/scalar/v1" })
        {
            using var anonymous = await NoRedirects(closed).GetAsync(path);
            using var signedIn = await closed.ClientFor("office").GetAsync(path);
            using var configuredOpen = await NoRedirects(open).GetAsync(path);
            using var development = await NoRedirects(Host).GetAsync(path);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), path);
                Assert.That(anonymous.Headers.Location?.ToString(), Does.Contain("/account/sign-in"), path);
                Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That(configuredOpen.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That(development.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            }
        }
    }

    private static HttpClient NoRedirects(TestHost host) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<TestHost> Seeded(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await Organization.SeedAsync(scope.ServiceProvider.GetRequiredService<RectificationDbContext>());
        return host;
    }

    [Test]
    public async Task ApiAnswers_AndPagesOfASignedInUser_AreNotStored()
    {
        using var me = await Host.ClientFor("office").GetAsync("/api/me");
        using var problems = await Host.ClientFor("office").GetAsync("/api/problems");
        using var anonymous = await Host.CreateClient().GetAsync("/api/problems");
        using var page = await Host.ClientFor("office").GetAsync("/");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((me.StatusCode, me.Headers.CacheControl?.NoStore), Is.EqualTo((HttpStatusCode.OK, (bool?)true)));
            Assert.That((problems.StatusCode, problems.Headers.CacheControl?.NoStore), Is.EqualTo((HttpStatusCode.OK, (bool?)true)));
            Assert.That((anonymous.StatusCode, anonymous.Headers.CacheControl?.NoStore), Is.EqualTo((HttpStatusCode.Unauthorized, (bool?)true)));
            Assert.That((page.StatusCode, page.Headers.CacheControl?.NoStore), Is.EqualTo((HttpStatusCode.OK, (bool?)true)));
        }
    }
}
