using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>统计 in a real browser: the office's figures and the completion table of the level below, one level down per click, counted by hand.</summary>
[NonParallelizable]
public sealed class StatisticsPageTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    [TimeLimit(180)]
    [Test]
    public async Task Office_ReadsTheFigures_AndGoesDownALevel()
    {
        var chromium = ChromiumOrIgnore();
        // 一区财政局: two problems in rectification, one of them closed; 一区东镇: one fed back; 二区人民医院: one only registered.
        var (_, _, bureau) = await InRectification(Org.Bureau, 2);
        var closed = bureau[0];
        await CloseAsync(closed, "b1-liaison", "b1-leader");
        var township = await NewInspection(Org.Township);
        await NewProblem(township);
        Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(township.Id)));
        await NewProblem(await NewInspection(Org.Hospital));
        await TestAccounts.CreateAsync(Host, "office");

        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "office");
        await page.GotoAsync(Address + "/statistics?culture=zh-CN");
        async Task<string[]> Row(string code) => [.. (await page.Locator($"[data-testid=st-unit][data-code={code}] td").AllInnerTextsAsync()).Select(t => t.Trim())];
        var fedBack = await page.InnerTextAsync("[data-testid=st-fed-back]");
        var closedCount = await page.InnerTextAsync("[data-testid=st-closed]");
        var rate = await page.InnerTextAsync("[data-testid=st-rate]");
        var district1 = await Row("D1");
        var district2 = await Row("D2");
        var violations = await AxeViolations(page);
        await Screenshots(page, "statistics");
        await page.ClickAsync("[data-testid=st-unit][data-code=D1] a");
        await page.WaitForSelectorAsync("[data-testid=st-top]");
        var bureauRow = await Row("B1");
        var townshipRow = await Row("T1");
        var levelRate = await page.InnerTextAsync("[data-testid=st-rate]");
        await page.SetViewportSizeAsync(390, 844);
        var overflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync(Address + "/statistics?culture=en");
        var englishRate = await page.InnerTextAsync("[data-testid=st-figures] dt:nth-of-type(3)");
        var englishDistrict = await Row("D1");
        var englishViolations = await AxeViolations(page);
        await Screenshots(page, "statistics-en");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((fedBack, closedCount, rate), Is.EqualTo(("3", "1", "33.33%")), "the registered hospital problem is not fed back yet");
            Assert.That(district1, Is.EqualTo(new[] { "一区", "3", "1", "33.33%", "0" }));
            Assert.That(district2, Is.EqualTo(new[] { "二区", "0", "0", "0.00%", "0" }));
            Assert.That(violations, Is.Empty);
            Assert.That(bureauRow, Is.EqualTo(new[] { "一区财政局", "2", "1", "50.00%", "0" }));
            Assert.That(townshipRow, Is.EqualTo(new[] { "一区东镇", "1", "0", "0.00%", "0" }));
            Assert.That(levelRate, Is.EqualTo("33.33%"), "一区 and everything below it");
            Assert.That(overflows, Is.False, "no sideways scrolling at 390 px");
            Assert.That(englishRate, Is.EqualTo("Completion rate"));
            Assert.That(englishDistrict, Is.EqualTo(new[] { "一区", "3", "1", "33.33%", "0" }), "unit names are the units' own");
            Assert.That(englishViolations, Is.Empty);
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }
}
