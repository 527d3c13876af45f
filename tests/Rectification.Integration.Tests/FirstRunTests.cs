using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Organization;
using Rectification.Domain.Organization;
using Rectification.Infrastructure;
using Rectification.Web;

namespace Rectification.Integration.Tests;

/// <summary>
/// The first run of a real deployment on an empty database (<c>setup</c>): the root unit and its first administrator, who then signs
/// in; refused once anything exists. Also the audit-completeness checks for <see cref="SetUpDeployment"/>, which no fixture with a
/// test city can succeed with.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class FirstRunTests(DatabaseProvider provider) : HostTest(provider)
{
    private const string Password = "First-Admin-Password-2026";

    protected override bool SeedsOrganization => false;

    private static ActingUser System => (ActingUser)FirstRun.System;

    private static SetUpDeployment SetUp(string code = "SZ") =>
        new(code, "某某市", UnitLevel.City, "admin", "系统管理员", "admin@example.gov.cn", Password);

    [Test, Order(1)]
    public async Task SetUp_WhenFaultedBeforeItsCommit_LeavesNothing_AndWhenItSucceeds_SavesItsExactAuditEntries_AndTheAdministratorSignsIn()
    {
        Host.Faults.FailBeforeCommitAfter(0);
        Assert.That(async () => await Host.Send<DeploymentSetUp>(System, SetUp()), Throws.InstanceOf<IOException>());
        Host.Faults.FailBeforeCommitAfter(-1);
        var leftBehind = await Host.Query(async db => (await db.Units.CountAsync(), await db.Users.CountAsync(), await db.Accounts.CountAsync(), await db.AuditEntries.CountAsync()));

        var done = Ok(await Host.Send<DeploymentSetUp>(System, SetUp()));
        var audit = await Host.Query(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => $"{a.Command} {a.UserName} {a.EntityType} {a.EntityId}").ToListAsync());
        var payloads = await Host.Query(db => db.AuditEntries.Select(a => a.Payload).ToListAsync());
        using var token = await Host.CreateClient().PostAsJsonAsync("/api/account/token", new { userName = "admin", password = Password });
        var me = await MeAsync(token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(leftBehind, Is.EqualTo((0, 0, 0, 0)), "a fault before the commit leaves no unit, user, account or audit entry");
            Assert.That(audit, Is.EquivalentTo(new[]
            {
                $"SetUpDeployment system Unit {done.Root.Id}",
                $"SetUpDeployment system UserAccount {done.AdministratorId}",
                $"SetUpDeployment system Account {done.AdministratorId}",
            }));
            Assert.That(payloads, Has.All.Not.Contain(Password), "the password is never written down");
            Assert.That((int)token.StatusCode, Is.EqualTo(200));
            Assert.That(me, Is.EqualTo("admin Administrator /SZ/"));
        }
    }

    [Test, Order(2)]
    public async Task SetUp_OnADeploymentAlreadySetUp_IsRefusedAndChangesNothing()
    {
        var before = await Host.Query(db => db.Units.CountAsync());
        var again = await Host.Send<DeploymentSetUp>(System, SetUp("XX"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Error?.Code, Is.EqualTo("setup.already-done"));
            Assert.That(await Host.Query(db => db.Units.CountAsync()), Is.EqualTo(before));
        }
    }

    [Test, Order(3)]
    public async Task SetUp_ByAnyoneButTheSystem_IsRefused()
    {
        var admin = await Host.Actor("admin");
        var refused = await Host.Send<DeploymentSetUp>(admin, SetUp("YY"));

        Assert.That(refused.Error?.Code, Is.EqualTo("authorization.role-not-allowed"));
    }

    private async Task<string> MeAsync(HttpResponseMessage token)
    {
        var access = (string)JsonNode.Parse(await token.Content.ReadAsStringAsync())!["accessToken"]!;
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        var me = JsonNode.Parse(await client.GetStringAsync("/api/me"))!;
        return $"{(string)me["userName"]!} {(string)me["role"]!} {(string)me["unitPath"]!}";
    }
}

/// <summary>The host's command line: its own switches and verb are taken out before the rest is read as configuration.</summary>
public sealed class CommandLineTests
{
    [Test]
    public void SeedDemo_BeforeAConfigurationArgument_IsASwitch_AndTheArgumentReachesTheConfiguration()
    {
        var line = CommandLine.Parse(["--seed-demo", "--Clock:ShiftDays=40", "--urls", "http://127.0.0.1:5300"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(line.SeedDemo, Is.True);
            Assert.That(line.HostArguments, Is.EqualTo(new[] { "--Clock:ShiftDays=40", "--urls", "http://127.0.0.1:5300" }));
            Assert.That(line.Setup, Is.Null);
        }
    }

    [Test]
    public void Setup_WithItsOptions_NamesTheRootAndTheAdministrator_AndLeavesTheRestToConfiguration()
    {
        var line = CommandLine.Parse(["setup", "--root-code", "SZ", "--root-name", "某某市", "--root-level", "County", "--admin-email", "a@b.cn", "--urls", "http://x"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(line.Problem, Is.Null);
            Assert.That(line.Setup, Is.EqualTo(new SetupOptions("SZ", "某某市", UnitLevel.County, "admin", "系统管理员", "a@b.cn", "zh-CN")));
            Assert.That(line.HostArguments, Is.EqualTo(new[] { "--urls", "http://x" }));
        }
    }

    [TestCase(new[] { "setup", "--root-code", "SZ" }, "setup needs --root-code, --root-name and --admin-email")]
    [TestCase(new[] { "setup", "--root-code", "SZ", "--root-name", "某某市", "--admin-email", "a@b.cn", "--root-level", "Planet" }, "setup: --root-level is one of")]
    [TestCase(new[] { "setup", "--root-code" }, "setup: --root-code needs a value")]
    public void Setup_WithoutWhatItNeeds_SaysWhat(string[] args, string problem) =>
        Assert.That(CommandLine.Parse(args).Problem, Does.StartWith(problem));
}

/// <summary><c>setup</c> as an operator runs it: the real program on an empty SQLite file, then once more.</summary>
public sealed class SetupProcessTests
{
    [TimeLimit(180)]
    [Test]
    public async Task Setup_OnAnEmptyDatabase_CreatesTheRootAndPrintsTheInitialPasswordOnce_AndASecondSetupExitsWith1()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rectification-tests", "setup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var first = await RunAsync(folder);
            var second = await RunAsync(folder);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(first.ExitCode, Is.Zero, first.Output);
                Assert.That(first.Output, Does.Contain("已初始化：根单位 某某市（SZ），系统管理员 admin。"));
                Assert.That(first.Output, Does.Match(@"初始密码 / initial password: \S{20}"));
                Assert.That(second.ExitCode, Is.EqualTo(1), second.Output);
                Assert.That(second.Output, Does.Contain("本系统已完成初始化（根单位“某某市”）"));
                Assert.That(second.Output, Does.Not.Contain("initial password"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Rectification.Web.dll"), "setup", "--root-code", "SZ", "--root-name", "某某市", "--admin-email", "admin@example.gov.cn" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Rectification"] = $"Data Source={Path.Combine(folder, "r.db")}",
                ["Authentication__Jwt__SigningKey"] = TestHost.SigningKey,
                ["Jobs__Enabled"] = "false",
                [CommandLine.AdminPasswordVariable] = "",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
