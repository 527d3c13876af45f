using Microsoft.Playwright;
using Rectification.Application.Clues;
using Rectification.Domain.Clues;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// 数据看板 in a real browser: every chart drawn (as SVG, under the page policy), a bar clicked opens the ledger filtered to what it
/// counts, axe finds nothing, nothing scrolls sideways at 390 px, and a unit's liaison gets its own dashboard without a clue in it.
/// The world: 一区财政局 with three problems due on day 90 (one closed), swept on days 83, 90 and 93, so on day 95 the other two are
/// red and stand at the ladder's "overdue 3 days" rung; 二区人民医院 and 一区东镇 with one problem each, due on day 175 (green);
/// a red, a yellow and a blue clue sheet.
/// </summary>
[NonParallelizable]
public sealed class DashboardPageTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    private static readonly string[] Charts = ["chart-by-round", "chart-by-level", "chart-by-unit", "chart-steps", "chart-lights", "chart-clues", "chart-trend", "chart-reopen"];

    private async Task BuildTheWorld()
    {
        var start = Host.Clock.Today;
        var (bureauInspection, _, bureau) = await InRectification(Org.Bureau, 3);
        await CloseThroughReview("b1", bureau[0].Id);
        Ok(await Host.Send<ClueDto>("group", new HandOverClue(bureauInspection.Id, "问题线索", SheetColour.Red)));
        await SweepOn(start.AddDays(83));
        var (hospitalInspection, _, _) = await InRectification(Org.Hospital);
        await InRectification(Org.Township);
        Ok(await Host.Send<ClueDto>("group", new HandOverClue(hospitalInspection.Id, "问题线索", SheetColour.Yellow)));
        Ok(await Host.Send<ClueDto>("group", new HandOverClue(hospitalInspection.Id, "问题线索", SheetColour.Blue)));
        await SweepOn(start.AddDays(90));
        await SweepOn(start.AddDays(93));
        await SweepOn(start.AddDays(95));
        await TestAccounts.CreateAsync(Host, "office");
        await TestAccounts.CreateAsync(Host, "b1-liaison");
    }

    [TimeLimit(300)]
    [Test]
    public async Task Office_ReadsEveryChart_AndABarOpensTheLedgerFilteredToIt_ThenALiaisonReadsItsUnitsDashboard()
    {
        var chromium = ChromiumOrIgnore();
        await BuildTheWorld();
        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "office");

        await page.GotoAsync(Address + "/dashboard?culture=zh-CN");
        var drawn = await ChartsDrawn(page, Charts);
        var lightsRow = (await page.Locator("[data-testid=table-lights] tr[data-code=B1] td").AllTextContentsAsync()).Select(t => t.Trim()).ToArray();
        var violations = await AxeViolations(page);
        await Screenshots(page, "dashboard");
        await page.SetViewportSizeAsync(390, 844);
        var overflows = await Overflows(page);
        await page.SetViewportSizeAsync(1366, 900);
        await PrintScreenshot(page, "dashboard-print");

        // The red segment of 一区财政局's bar (the first unit: the reddest), clicked where ECharts drew it.
        await ClickBar(page, "chart-lights", seriesIndex: 2, dataIndex: 0);
        await page.WaitForURLAsync(url => url.Contains("/ledger", StringComparison.Ordinal));
        var lightsUrl = page.Url;
        var redRows = await page.Locator("[data-testid=problem]").CountAsync();
        var lightFilter = await page.InputValueAsync("#f-light");
        var unitFilter = await page.InputValueAsync("#f-unit");

        await page.GotoAsync(Address + "/dashboard");
        await ChartsDrawn(page, ["chart-steps"]);
        // The ladder's bars: none yet, 7 days before, due today, 3 days overdue, reminder talk; the two red problems stand at the fourth.
        await ClickBar(page, "chart-steps", seriesIndex: 0, dataIndex: 3);
        await page.WaitForURLAsync(url => url.Contains("/ledger", StringComparison.Ordinal));
        var stepUrl = page.Url;
        var stepRows = await page.Locator("[data-testid=problem]").CountAsync();
        var stepFilter = await page.InputValueAsync("#f-step");

        await page.GotoAsync(Address + "/dashboard?culture=en");
        var englishDrawn = await ChartsDrawn(page, Charts);
        var englishViolations = await AxeViolations(page);
        await Screenshots(page, "dashboard-en");

        await SwitchUserAsync(page, "b1-liaison");
        await page.GotoAsync(Address + "/dashboard?culture=zh-CN");
        var unitDrawn = await ChartsDrawn(page, ["chart-my-lights"]);
        var unitHtml = await page.ContentAsync();
        var unitOverdue = await page.Locator("[data-testid=db-overdue]").CountAsync();
        var unitViolations = await AxeViolations(page);
        await Screenshots(page, "dashboard-unit");
        await page.SetViewportSizeAsync(390, 844);
        var unitOverflows = await Overflows(page);
        await page.SetViewportSizeAsync(1366, 900);
        await ClickBar(page, "chart-my-lights", seriesIndex: 0, dataIndex: 2);
        await page.WaitForURLAsync(url => url.Contains("/ledger", StringComparison.Ordinal));
        var unitLightUrl = page.Url;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(drawn, Is.Empty, "every chart has its SVG");
            Assert.That(lightsRow, Is.EqualTo(new[] { "0", "0", "2" }), "一区财政局: two red, the third closed");
            Assert.That(violations, Is.Empty);
            Assert.That(overflows, Is.False, "no sideways scrolling at 390 px");
            Assert.That(lightsUrl, Does.Contain($"unit={Org.Bureau.Id}").And.Contain("light=Red"));
            Assert.That((redRows, lightFilter, unitFilter), Is.EqualTo((2, "Red", Org.Bureau.Id.ToString())));
            Assert.That(stepUrl, Does.Contain("overdue=true").And.Contain("step=overdue-3-days"));
            Assert.That((stepRows, stepFilter), Is.EqualTo((2, "overdue-3-days")));
            Assert.That(englishDrawn, Is.Empty);
            Assert.That(englishViolations, Is.Empty);
            Assert.That(unitDrawn, Is.Empty);
            Assert.That(unitOverdue, Is.EqualTo(2));
            Assert.That(unitHtml, Does.Not.Contain("线索").And.Not.Contain("/clues").And.Not.Contain("chart-clues"));
            Assert.That(unitViolations, Is.Empty);
            Assert.That(unitOverflows, Is.False);
            Assert.That(unitLightUrl, Does.Contain("light=Red").And.Not.Contain("unit="));
            Assert.That(browser.PolicyRefusals, Is.Empty, "the charts draw under script-src 'self'; style-src 'self'");
        }
    }

    /// <summary>The charts among <paramref name="testIds"/> that have no SVG drawn in them (after waiting for the first).</summary>
    private static async Task<string[]> ChartsDrawn(IPage page, string[] testIds)
    {
        await page.WaitForSelectorAsync($"[data-testid={testIds[0]}] svg");
        var missing = new List<string>();
        foreach (var id in testIds)
        {
            if (await page.Locator($"[data-testid={id}] svg").CountAsync() == 0)
            {
                missing.Add(id);
            }
        }

        return [.. missing];
    }

    /// <summary>Whether the page scrolls sideways, once the charts have followed the new width (they resize on the next frames).</summary>
    private static async Task<bool> Overflows(IPage page)
    {
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        return await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
    }

    /// <summary>Clicks the middle of one bar (a stacked bar's segment) where ECharts drew it, as a reader's mouse would.</summary>
    private static async Task ClickBar(IPage page, string testId, int seriesIndex, int dataIndex)
    {
        var chart = page.Locator($"[data-testid={testId}]");
        await chart.ScrollIntoViewIfNeededAsync();
        var point = await chart.EvaluateAsync<double[]>(
            """
            (el, at) => {
                const chart = echarts.getInstanceByDom(el);
                const rect = chart.getModel().getSeriesByIndex(at[0]).getData().getItemLayout(at[1]);
                const box = el.getBoundingClientRect();
                return [box.left + rect.x + rect.width / 2, box.top + rect.y + rect.height / 2];
            }
            """, new[] { seriesIndex, dataIndex });
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
    }

    /// <summary>The page as it prints on A4 (the width of A4 less its margins at 96 dpi), for people to look at.</summary>
    private static async Task PrintScreenshot(IPage page, string name)
    {
        await page.SetViewportSizeAsync(680, 962);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-a4.png"), FullPage = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('afterprint'))");
        await page.SetViewportSizeAsync(1366, 900);
    }
}
