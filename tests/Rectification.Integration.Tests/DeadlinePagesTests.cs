using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// 延期与督办 in a real browser: the liaison asks for more time on a problem (a refused empty reason first), the commission approves
/// it with a comment from its deadlines page and the problem's deadline moves; another problem runs overdue, the ladder reaches the
/// reminder talk, the page shows its step and who must act, and the unit leader records the talk (a refused empty record first).
/// </summary>
[NonParallelizable]
public sealed class DeadlinePagesTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    private const string Overflow = "() => document.documentElement.scrollWidth > window.innerWidth";

    [TimeLimit(300)]
    [Test]
    public async Task Liaison_AsksForMoreTime_TheCommissionApproves_ThenAnOverdueProblemIsChased_AndTheLeaderRecordsTheTalk()
    {
        var chromium = ChromiumOrIgnore();
        // Both problems are time-limited to 2026-05-31 (90 days after the test clock's 2026-03-02).
        var (_, _, problems) = await InRectification(Org.Bureau, 2);
        var (extended, chased) = (problems[0], problems[1]);
        foreach (var user in new[] { "b1-liaison", "b1-leader", "discipline" })
        {
            await TestAccounts.CreateAsync(Host, user);
        }

        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        var violations = new Dictionary<string, string[]>();

        await SignInAsync(page, "b1-liaison");
        await page.GotoAsync(Address + $"/problems/{extended.Id}");
        await page.FillAsync("#ext-deadline", "2026-07-31");
        await page.ClickAsync("[data-testid=action-RequestExtension]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var reasonError = await page.InnerTextAsync("#ext-reason-error");
        var extensionsAfterRefusal = await page.Locator("[data-testid=extension]").CountAsync();
        await page.FillAsync("#ext-deadline", "2026-07-31");
        await page.FillAsync("#ext-reason", "涉及资金清退，需等待审计结论");
        await page.ClickAsync("[data-testid=action-RequestExtension]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var requested = await page.InnerTextAsync("[data-testid=done]");
        var pending = await page.InnerTextAsync("[data-testid=extension]");
        var formAfterRequest = await page.Locator("[data-testid=form-RequestExtension]").CountAsync();
        violations["problem"] = await AxeViolations(page);

        await SwitchUserAsync(page, "discipline");
        await page.ClickAsync("[data-testid=nav-deadlines]");
        var row = page.Locator("[data-testid=extension][data-status=Requested]");
        var rowCells = (await row.Locator("td").AllInnerTextsAsync()).Take(4).Select(t => t.Trim()).ToArray();
        violations["deadlines"] = await AxeViolations(page);
        await page.SetViewportSizeAsync(390, 844);
        var overflows = await page.EvaluateAsync<bool>(Overflow);
        await page.SetViewportSizeAsync(1366, 900);
        await Screenshots(page, "deadlines-extension");
        await row.Locator("textarea[name=comment]").FillAsync("同意，请按期完成资金清退");
        await row.Locator("[data-testid=approve]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=done]");
        var approved = await page.InnerTextAsync("[data-testid=done]");
        var decidedStatus = await page.InnerTextAsync("[data-testid=extension][data-status=Approved] [data-testid=extension-status]");
        var decidedComment = await page.InnerTextAsync("[data-testid=extension][data-status=Approved] [data-testid=decision-comment]");
        var newDeadline = Ok(await Host.Send<Rectification.Application.Problems.ProblemDetail>("b1-liaison", new Rectification.Application.Problems.GetProblem(extended.Id))).Summary.Deadline;

        // The other problem runs over its deadline: the escalation on the third day, the reminder talk on the tenth.
        await SweepOn(new DateOnly(2026, 6, 3));
        await SweepOn(new DateOnly(2026, 6, 10));
        // Three months on the clock have outlived the sign-in.
        await SignInAsync(page, "discipline");
        await page.GotoAsync(Address + "/deadlines");
        var overdueCodes = await page.Locator("[data-testid=overdue-problem]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");
        var overdue = page.Locator($"[data-testid=overdue-problem][data-code='{chased.Code}']");
        var step = await overdue.Locator("[data-testid=step]").InnerTextAsync();
        var mustAct = await overdue.Locator("[data-testid=must-act]").InnerTextAsync();
        var talkCells = (await page.Locator("[data-testid=talk][data-status=Open] td").AllInnerTextsAsync()).Take(4).Select(t => t.Trim()).ToArray();
        violations["deadlines overdue"] = await AxeViolations(page);

        await SwitchUserAsync(page, "b1-leader");
        await page.GotoAsync(Address + "/deadlines");
        var talk = page.Locator("[data-testid=talk][data-status=Open]");
        await talk.Locator("[data-testid=record-talk]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var recordError = await page.Locator("[data-testid=talk][data-status=Open] .invalid-feedback").InnerTextAsync();
        await page.Locator("[data-testid=talk][data-status=Open] textarea[name=record]").FillAsync("已约谈单位主要负责人，要求十日内完成整改");
        await page.Locator("[data-testid=talk][data-status=Open] [data-testid=record-talk]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=done]");
        var recorded = await page.InnerTextAsync("[data-testid=done]");
        var talkRecord = await page.InnerTextAsync("[data-testid=talk][data-status=Done] [data-testid=talk-record]");
        await Screenshots(page, "deadlines");

        await page.GotoAsync(Address + "/deadlines?culture=en");
        var englishStep = await page.Locator($"[data-testid=overdue-problem][data-code='{chased.Code}'] [data-testid=step]").InnerTextAsync();
        var englishStatus = await page.InnerTextAsync("[data-testid=extension][data-status=Approved] [data-testid=extension-status]");
        violations["deadlines en"] = await AxeViolations(page);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reasonError, Is.EqualTo("'延期理由' 不能为空。"), "the refusal stands at the reason");
            Assert.That(extensionsAfterRefusal, Is.Zero, "a refused request saves nothing");
            Assert.That(requested, Is.EqualTo("已提交延期申请，等待审批。"));
            Assert.That(pending, Does.StartWith("2026-05-31 → 2026-07-31 · 待审批"));
            Assert.That(formAfterRequest, Is.Zero, "one request at a time");
            Assert.That(rowCells, Is.EqualTo(new[] { "一区财政局", "问题", "2026-05-31 → 2026-07-31", "涉及资金清退，需等待审计结论" }));
            Assert.That(overflows, Is.False);
            Assert.That(approved, Is.EqualTo("已同意延期，时限已调整，提醒按新时限重新计算。"));
            Assert.That(decidedStatus, Does.StartWith("已批准"));
            Assert.That(decidedComment, Is.EqualTo("同意，请按期完成资金清退"));
            Assert.That(newDeadline, Is.EqualTo(new DateOnly(2026, 7, 31)));

            Assert.That(overdueCodes, Is.EqualTo(new[] { chased.Code }), "the extended problem is not overdue");
            Assert.That(step, Is.EqualTo("提醒谈话"));
            Assert.That(mustAct, Is.EqualTo("单位主要负责人"));
            Assert.That(talkCells, Is.EqualTo(new[] { "一区财政局", "问题", "单位主要负责人", "2026-06-17" }));
            Assert.That(recordError, Is.EqualTo("'谈话情况' 不能为空。"));
            Assert.That(recorded, Is.EqualTo("已登记谈话情况。"));
            Assert.That(talkRecord, Is.EqualTo("已约谈单位主要负责人，要求十日内完成整改"));
            Assert.That(englishStep, Is.EqualTo("Reminder talk"));
            Assert.That(englishStatus, Does.StartWith("Approved"));
            Assert.That(violations.Where(v => v.Value.Length > 0), Is.Empty);
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }
}
