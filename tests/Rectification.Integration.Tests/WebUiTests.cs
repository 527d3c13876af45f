using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The web pages in a real browser (Debian's Chromium through Playwright) against the real host on a real port: sign in through
/// the form, see the ledger of one's own unit only, open a problem, sign out.
/// </summary>
[NonParallelizable]
public sealed class WebUiTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    // Starts a real browser, which a cold machine may take a minute to bring up.
    [TimeLimit(300)]
    [Test]
    public async Task Liaison_SignsInThroughTheForm_SeesOnlyTheirUnitsLedger_OpensAProblem_AndSignsOut()
    {
        var chromium = ChromiumOrIgnore();

        var own = await InRectification(Org.Bureau, count: 2);
        var foreign = await NewProblem(await NewInspection(Org.Hospital));
        await TestAccounts.CreateAsync(Host, "b1-liaison");

        var address = Address;

        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        var refusals = browser.PolicyRefusals;

        // Not signed in: the home page sends the browser to the form.
        await page.GotoAsync(address + "/");
        Assert.That(page.Url, Does.Contain("/account/sign-in"));
        var signInViolations = await AxeViolations(page);

        await page.FillAsync("input[name=userName]", "b1-liaison");
        await page.FillAsync("input[name=password]", "Wrong-Password-9");
        await page.ClickAsync("[data-testid=submit]");
        var error = await page.TextContentAsync("[data-testid=error]");

        await page.FillAsync("input[name=userName]", "b1-liaison");
        await page.FillAsync("input[name=password]", TestAccounts.Password);
        await page.ClickAsync("[data-testid=submit]");

        // Home is 我的待办: the feedback receipt and both problems in rectification wait for the liaison, and the menu counts them.
        await page.WaitForSelectorAsync("[data-testid=my-work]");
        var workKinds = await page.Locator("[data-testid=work-item]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)");
        var workTasks = await page.Locator("[data-testid=work-item] td:nth-child(2)").AllTextContentsAsync();
        var workCount = await page.TextContentAsync("[data-testid=work-count]");
        var homeHeading = await page.TextContentAsync("h1");
        var myWorkViolations = await AxeViolations(page);
        await Screenshots(page, "my-work");

        await page.ClickAsync("[data-testid=nav-ledger]");
        await page.WaitForSelectorAsync("[data-testid=ledger]");
        var rows = page.Locator("[data-testid=problem]");
        var units = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)");
        var ledgerText = await page.TextContentAsync("[data-testid=ledger]");
        var lights = await page.Locator("[data-testid=light]").AllTextContentsAsync();
        var heading = await page.TextContentAsync("h1");
        var headerColour = await page.EvalOnSelectorAsync<string>("header", "e => getComputedStyle(e).backgroundColor");
        var ledgerViolations = await AxeViolations(page);
        await Screenshots(page, "ledger");
        await page.SetViewportSizeAsync(390, 844);
        var overflowAtPhoneWidth = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        var menuCollapsed = !await page.IsVisibleAsync("[data-testid=nav-ledger]");
        await page.SetViewportSizeAsync(1366, 900);

        // The filter by text keeps only the matching problem, and the filter stays in the URL.
        await page.FillAsync("#f-q", own.Problems[1].Code);
        await page.ClickAsync("[data-testid=apply-filters]");
        await page.WaitForURLAsync("**/ledger?**");
        var filteredCodes = await page.Locator("[data-testid=problem]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        var filteredUrl = page.Url;

        await page.GotoAsync(address + "/ledger");
        await page.ClickAsync($"a[href='/problems/{own.Problems[0].Id}']");
        await page.WaitForSelectorAsync("[data-testid=history]");
        var title = await page.TextContentAsync("[data-testid=problem-title]");
        var history = await page.Locator("[data-testid=history] tbody tr td:nth-child(4)").AllTextContentsAsync();
        var foreignPage = await page.GotoAsync(address + $"/problems/{foreign.Id}");
        var foreignText = await page.TextContentAsync("[data-testid=error-message]");
        var missing = await page.GotoAsync(address + "/no-such-page");
        var missingType = missing!.Headers.GetValueOrDefault("content-type", "");
        var errorViolations = await AxeViolations(page);

        await page.GotoAsync(address + "/ledger?culture=en");
        var english = await page.TextContentAsync("h1");
        await page.GotoAsync(address + "/");
        var englishRemembered = await page.TextContentAsync("[data-testid=nav-my-work]");

        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync("**/account/sign-in**");
        await page.GotoAsync(address + "/");
        var afterSignOut = page.Url;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Does.Contain("用户名或密码错误"));
            Assert.That(homeHeading, Does.StartWith("我的待办"));
            Assert.That(workKinds, Is.EquivalentTo(new[] { "SignReceipt", "ReportProgress", "ReportProgress" }),
                "the feedback waits for the unit's receipt, and both problems in rectification for a progress report");
            Assert.That(workTasks, Is.EquivalentTo(new[] { "签收", "报送整改进展", "报送整改进展" }));
            Assert.That(workCount, Is.EqualTo("3"));
            Assert.That(heading, Does.StartWith("整改台账"));
            Assert.That(headerColour, Is.EqualTo("rgb(164, 22, 26)"), "the stylesheet loaded under the page policy");
            Assert.That(units, Has.Length.EqualTo(2), "the bureau's two problems");
            Assert.That(units, Is.All.EqualTo(Org.Bureau.Id.ToString()), "only the user's own unit");
            Assert.That(ledgerText, Does.Contain(own.Problems[0].Code).And.Not.Contain(foreign.Code));
            Assert.That(lights, Is.All.AnyOf("绿灯", "黄灯", "红灯"));
            Assert.That(overflowAtPhoneWidth, Is.False, "at 390 px the ledger is read as cards, without scrolling sideways");
            Assert.That(menuCollapsed, Is.True, "at 390 px the menu folds behind its button");
            Assert.That(filteredCodes, Is.EqualTo(new[] { own.Problems[1].Code }));
            Assert.That(filteredUrl, Does.Contain("q=" + Uri.EscapeDataString(own.Problems[1].Code)));
            Assert.That(title, Does.Contain(own.Problems[0].Code));
            Assert.That(history, Is.EqualTo(new[] { "→ 已登记", "已登记 → 已反馈", "已反馈 → 整改中" }), "registered, fed back, rectifying: one line per step");
            Assert.That(foreignPage!.Status, Is.EqualTo(404), "another unit's problem does not exist for this user");
            Assert.That(foreignText, Is.EqualTo("页面不存在，或您无权查看。"));
            Assert.That(missing.Status, Is.EqualTo(404));
            Assert.That(missingType, Does.StartWith("text/html"), "a missing page is a page, not JSON");
            Assert.That(english, Does.StartWith("Rectification ledger"));
            Assert.That(englishRemembered, Does.StartWith("My tasks"), "the chosen language is remembered");
            Assert.That(afterSignOut, Does.Contain("/account/sign-in"));
            Assert.That(refusals, Is.Empty, "the page policy lets the pages load everything they need (Bootstrap, htmx, the stylesheet, the form posts)");
            Assert.That(signInViolations, Is.Empty, "axe on the sign-in page");
            Assert.That(myWorkViolations, Is.Empty, "axe on my tasks");
            Assert.That(ledgerViolations, Is.Empty, "axe on the ledger");
            Assert.That(errorViolations, Is.Empty, "axe on the error page");
        }
    }

    // The problem page's forms send the same commands as the API: a progress report without text is refused at its field and
    // changes nothing; with text it is recorded and shown, and without evidence the problem cannot yet go to review.
    [TimeLimit(300)]
    [Test]
    public async Task Liaison_SignsTheFeedbackReceipt_ThenReportsProgressOnTheProblemPage_AndAnEmptyReportIsRefusedAtItsField()
    {
        var chromium = ChromiumOrIgnore();
        // Another unit than the first test's, so each test has its own account on the shared host.
        var own = await InRectification(Org.Township);
        var problem = own.Problems[0];
        await TestAccounts.CreateAsync(Host, "t1-liaison");
        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "t1-liaison");

        // The feedback waits for the unit's receipt: signed on the receipts page, it leaves the list and my tasks.
        await page.ClickAsync("[data-testid=nav-receipts]");
        await page.WaitForSelectorAsync("[data-testid=receipts]");
        var receiptKinds = await page.Locator("[data-testid=receipt] td:first-child").AllTextContentsAsync();
        var receiptsViolations = await AxeViolations(page);
        await Screenshots(page, "receipts");
        await page.ClickAsync("[data-testid=sign-receipt]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var signed = await page.TextContentAsync("[data-testid=done]");
        var receiptsLeft = await page.Locator("[data-testid=receipt]").CountAsync();
        var acknowledged = await Host.Query(db => db.Receipts.CountAsync(r => r.UnitId == Org.Township.Id && r.State != Rectification.Domain.Receipts.ReceiptStates.Pending));

        await page.GotoAsync(Address + $"/problems/{problem.Id}");
        await page.ClickAsync("[data-testid=action-ReportProgress]");
        var refusedField = await page.TextContentAsync("#progress-text-error");
        var refusedInvalid = await page.GetAttributeAsync("#progress-text", "class");
        var reportsAfterRefusal = await Host.Query(db => db.Problems.Where(p => p.Id == problem.Id).SelectMany(p => p.Progress).CountAsync());
        var refusalViolations = await AxeViolations(page);

        await page.FillAsync("#progress-text", "已完成制度修订，印发《财务审批管理办法》。");
        await page.FillAsync("#progress-percent", "60");
        await page.ClickAsync("[data-testid=action-ReportProgress]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var done = await page.TextContentAsync("[data-testid=done]");
        var progress = await page.TextContentAsync("[data-testid=progress]");
        var offered = await page.Locator("[data-testid^=action-]").EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.dataset.testid)");
        var history = await page.TextContentAsync("[data-testid=history]");
        var pageViolations = await AxeViolations(page);
        await Screenshots(page, "problem");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiptKinds, Is.EqualTo(new[] { "反馈意见" }));
            Assert.That(signed, Is.EqualTo("已签收。"));
            Assert.That(receiptsLeft, Is.Zero);
            Assert.That(acknowledged, Is.EqualTo(1), "the receipt is stored as signed");
            Assert.That(receiptsViolations, Is.Empty, "axe on the receipts page");
            Assert.That(refusedField?.Trim(), Is.EqualTo("'整改进展情况' 不能为空。"), "the refusal is shown at the field, naming it as the user knows it");
            Assert.That(refusedInvalid, Does.Contain("is-invalid"));
            Assert.That(reportsAfterRefusal, Is.Zero, "a refused report changes nothing");
            Assert.That(done, Is.EqualTo("已完成：报送整改进展。"));
            Assert.That(progress, Does.Contain("已完成制度修订，印发《财务审批管理办法》。").And.Contain("60%"));
            Assert.That(offered, Is.EqualTo(new[] { "action-ReportProgress", "action-RequestExtension" }),
                "a report without evidence does not yet allow the submission for review (guard evidence-attached); more time may be asked while the deadline runs");
            Assert.That(history, Does.Contain("报送整改进展").And.Contain("t1-liaison"));
            Assert.That(browser.PolicyRefusals, Is.Empty);
            Assert.That(refusalViolations, Is.Empty, "axe on the problem page with a refused field");
            Assert.That(pageViolations, Is.Empty, "axe on the problem page");
        }
    }
}
