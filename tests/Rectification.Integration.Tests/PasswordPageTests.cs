using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>修改密码 in a real browser: a mismatch is refused at its field, then the change signs the user out and only the new password opens.</summary>
[NonParallelizable]
public sealed class PasswordPageTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    [TimeLimit(120)]
    [Test]
    public async Task User_ChangesTheirPassword_TheOldOneNoLongerSignsIn()
    {
        var chromium = ChromiumOrIgnore();
        await TestAccounts.CreateAsync(Host, "b1-liaison");
        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "b1-liaison");
        await page.ClickAsync("[data-testid=user]");
        await page.ClickAsync("[data-testid=change-password]");
        await page.FillAsync("#pw-current", TestAccounts.Password);
        await page.FillAsync("#pw-new", "Neues-Kennwort-2026");
        await page.FillAsync("#pw-confirm", "Neues-Kennwort-2025");
        await page.ClickAsync("[data-testid=action-ChangePassword]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var mismatch = await page.InnerTextAsync("#pw-confirm-error");
        var violations = await AxeViolations(page);
        await Screenshots(page, "me-password");

        await page.FillAsync("#pw-current", TestAccounts.Password);
        await page.FillAsync("#pw-new", "Neues-Kennwort-2026");
        await page.FillAsync("#pw-confirm", "Neues-Kennwort-2026");
        await page.ClickAsync("[data-testid=action-ChangePassword]");
        await page.WaitForSelectorAsync("[data-testid=password-changed]");
        var changed = await page.InnerTextAsync("[data-testid=password-changed]");

        await page.FillAsync("input[name=userName]", "b1-liaison");
        await page.FillAsync("input[name=password]", TestAccounts.Password);
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForSelectorAsync("[data-testid=error]");
        var oldRefused = page.Url.Contains("/account/sign-in", StringComparison.Ordinal);
        await page.FillAsync("input[name=userName]", "b1-liaison");
        await page.FillAsync("input[name=password]", "Neues-Kennwort-2026");
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        var signedInAs = await page.InnerTextAsync("[data-testid=user]");
        await page.GotoAsync(Address + "/me/password?culture=en");
        await page.ClickAsync("[data-testid=action-ChangePassword]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var englishMissing = await page.InnerTextAsync("#pw-current-error");
        var englishViolations = await AxeViolations(page);
        await page.SetViewportSizeAsync(390, 844);
        var overflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.SetViewportSizeAsync(1366, 900);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mismatch, Is.EqualTo("两次输入的新密码不一致。"));
            Assert.That(violations, Is.Empty);
            Assert.That(changed, Is.EqualTo("密码已修改，请用新密码登录。"));
            Assert.That(oldRefused, Is.True, "the old password no longer signs in");
            Assert.That(signedInAs, Does.EndWith("· 整改联络员"), "signed in as the liaison again");
            Assert.That(englishMissing, Is.EqualTo("This field is required."), "the empty current password is refused at its field, in English");
            Assert.That(englishViolations, Is.Empty);
            Assert.That(overflows, Is.False);
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }
}
