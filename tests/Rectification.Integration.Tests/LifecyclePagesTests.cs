using Rectification.Application.Clues;
using Rectification.Application.Inspections;
using Rectification.Domain.Clues;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// 流程与时限 in a real browser: each lifecycle drawn with the cases in each state as the signed-in user's scope counts them, the
/// transitions, the reminder ladder and the year's holidays; a unit's liaison sees no clue lifecycle and no clue counts.
/// </summary>
[NonParallelizable]
public sealed class LifecyclePagesTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    private const string Overflow = "() => document.documentElement.scrollWidth > window.innerWidth";

    [TimeLimit(240)]
    [Test]
    public async Task Lifecycles_ShowEachStateWithItsCount_TheLadderAndTheHolidays_OnlyForTheKindsTheUserMaySee()
    {
        var chromium = ChromiumOrIgnore();
        // In the bureau: two problems fed back (its plan being drafted) and a red clue; in the hospital: one problem not yet fed back.
        var bureau = await NewInspection(Org.Bureau);
        var first = await NewProblem(bureau);
        await NewProblem(bureau);
        Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(bureau.Id)));
        Ok(await Host.Send<ClueDto>("office", new HandOverClue(bureau.Id, "财务报销存在虚开发票线索", SheetColour.Red, [first.Id], null)));
        await NewProblem(await NewInspection(Org.Hospital));
        await TestAccounts.CreateAsync(Host, "office");
        await TestAccounts.CreateAsync(Host, "b1-liaison");

        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "office");
        await page.ClickAsync("[data-testid=nav-lifecycles]");
        await page.WaitForSelectorAsync("[data-lifecycle=problem] [data-testid=diagram-problem]");

        async Task<Dictionary<string, string>> Counts(string lifecycle)
        {
            var rows = page.Locator($"[data-lifecycle={lifecycle}] [data-testid=state-counts] tbody tr");
            var counts = new Dictionary<string, string>();
            for (var i = 0; i < await rows.CountAsync(); i++)
            {
                var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
                counts[cells[0]] = cells[1];
            }

            return counts;
        }

        async Task<string[]> Row(string selector) => [.. (await page.Locator(selector).Locator("td").AllInnerTextsAsync()).Select(t => t.Trim())];

        var lifecycles = await page.Locator("[data-testid=lifecycle]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.lifecycle)");
        var problemCounts = await Counts("problem");
        var planCounts = await Counts("plan");
        var clueCounts = await Counts("clue");
        var drawnStates = await page.Locator("[data-testid=diagram-problem] [data-state]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.state)");
        var drawnCount = await page.TextContentAsync("[data-testid=diagram-problem] [data-state=FedBack] [data-testid=count]");
        var close = await Row("[data-lifecycle=problem] [data-testid=transitions] tr[data-trigger=Close]");
        var parties = await page.InnerTextAsync("[data-lifecycle=problem] [data-testid=sign-parties]");
        var escalation = await Row("[data-ladder=problem] tr[data-step=overdue-3-days]");
        var beforeDue = await Row("[data-ladder=problem] tr[data-step=due-in-7-days]");
        var handoverLadder = await page.Locator("[data-ladder=HandoverSheet]").CountAsync();
        var february = await Row("[data-testid=calendar] tr[data-month='2']");
        var violations = await AxeViolations(page);
        foreach (var lifecycle in lifecycles)
        {
            await page.Locator($"[data-lifecycle={lifecycle}] .diagram").ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"lifecycle-diagram-{lifecycle}.png") });
        }

        await page.SetViewportSizeAsync(390, 844);
        var overflows = await page.EvaluateAsync<bool>(Overflow);
        await Screenshots(page, "lifecycles");

        // The liaison of the bureau: its two fed-back problems and its plan; no clue anywhere, not even as a count.
        await SwitchUserAsync(page, "b1-liaison");
        await page.GotoAsync(Address + "/lifecycles");
        var liaisonLifecycles = await page.Locator("[data-testid=lifecycle]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.lifecycle)");
        var liaisonProblemCounts = await Counts("problem");
        var liaisonHandoverLadder = await page.Locator("[data-ladder=HandoverSheet]").CountAsync();
        var liaisonText = await page.InnerTextAsync("main");
        var liaisonViolations = await AxeViolations(page);

        // Once in English.
        await page.GotoAsync(Address + "/lifecycles?culture=en");
        var englishHeading = await page.InnerTextAsync("#lc-problem-heading");
        var englishClose = await Row("[data-lifecycle=problem] [data-testid=transitions] tr[data-trigger=Close]");
        var englishFebruary = await Row("[data-testid=calendar] tr[data-month='2']");
        var englishViolations = await AxeViolations(page);
        await Screenshots(page, "lifecycles-en");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lifecycles, Is.EqualTo(new[] { "problem", "plan", "clue" }));
            Assert.That(problemCounts, Is.EqualTo(new Dictionary<string, string> { ["已登记"] = "1", ["已反馈"] = "2", ["整改中"] = "0", ["审核中"] = "0", ["已销号"] = "0" }));
            Assert.That(planCounts, Is.EqualTo(new Dictionary<string, string> { ["编制中"] = "1", ["已提交"] = "0", ["已退回"] = "0", ["已通过"] = "0" }));
            Assert.That(clueCounts["已移交"], Is.EqualTo("1"), "the red sheet is handed over");
            Assert.That(drawnStates, Is.EqualTo(new[] { "Registered", "FedBack", "Rectifying", "UnderReview", "Closed" }), "drawn in the order a problem meets them");
            Assert.That(drawnCount, Is.EqualTo("2 件"));
            Assert.That(close, Is.EqualTo(new[] { "审核中", "销号", "已销号", "巡察办", "须签字的各方均已签字" }));
            Assert.That(parties, Is.EqualTo("须签字的各方：单位主要负责人、纪委监委、组织部"));
            Assert.That(escalation, Is.EqualTo(new[] { "逾期 3 天督办", "逾期 3 天", "单位主要负责人（本单位）、纪委监委（上级）", "是" }));
            Assert.That(beforeDue, Is.EqualTo(new[] { "到期前 7 天提醒", "到期前 7 天", "整改联络员（本单位）", "否" }));
            Assert.That(handoverLadder, Is.EqualTo(1), "the office hands sheets over and sees how their receipt is chased");
            Assert.That(february, Is.EqualTo(new[] { "2月", "2月16日（周一）、2月17日（周二）、2月18日（周三）、2月19日（周四）、2月20日（周五）、2月23日（周一）", "2月14日（周六）、2月28日（周六）" }));
            Assert.That(violations, Is.Empty);
            Assert.That(overflows, Is.False, "no sideways scrolling at 390 px: the diagram scrolls inside its own box");

            Assert.That(liaisonLifecycles, Is.EqualTo(new[] { "problem", "plan" }));
            Assert.That(liaisonProblemCounts, Is.EqualTo(new Dictionary<string, string> { ["已登记"] = "0", ["已反馈"] = "2", ["整改中"] = "0", ["审核中"] = "0", ["已销号"] = "0" }),
                "a unit counts only its own problems, and none before feedback");
            Assert.That(liaisonHandoverLadder, Is.Zero);
            Assert.That(liaisonText, Does.Not.Contain("线索").And.Not.Contain("交办单"));
            Assert.That(liaisonViolations, Is.Empty);

            Assert.That(englishHeading, Is.EqualTo("Problem version 1"));
            Assert.That(englishClose, Is.EqualTo(new[] { "Under review", "Close", "Closed", "Inspection office", "Every required party has signed this review" }));
            Assert.That(englishFebruary, Is.EqualTo(new[] { "February", "Feb 16 (Mon), Feb 17 (Tue), Feb 18 (Wed), Feb 19 (Thu), Feb 20 (Fri), Feb 23 (Mon)", "Feb 14 (Sat), Feb 28 (Sat)" }));
            Assert.That(englishViolations, Is.Empty);
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }
}
