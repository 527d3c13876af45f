using Microsoft.EntityFrameworkCore;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// 运行维护 in a real browser: the administrator verifies an intact audit chain against the digest the page showed, then finds the
/// entry that was changed in the database behind the product's back; other roles get the 403 page.
/// </summary>
[NonParallelizable]
public sealed class SystemPageTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    [TimeLimit(120)]
    [Test]
    public async Task Administrator_VerifiesTheAuditChain_AndFindsTheEntryChangedInTheDatabase()
    {
        var chromium = ChromiumOrIgnore();
        await NewProblem(await NewInspection(Org.Bureau));
        await TestAccounts.CreateAsync(Host, "admin");
        await TestAccounts.CreateAsync(Host, "office");
        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "admin");
        await page.ClickAsync("[data-testid=nav-admin]");
        await page.ClickAsync("[data-testid=tab-system]");
        var digest = await page.InnerTextAsync("[data-testid=digest]");
        await page.FillAsync("#sys-digest", digest);
        await page.ClickAsync("[data-testid=action-Verify]");
        await page.WaitForSelectorAsync("[data-testid=verify-result]");
        var intact = await page.GetAttributeAsync("[data-testid=verify-result]", "data-intact");
        var confirmed = await page.InnerTextAsync("[data-testid=digest-confirmed]");
        var failedNone = await page.InnerTextAsync("[data-testid=failed-none]");
        var violations = await AxeViolations(page);
        await Screenshots(page, "admin-system");

        // The second entry's recorded state is edited directly in the database.
        var second = await Host.Query(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence == 2).Select(e => e.After).SingleAsync());
        await Host.Query(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "After" = {second + " "} WHERE "Sequence" = 2"""));
        await page.ClickAsync("[data-testid=action-Verify]");
        await page.WaitForSelectorAsync("[data-testid=verify-result][data-intact=false]");
        var broken = await page.InnerTextAsync("[data-testid=first-break]");
        await page.GotoAsync(Address + "/admin/system?culture=en");
        await page.ClickAsync("[data-testid=action-Verify]");
        await page.WaitForSelectorAsync("[data-testid=verify-result][data-intact=false]");
        var englishBroken = await page.InnerTextAsync("[data-testid=first-break]");
        var englishViolations = await AxeViolations(page);
        await page.SetViewportSizeAsync(390, 844);
        var overflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.SetViewportSizeAsync(1366, 900);
        await Screenshots(page, "admin-system-en");

        await SwitchUserAsync(page, "office");
        var forbidden = await page.GotoAsync(Address + "/admin/system");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(digest, Does.Match("^[0-9]+:[0-9a-f]{64}$"));
            Assert.That(intact, Is.EqualTo("true"));
            Assert.That(confirmed, Is.EqualTo("与保存的摘要一致。"));
            Assert.That(failedNone, Is.EqualTo("没有发送失败的邮件。"));
            Assert.That(violations, Is.Empty);
            Assert.That(broken, Is.EqualTo("第 2 条处断开：记录内容被修改"));
            Assert.That(englishBroken, Is.EqualTo("Broken at entry 2: the entry was changed"));
            Assert.That(englishViolations, Is.Empty);
            Assert.That(overflows, Is.False, "the digest wraps at 390 px");
            Assert.That(forbidden!.Status, Is.EqualTo(403));
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }
}
