using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rectification.Domain.Organization;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The administration pages in a real browser against the real host: the administrator creates an account (a refused short
/// password first, at its field, nothing saved) that then signs in; unlocks it after failed sign-ins, resets its password, disables
/// it (it can no longer sign in) and enables it; creates, renames, moves and deactivates a unit in the tree (a refused deactivation
/// first, nothing changed). Another role gets the 403 page, and names a deputy on its own page.
/// </summary>
[NonParallelizable]
public sealed class AdminPagesTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    private const string Overflow = "() => document.documentElement.scrollWidth > window.innerWidth";
    private const string NewPassword = "Reset-Clerk-Password-2026";

    [TimeLimit(400)]
    [Test]
    public async Task Admin_ManagesAnAccountAndAUnit_InChinese_AndAnotherRoleIsRefused_AndNamesADeputy()
    {
        var chromium = ChromiumOrIgnore();
        await TestAccounts.CreateAsync(Host, "admin");
        await TestAccounts.CreateAsync(Host, "b1-liaison");
        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        var violations = new Dictionary<string, string[]>();
        var overflow = new Dictionary<string, bool>();

        async Task Check(string name)
        {
            violations[name] = await AxeViolations(page);
            await page.SetViewportSizeAsync(390, 844);
            overflow[name] = await page.EvaluateAsync<bool>(Overflow);
            await page.SetViewportSizeAsync(1366, 900);
        }

        const string Row = "[data-testid=account][data-user=b1-clerk]";
        using var api = new HttpClient { BaseAddress = new Uri(Address) };
        async Task<HttpStatusCode> SignInOverApi(string password) =>
            (await api.PostAsJsonAsync("/api/account/token", new { userName = "b1-clerk", password })).StatusCode;

        await SignInAsync(page, "admin");
        await page.ClickAsync("[data-testid=nav-admin]");
        await page.WaitForSelectorAsync("[data-testid=form-create]");
        var listedBefore = await page.Locator("[data-testid=account]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.user)");
        await Check("accounts");

        // A password of eight characters: refused at its field by the password rules, the rest kept, nobody saved.
        await page.FillAsync("#ca-user-name", "b1-clerk");
        await page.FillAsync("#ca-display-name", "王文书");
        await page.SelectOptionAsync("#ca-role", nameof(Role.UnitLiaison));
        await page.SelectOptionAsync("#ca-unit", Org.Bureau.Id.ToString());
        await page.FillAsync("#ca-email", "b1-clerk@test.local");
        await page.FillAsync("#ca-password", "Short-1a");
        await page.ClickAsync("[data-testid=action-Create]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var passwordError = await page.InnerTextAsync("#ca-password-error");
        var passwordInvalid = await page.GetAttributeAsync("#ca-password", "class");
        var keptName = await page.InputValueAsync("#ca-display-name");
        var keptUnit = await page.InputValueAsync("#ca-unit");
        var savedAfterRefusal = await Host.Query(db => db.Users.CountAsync(u => u.UserName == "b1-clerk"));
        await Check("create refused");

        await page.FillAsync("#ca-password", TestAccounts.Password);
        await page.ClickAsync("[data-testid=action-Create]");
        await page.WaitForURLAsync("**/admin/accounts?done=Create**");
        var created = await page.TextContentAsync("[data-testid=done]");
        var createdRow = await page.InnerTextAsync(Row);
        var user = await Host.Query(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "b1-clerk"));

        // The new user signs in with the password the administrator gave.
        await SwitchUserAsync(page, "b1-clerk");
        var newUserShown = await page.TextContentAsync("[data-testid=user]");
        var clerkSeesAdmin = await page.Locator("[data-testid=nav-admin]").CountAsync();
        await SwitchUserAsync(page, "admin");

        // Five wrong passwords lock the account out (Authentication:Lockout).
        for (var i = 0; i < 5; i++)
        {
            await SignInOverApi("Wrong-Password-2026");
        }

        var lockedOutAnswer = await SignInOverApi(TestAccounts.Password);
        await page.GotoAsync(Address + "/admin/accounts?q=clerk");
        var lockedStatus = await page.GetAttributeAsync(Row, "data-status");
        var lockedUntil = await page.TextContentAsync($"{Row} [data-testid=locked-until]");
        var lastSignIn = await page.TextContentAsync($"{Row} [data-testid=last-sign-in]");
        var filtered = await page.Locator("[data-testid=account]").CountAsync();
        await Check("locked out");
        await Screenshots(page, "admin-accounts");
        await page.ClickAsync($"{Row} [data-testid=action-Unlock]");
        await page.WaitForURLAsync("**done=Unlock**");
        var unlocked = await page.TextContentAsync("[data-testid=done]");
        var unlockedStatus = await page.GetAttributeAsync(Row, "data-status");
        var keptFilter = await page.InputValueAsync("#q");
        var afterUnlock = await SignInOverApi(TestAccounts.Password);

        // A reset password: a short one refused at the row's own field, then one the rules accept.
        await page.ClickAsync($"{Row} [data-testid=reset] summary");
        await page.FillAsync($"#pw-{user.Id}", "short");
        await page.ClickAsync($"{Row} [data-testid=action-Reset]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var resetError = await page.InnerTextAsync($"#pw-{user.Id}-error");
        var stillOldPassword = await SignInOverApi(TestAccounts.Password);
        await Check("reset refused");
        await page.FillAsync($"#pw-{user.Id}", NewPassword);
        await page.ClickAsync($"{Row} [data-testid=action-Reset]");
        await page.WaitForURLAsync("**done=Reset**");
        var reset = await page.TextContentAsync("[data-testid=done]");
        var oldPasswordAfterReset = await SignInOverApi(TestAccounts.Password);
        var newPasswordAfterReset = await SignInOverApi(NewPassword);

        // Disabling asks first; once confirmed, the account cannot sign in until enabled.
        await page.ClickAsync($"{Row} [data-testid=action-Disable]");
        await page.WaitForSelectorAsync("[data-testid=confirm-disable]");
        var question = await page.TextContentAsync("#confirm-text");
        var disabledBeforeConfirm = await SignInOverApi(NewPassword);
        await Check("confirm disable");
        await page.ClickAsync("[data-testid=confirm-disable-button]");
        await page.WaitForURLAsync("**done=Disable**");
        var disabled = await page.TextContentAsync("[data-testid=done]");
        var disabledStatus = await page.InnerTextAsync($"{Row} [data-testid=status]");
        var whileDisabled = await SignInOverApi(NewPassword);
        var selfDisable = await page.Locator("[data-testid=account][data-user=admin] [data-testid=action-Disable]").CountAsync();
        await page.ClickAsync($"{Row} [data-testid=action-Enable]");
        await page.WaitForURLAsync("**done=Enable**");
        var enabled = await page.TextContentAsync("[data-testid=done]");
        var afterEnable = await SignInOverApi(NewPassword);

        // Units: create under the first district, rename, move under the second, deactivate; the bureau first, which still has an account.
        await page.ClickAsync("[data-testid=tab-units]");
        await page.WaitForSelectorAsync("[data-testid=tree]");
        var treeCodes = await page.Locator("[data-testid=unit]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.code)");
        await Check("units");
        await page.SelectOptionAsync("#cu-parent", Org.District1.Id.ToString());
        await page.FillAsync("#cu-code", "A9");
        await page.FillAsync("#cu-name", "一区审计局");
        await page.SelectOptionAsync("#cu-level", nameof(UnitLevel.Bureau));
        await page.ClickAsync("[data-testid=action-CreateUnit]");
        await page.WaitForURLAsync("**done=CreateUnit**");
        var unitCreated = await page.TextContentAsync("[data-testid=done]");
        var unit = await Host.Query(db => db.Units.AsNoTracking().SingleAsync(u => u.Code == "A9"));
        var nestedUnder = await page.GetAttributeAsync("[data-testid=unit][data-code=A9]", "data-code")
            is not null ? await page.Locator("[data-testid=unit][data-code=D1] [data-testid=unit][data-code=A9]").CountAsync() : 0;

        await page.FillAsync("#rename-name", "一区审计局（新）");
        await page.ClickAsync("[data-testid=action-Rename]");
        await page.WaitForURLAsync("**done=Rename**");
        var renamed = await page.TextContentAsync("[data-testid=done]");
        var renamedHeading = await page.TextContentAsync("#selected-heading");

        await page.SelectOptionAsync("#move-parent", Org.District2.Id.ToString());
        await page.ClickAsync("[data-testid=action-Move]");
        await page.WaitForURLAsync("**done=Move**");
        var moved = await page.TextContentAsync("[data-testid=done]");
        var movedUnder = await page.Locator("[data-testid=unit][data-code=D2] [data-testid=unit][data-code=A9]").CountAsync();
        var movedStored = await Host.Query(db => db.Units.AsNoTracking().Where(u => u.Id == unit.Id).Select(u => new { u.Name, u.Path }).SingleAsync());
        await Check("unit moved");
        await Screenshots(page, "admin-units");

        await page.GotoAsync(Address + $"/admin/units?unit={Org.Bureau.Id}");
        await page.ClickAsync("[data-testid=action-Deactivate]");
        await page.ClickAsync("[data-testid=confirm-deactivate-button]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var bureauRefused = await page.TextContentAsync("[data-testid=refusal]");
        var bureauActive = await Host.Query(db => db.Units.Where(u => u.Id == Org.Bureau.Id).Select(u => u.DeactivatedAt).SingleAsync());

        await page.GotoAsync(Address + $"/admin/units?unit={unit.Id}");
        await page.ClickAsync("[data-testid=action-Deactivate]");
        await page.WaitForSelectorAsync("[data-testid=confirm-deactivate]");
        var deactivateQuestion = await page.TextContentAsync("#confirm-deactivate-text");
        await Check("confirm deactivate");
        await page.ClickAsync("[data-testid=confirm-deactivate-button]");
        await page.WaitForURLAsync("**done=Deactivate**");
        var deactivated = await page.TextContentAsync("[data-testid=done]");
        var badge = await page.TextContentAsync("[data-testid=unit][data-code=A9] [data-testid=inactive]");
        var stored = await Host.Query(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == unit.Id));
        var parentChoices = await page.Locator("#cu-parent option").AllTextContentsAsync();
        await Check("unit deactivated");

        // Any other role: the administration is a 403 page, and the menu has no link to it; the deputies page is everyone's.
        await SwitchUserAsync(page, "b1-liaison");
        var adminLinks = await page.Locator("[data-testid=nav-admin]").CountAsync();
        var forbidden = await page.GotoAsync(Address + "/admin/accounts");
        var forbiddenText = await page.InnerTextAsync("main");
        await Check("403");
        var forbiddenUnits = await page.GotoAsync(Address + "/admin/units");
        await page.GotoAsync(Address + "/");
        await page.ClickAsync("[data-testid=user]");
        await page.WaitForURLAsync("**/me/deputies");
        var none = await page.TextContentAsync("[data-testid=deputies-none]");
        await Check("deputies empty");
        var leader = await Host.Query(db => db.Users.Where(u => u.UserName == "b1-leader").Select(u => u.Id).SingleAsync());
        await page.SelectOptionAsync("#dp-deputy", leader.ToString());
        await page.FillAsync("#dp-from", "2026-03-10");
        await page.FillAsync("#dp-to", "2026-03-20");
        await page.ClickAsync("[data-testid=action-NameDeputy]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var reasonError = await page.InnerTextAsync("#dp-reason-error");
        await page.FillAsync("#dp-reason", "赴省里参加培训");
        await page.ClickAsync("[data-testid=action-NameDeputy]");
        await page.WaitForURLAsync("**/me/deputies?done=true");
        var named = await page.TextContentAsync("[data-testid=done]");
        var deputyRow = await page.InnerTextAsync("[data-testid=deputy]");
        var candidates = await page.Locator("#dp-deputy option").AllTextContentsAsync();
        await Check("deputies");
        await Screenshots(page, "me-deputies");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(listedBefore, Is.EqualTo(new[] { "admin", "b1-liaison" }), "the accounts of the city's units, in tree order");
            Assert.That(passwordError, Does.Contain("12"), "the password rules are named at the password field");
            Assert.That(passwordInvalid, Does.Contain("is-invalid"));
            Assert.That((keptName, keptUnit), Is.EqualTo(("王文书", Org.Bureau.Id.ToString())), "what was typed is kept");
            Assert.That(savedAfterRefusal, Is.Zero, "a refused account saves nothing");
            Assert.That(created, Is.EqualTo("已创建账号。"));
            Assert.That(createdRow, Does.Contain("b1-clerk").And.Contain("王文书").And.Contain("整改联络员").And.Contain("一区财政局").And.Contain("正常").And.Contain("从未登录"));
            Assert.That((user.Role, user.UnitId, user.Email, user.PreferredLanguage), Is.EqualTo((Role.UnitLiaison, Org.Bureau.Id, "b1-clerk@test.local", "zh-CN")));
            Assert.That(newUserShown, Is.EqualTo("王文书 · 整改联络员"), "the new user signed in");
            Assert.That(clerkSeesAdmin, Is.Zero, "only an administrator has the administration in the menu");
            Assert.That(lockedOutAnswer, Is.EqualTo(HttpStatusCode.Unauthorized), "locked out, the right password is refused too");
            Assert.That(lockedStatus, Is.EqualTo("locked"));
            Assert.That(lockedUntil, Does.Match(@"^\d{4}-\d\d-\d\d \d\d:\d\d$"));
            Assert.That(lastSignIn, Is.EqualTo("2026-03-02 09:00"), "the sign-in of the test clock's moment, in Beijing time");
            Assert.That(filtered, Is.EqualTo(1), "the filter keeps the one account that matches");
            Assert.That(unlocked, Is.EqualTo("已解除锁定。"));
            Assert.That(unlockedStatus, Is.EqualTo("active"));
            Assert.That(keptFilter, Is.EqualTo("clerk"));
            Assert.That(afterUnlock, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(resetError, Does.Contain("12"), "the short password is refused at the row's own field");
            Assert.That(stillOldPassword, Is.EqualTo(HttpStatusCode.OK), "a refused reset changes nothing");
            Assert.That(reset, Is.EqualTo("已重置密码，该账号原有的登录均已失效。"));
            Assert.That((oldPasswordAfterReset, newPasswordAfterReset), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.OK)));
            Assert.That(question, Is.EqualTo("确定停用“王文书（b1-clerk）”的账号吗？停用后该账号立即退出所有登录，且不能再登录，直至重新启用。"));
            Assert.That(disabledBeforeConfirm, Is.EqualTo(HttpStatusCode.OK), "nothing happens before the confirmation");
            Assert.That(disabled, Is.EqualTo("已停用账号。"));
            Assert.That(disabledStatus, Is.EqualTo("已停用"));
            Assert.That(whileDisabled, Is.EqualTo(HttpStatusCode.Unauthorized), "a disabled account cannot sign in");
            Assert.That(selfDisable, Is.Zero, "one's own account offers no disabling");
            Assert.That(enabled, Is.EqualTo("已启用账号。"));
            Assert.That(afterEnable, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(treeCodes, Is.EqualTo(new[] { "T", "D1", "B1", "T1", "D2", "H1", "X1" }), "the tree of the administrator's scope");
            Assert.That(unitCreated, Is.EqualTo("已新建单位。"));
            Assert.That((unit.Name, unit.Path, unit.Level), Is.EqualTo(("一区审计局", "/T/D1/A9/", UnitLevel.Bureau)));
            Assert.That(nestedUnder, Is.EqualTo(1), "the new unit is shown under its parent");
            Assert.That(renamed, Is.EqualTo("已更名。"));
            Assert.That(renamedHeading, Is.EqualTo("所选单位：一区审计局（新）"));
            Assert.That(moved, Is.EqualTo("已调整上级单位。"));
            Assert.That(movedUnder, Is.EqualTo(1), "the moved unit is shown under its new parent");
            Assert.That((movedStored.Name, movedStored.Path), Is.EqualTo(("一区审计局（新）", "/T/D2/A9/")));
            Assert.That(bureauRefused, Is.EqualTo("“一区财政局”还有 2 个未停用的账户，请先停用这些账户。"), "b1-liaison's and b1-clerk's");
            Assert.That(bureauActive, Is.Null, "a refused deactivation changes nothing");
            Assert.That(deactivateQuestion, Is.EqualTo("确定撤销“一区审计局（新）”吗？"));
            Assert.That(deactivated, Is.EqualTo("已撤销单位。"));
            Assert.That(badge, Is.EqualTo("已撤销"));
            Assert.That(stored.DeactivatedAt, Is.EqualTo(Host.Clock.GetUtcNow().UtcDateTime));
            Assert.That(parentChoices, Has.None.Contains("一区审计局"), "a deactivated unit is no parent to choose");
            Assert.That(adminLinks, Is.Zero);
            Assert.That(forbidden!.Status, Is.EqualTo(403));
            Assert.That(forbiddenText, Does.Contain("您无权执行此操作。"));
            Assert.That(forbiddenUnits!.Status, Is.EqualTo(403));
            Assert.That(none, Is.EqualTo("目前没有代理人。"));
            Assert.That(reasonError, Is.EqualTo("'原因' 不能为空。"), "the empty reason is refused at its field");
            Assert.That(named, Is.EqualTo("已指定代理人。"));
            Assert.That(deputyRow, Does.Contain("b1-leader").And.Contain("2026-03-10 – 2026-03-20").And.Contain("赴省里参加培训").And.Contain("未开始"));
            Assert.That(candidates, Is.EqualTo(new[] { "请选择", "b1-leader", "王文书" }), "the other people of the liaison's unit");
            Assert.That(violations, Has.All.Matches<KeyValuePair<string, string[]>>(v => v.Value.Length == 0),
                () => string.Join("; ", violations.Where(v => v.Value.Length > 0).Select(v => $"{v.Key}: {string.Join(", ", v.Value)}")));
            Assert.That(overflow.Where(o => o.Value).Select(o => o.Key), Is.Empty, "no page scrolls sideways at 390 px");
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }

    [TimeLimit(200)]
    [Test]
    public async Task InEnglish_TheAdministrationPagesSpeakEnglish_AndCreateAUnit()
    {
        var chromium = ChromiumOrIgnore();
        // The host serves the whole fixture: the Chinese test may have given the administrator an account already.
        if (!await Host.Query(db => db.Set<Rectification.Infrastructure.Identity.Account>().AnyAsync(a => a.UserName == "admin")))
        {
            await TestAccounts.CreateAsync(Host, "admin");
        }

        await using var browser = await BrowserSession.StartAsync(chromium, "en");
        var page = browser.Page;
        await SignInAsync(page, "admin");
        var menu = await page.TextContentAsync("[data-testid=nav-admin]");
        await page.ClickAsync("[data-testid=nav-admin]");
        await page.WaitForSelectorAsync("[data-testid=form-create]");
        var heading = await page.TextContentAsync("h1");
        var headers = await page.Locator("[data-testid=accounts] th").AllTextContentsAsync();
        var status = await page.InnerTextAsync("[data-testid=account][data-user=admin] [data-testid=status]");
        var accountsViolations = await AxeViolations(page);
        await Screenshots(page, "admin-accounts-en");

        await page.ClickAsync("[data-testid=tab-units]");
        await page.WaitForSelectorAsync("[data-testid=tree]");
        await page.SelectOptionAsync("#cu-parent", Org.District2.Id.ToString());
        await page.FillAsync("#cu-code", "E1");
        await page.ClickAsync("[data-testid=action-CreateUnit]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var nameError = await page.InnerTextAsync("#cu-name-error");
        await page.FillAsync("#cu-name", "二区统计局");
        await page.ClickAsync("[data-testid=action-CreateUnit]");
        await page.WaitForURLAsync("**done=CreateUnit**");
        var done = await page.TextContentAsync("[data-testid=done]");
        var unitsViolations = await AxeViolations(page);
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<bool>(Overflow);
        await page.SetViewportSizeAsync(1366, 900);
        await Screenshots(page, "admin-units-en");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(menu, Is.EqualTo("Administration"));
            Assert.That(heading, Does.StartWith("Accounts"));
            Assert.That(headers, Is.EqualTo(new[] { "User name", "Name", "Role", "Unit", "Status", "Locked out until", "Last sign-in", "Actions" }));
            Assert.That(status, Is.EqualTo("Active"));
            Assert.That(nameError, Is.EqualTo("'name' must not be empty."));
            Assert.That(done, Is.EqualTo("The unit is created."));
            Assert.That(await Host.Query(db => db.Units.Where(u => u.Code == "E1").Select(u => u.Path).SingleAsync()), Is.EqualTo("/T/D2/E1/"));
            Assert.That(accountsViolations, Is.Empty);
            Assert.That(unitsViolations, Is.Empty);
            Assert.That(overflow, Is.False);
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }
}
