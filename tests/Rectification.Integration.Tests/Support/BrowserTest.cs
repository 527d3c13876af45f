using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// A host on a real port and what a browser test needs around it: Debian's Chromium through Playwright (ignored with a message when
/// it is missing), signing in through the form, axe-core in every page, and screenshots at laptop and phone size.
/// </summary>
public abstract class BrowserTest(DatabaseProvider provider) : HostTest(provider)
{
    public const string ChromiumVariable = "RECTIFICATION_TEST_CHROMIUM";

    private static readonly string[] ChromiumArguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    // A browser needs a real port; the host starts on Kestrel instead of the in-memory test server.
    protected override void BeforeStart(TestHost host) => host.UseKestrel(0);

    protected string Address => Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    protected async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync(Address + "/account/sign-in");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", TestAccounts.Password);
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>Signs out through the menu and in again as another user, in the same browser.</summary>
    protected async Task SwitchUserAsync(IPage page, string userName)
    {
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync("**/account/sign-in**");
        await SignInAsync(page, userName);
    }

    protected static string ChromiumOrIgnore()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
        {
            Assert.Ignore($"Chromium is missing: set {ChromiumVariable} to a Chromium executable (CI installs Debian's chromium at /usr/bin/chromium).");
        }

        return chromium!;
    }

    /// <summary>A real Chromium with one page at laptop size, axe-core in every page, and the page policy's refusals collected.</summary>
    protected sealed class BrowserSession : IAsyncDisposable
    {
        private IPlaywright playwright = null!;
        private IBrowser browser = null!;

        public IPage Page { get; private set; } = null!;

        // The expected 401 (wrong password) and 404s (another unit's problem, favicon) are console errors too; only a policy refusal counts.
        public List<string> PolicyRefusals { get; } = [];

        public static async Task<BrowserSession> StartAsync(string chromium, string locale)
        {
            var session = new BrowserSession { playwright = await Playwright.CreateAsync() };
            session.browser = await session.playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumArguments });
            var context = await session.browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
            await AddAxe(context);
            session.Page = await context.NewPageAsync();
            session.Page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
                {
                    session.PolicyRefusals.Add(message.Text);
                }
            };
            return session;
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>axe-core (vendored from the npm registry), put into every page by the browser itself, so the page policy needs no exception for it.</summary>
    private static Task AddAxe(IBrowserContext context) =>
        context.AddInitScriptAsync(scriptPath: Path.Combine(TestContext.CurrentContext.TestDirectory, "Support", "axe", "axe.min.js"));

    /// <summary>The rules axe-core finds broken on the page, as "rule: target" lines.</summary>
    protected static async Task<string[]> AxeViolations(IPage page)
    {
        return await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')))");
    }

    /// <summary>TestResults/screenshots/ of the repository, or RECTIFICATION_SCREENSHOTS; created when asked for.</summary>
    protected static string ScreenshotFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("RECTIFICATION_SCREENSHOTS")
                ?? Path.GetFullPath(Path.Combine(TestContext.CurrentContext.WorkDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots"));
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>The page at laptop and phone size, for people to look at (TestResults/screenshots/).</summary>
    protected static async Task Screenshots(IPage page, string name)
    {
        var folder = ScreenshotFolder;
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}x{height}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1366, 900);
    }
}
