using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The web pages in a real browser (Debian's Chromium through Playwright) against the real host on a real port: sign in through
/// the form, see the ledger of one's own unit only, open a problem, sign out.
/// </summary>
[NonParallelizable]
public sealed class WebUiTests() : HostTest(DatabaseProvider.Sqlite)
{
    public const string ChromiumVariable = "RECTIFICATION_TEST_CHROMIUM";

    private static readonly string[] ChromiumArguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    // A browser needs a real port; the host starts on Kestrel instead of the in-memory test server.
    protected override void BeforeStart(TestHost host) => host.UseKestrel(0);

    // Starts a real browser, which a cold machine may take a minute to bring up.
    [TimeLimit(300)]
    [Test]
    public async Task Liaison_SignsInThroughTheForm_SeesOnlyTheirUnitsLedger_OpensAProblem_AndSignsOut()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
        {
            Assert.Ignore($"Chromium is missing: set {ChromiumVariable} to a Chromium executable (CI installs Debian's chromium at /usr/bin/chromium).");
        }

        var own = await InRectification(Org.Bureau, count: 2);
        var foreign = await NewProblem(await NewInspection(Org.Hospital));
        await TestAccounts.CreateAsync(Host, "b1-liaison");

        var address = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumArguments });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        // The expected 401 (wrong password) and 404s (another unit's problem, favicon) are console errors too; only a policy refusal counts.
        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                refusals.Add(message.Text);
            }
        };

        // Not signed in: the ledger sends the browser to the form.
        await page.GotoAsync(address + "/");
        Assert.That(page.Url, Does.Contain("/account/sign-in"));

        await page.FillAsync("input[name=userName]", "b1-liaison");
        await page.FillAsync("input[name=password]", "Wrong-Password-9");
        await page.ClickAsync("[data-testid=submit]");
        var error = await page.TextContentAsync("[data-testid=error]");

        await page.FillAsync("input[name=userName]", "b1-liaison");
        await page.FillAsync("input[name=password]", TestAccounts.Password);
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForSelectorAsync("[data-testid=ledger]");
        var rows = page.Locator("[data-testid=problem]");
        var units = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)");
        var ledgerText = await page.TextContentAsync("[data-testid=ledger]");
        var lights = await page.Locator("[data-testid=light]").AllTextContentsAsync();
        var heading = await page.TextContentAsync("h1");
        var headerColour = await page.EvalOnSelectorAsync<string>("header", "e => getComputedStyle(e).backgroundColor");

        await page.ClickAsync($"a[href='/problems/{own.Problems[0].Id}']");
        await page.WaitForSelectorAsync("[data-testid=history]");
        var title = await page.TextContentAsync("[data-testid=problem-title]");
        var history = await page.Locator("[data-testid=history] tbody tr").CountAsync();
        var foreignPage = await page.GotoAsync(address + $"/problems/{foreign.Id}");

        await page.GotoAsync(address + "/?culture=en");
        var english = await page.TextContentAsync("h1");

        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync("**/account/sign-in**");
        await page.GotoAsync(address + "/");
        var afterSignOut = page.Url;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Does.Contain("用户名或密码错误"));
            Assert.That(heading, Is.EqualTo("整改台账"));
            Assert.That(headerColour, Is.EqualTo("rgb(164, 22, 26)"), "the stylesheet loaded under the page policy");
            Assert.That(units, Has.Length.EqualTo(2), "the bureau's two problems");
            Assert.That(units, Is.All.EqualTo(Org.Bureau.Id.ToString()), "only the user's own unit");
            Assert.That(ledgerText, Does.Contain(own.Problems[0].Code).And.Not.Contain(foreign.Code));
            Assert.That(lights, Is.All.AnyOf("绿灯", "黄灯", "红灯"));
            Assert.That(title, Does.Contain(own.Problems[0].Code));
            Assert.That(history, Is.GreaterThan(0));
            Assert.That(foreignPage!.Status, Is.EqualTo(404), "another unit's problem does not exist for this user");
            Assert.That(english, Is.EqualTo("Rectification ledger"));
            Assert.That(afterSignOut, Does.Contain("/account/sign-in"));
            Assert.That(refusals, Is.Empty, "the page policy lets the pages load everything they need (the stylesheet, the form posts)");
        }
    }
}
