using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>报送统计 in a real browser: the office reads the figures of a round, sends them upward, and finds them kept under their seal.</summary>
[NonParallelizable]
public sealed class UpwardPageTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    [TimeLimit(180)]
    [Test]
    public async Task Office_ReadsTheRoundsFigures_SendsThemUpward_AndFindsThemKept()
    {
        var chromium = ChromiumOrIgnore();
        // 一区财政局: one regular inspection with two problems fed back, one of them closed.
        var (inspection, _, problems) = await InRectification(Org.Bureau, 2);
        await CloseThroughReview("b1", problems[0].Id);
        await TestAccounts.CreateAsync(Host, "office");

        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "office");
        await page.GotoAsync(Address + "/statistics?culture=zh-CN");
        await page.ClickAsync("[data-testid=st-upward]");
        await page.SelectOptionAsync("#up-rounds", inspection.RoundId.ToString());
        await page.ClickAsync("[data-testid=up-apply]");
        async Task<string[]> Cells(string row) => [.. (await page.Locator($"[data-testid={row}] > *").AllInnerTextsAsync()).Select(t => t.Trim())];
        var regular = await Cells("up-kind-Regular");
        var total = await Cells("up-total");
        var bureaus = await Cells("up-level-Bureau");
        var violations = await AxeViolations(page);
        await Screenshots(page, "upward");

        await page.FillAsync("#up-title-input", "");
        await page.ClickAsync("[data-testid=action-RecordReportSnapshot]");
        var titleError = await page.InnerTextAsync("#up-title-error");
        await page.FillAsync("#up-title-input", "2026年第一季度整改情况");
        await page.ClickAsync("[data-testid=action-RecordReportSnapshot]");
        await page.WaitForSelectorAsync("[data-testid=up-seal-holds]");
        var keptTitle = await page.InnerTextAsync("[data-testid=up-snapshot-title]");
        var keptTotal = await Cells("up-total");
        var snapshotViolations = await AxeViolations(page);
        await Screenshots(page, "upward-snapshot");
        await page.SetViewportSizeAsync(390, 844);
        var overflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync(Address + $"/statistics/upward?rounds={inspection.RoundId}&culture=en");
        var englishTotal = await Cells("up-total");
        var englishDay = await page.InnerTextAsync("[data-testid=up-today]");
        var sentList = await page.Locator("[data-testid=up-snapshot] a").AllInnerTextsAsync();
        var englishViolations = await AxeViolations(page);
        await Screenshots(page, "upward-en");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(regular, Is.EqualTo(new[] { "常规巡察", "1", "1", "2", "1", "50.00", "0", "0" }));
            Assert.That(total, Is.EqualTo(new[] { "合计", "1", "1", "2", "1", "50.00", "0", "0" }));
            // The test city has two bureaus (一区财政局 and 二区无人单位): one inspected.
            Assert.That(bureaus, Is.EqualTo(new[] { "部门", "2", "1", "50.00", "2", "1", "50.00", "0", "0" }));
            Assert.That(violations, Is.Empty);
            Assert.That(titleError, Is.EqualTo("'标题' 不能为空。"), "an empty title is refused at its field");
            Assert.That(keptTitle, Is.EqualTo("2026年第一季度整改情况"));
            Assert.That(keptTotal, Is.EqualTo(new[] { "合计", "1", "1", "2", "1", "50.00", "0", "0" }));
            Assert.That(snapshotViolations, Is.Empty);
            Assert.That(overflows, Is.False, "no sideways scrolling at 390 px");
            Assert.That(englishDay, Is.EqualTo("Counted on: 2026-03-02"));
            Assert.That(englishTotal, Is.EqualTo(new[] { "Total", "1", "1", "2", "1", "50.00", "0", "0" }));
            Assert.That(sentList, Is.EqualTo(new[] { "2026年第一季度整改情况" }));
            Assert.That(englishViolations, Is.Empty);
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }
}
