using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rectification.Application.Workplace;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Reminders;
using Rectification.Domain.Workplace;
using Rectification.Infrastructure;
using Rectification.Web.Pages.Shared;

namespace Rectification.Integration.Tests;

/// <summary>
/// 未巡先改 in a real browser against the real host: the office pushes a bureau's problem from its page to two units (a push with no
/// unit ticked refused at the units first, nothing saved); the township's liaison answers "not present" (an empty statement refused
/// at its field first), the hospital's liaison opens it as the hospital's problem (missing facts refused at their field first); the
/// push page counts the answers and shows each unit's; once in English.
/// </summary>
[NonParallelizable]
public sealed class CommonProblemPagesTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    private const string Overflow = "() => document.documentElement.scrollWidth > window.innerWidth";
    private const string Title = "落实全面从严治党主体责任不到位";
    private const string Statement = "经对照自查，本镇党委班子成员均已签订一岗双责责任书，不存在该问题。";
    private const string Description = "本院班子成员落实一岗双责同样存在不到位的情况";

    private static async Task<string[]> Texts(IPage page, string selector) => [.. await page.Locator(selector).AllInnerTextsAsync()];

    [Test]
    public void MyTasksItemsOfASelfCheck_LeadToTheSelfChecksPage()
    {
        var talk = new WorkItem(WorkKind.ReminderTalk, SelfCheckTask.Lifecycle, Guid.NewGuid(), Guid.NewGuid(), Guid.Empty, Guid.NewGuid(), "一区东镇", "", "提醒谈话",
            null, TrafficLight.Red, DateTime.UtcNow);
        var extension = talk with { Kind = WorkKind.DecideExtension };
        var receipt = talk with { Kind = WorkKind.SignReceipt };

        Assert.That((PageLinks.For(talk), PageLinks.For(extension), PageLinks.For(receipt)), Is.EqualTo(("/self-checks", "/self-checks", "/receipts")));
    }

    [Order(2)]
    [TimeLimit(200)]
    [Test]
    public async Task Group_PushesBelowAUnitOfOneLevel_FromTheProblemPage()
    {
        var chromium = ChromiumOrIgnore();
        var problem = (await InRectification(Org.Hospital)).Problems[0];
        await TestAccounts.CreateAsync(Host, "group");
        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;

        await SignInAsync(page, "group");
        await page.GotoAsync(Address + $"/problems/{problem.Id}");
        await page.CheckAsync("#push-mode-below");
        await page.SelectOptionAsync("#push-under", new SelectOptionValue { Label = "一区" });
        await page.SelectOptionAsync("#push-level", "Bureau");
        await page.ClickAsync("[data-testid=action-PushCommon]");
        await page.WaitForURLAsync("**/common-problems/*?done=pushed");
        var units = await page.Locator("[data-testid=cp-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)");
        var done = await page.InnerTextAsync("[data-testid=done]");
        var axe = await AxeViolations(page);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(units, Is.EqualTo(new[] { "一区财政局" }), "the bureaus below the first district");
            Assert.That(done, Is.EqualTo("已作为共性问题推送至 1 个单位。"));
            Assert.That(axe, Is.Empty);
        }
    }

    [Order(1)]
    [TimeLimit(400)]
    [Test]
    public async Task Office_PushesACommonProblem_TwoUnitsAnswer_ThePushPageCountsTheirAnswers()
    {
        var chromium = ChromiumOrIgnore();
        // 2026-03-02 (Monday) 09:00 Beijing time: a bureau's problem in rectification. 20 working days to answer: 2026-03-30.
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        foreach (var name in new[] { "office", "t1-liaison", "h1-liaison" })
        {
            await TestAccounts.CreateAsync(Host, name);
        }

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

        // The office: no unit ticked, refused at the units with the note kept and nothing saved; then the township and the hospital.
        await SignInAsync(page, "office");
        await page.GotoAsync(Address + $"/problems/{problem.Id}");
        await page.WaitForSelectorAsync("[data-testid=form-push]");
        var offered = await page.Locator("[data-testid=push-units] input[type=checkbox]").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.dataset.name)");
        await Check("problem with the push form");
        await Screenshots(page, "common-push-form");
        await page.FillAsync("#push-note", "请各单位对号入座、举一反三");
        await page.ClickAsync("[data-testid=action-PushCommon]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var unitsError = await page.InnerTextAsync("#push-units-error");
        var keptNote = await page.InputValueAsync("#push-note");
        var savedAfterRefusal = await Host.Query(db => db.CommonProblemPushes.CountAsync(p => p.ProblemId == problem.Id));
        await Check("push refused");
        await Screenshots(page, "common-push-refused");

        await page.CheckAsync("[data-testid=push-units] input[data-name='一区东镇']");
        await page.CheckAsync("[data-testid=push-units] input[data-name='二区人民医院']");
        await page.ClickAsync("[data-testid=action-PushCommon]");
        await page.WaitForURLAsync("**/common-problems/*?done=pushed");
        var pushed = await page.InnerTextAsync("[data-testid=done]");
        var push = await Host.Query(db => db.CommonProblemPushes.AsNoTracking().SingleAsync(p => p.ProblemId == problem.Id));
        var pendingCounts = await Texts(page, "[data-testid=cp-counts] [data-testid=cp-count-value]");
        var pendingStates = await Texts(page, "[data-testid=cp-row] [data-testid=cp-row-state]");
        await Check("push pending");
        await page.GotoAsync(Address + $"/problems/{problem.Id}");
        var formsAfterPush = await page.Locator("[data-testid=form-push]").CountAsync();
        var pushLink = await page.GetAttributeAsync("[data-testid=push-link]", "href");

        // The township's liaison: an empty statement refused at its field, then "not present".
        await SwitchUserAsync(page, "t1-liaison");
        await page.ClickAsync("[data-testid=nav-self-checks]");
        await page.WaitForSelectorAsync("[data-testid=self-check]");
        var townshipTasks = await page.Locator("[data-testid=self-check]").CountAsync();
        var townshipTitle = await page.InnerTextAsync("[data-testid=self-check] h2");
        var townshipDue = await page.InnerTextAsync("[data-testid=self-check-due]");
        var townshipLight = await page.InnerTextAsync("[data-testid=self-check-light]");
        var townshipState = await page.InnerTextAsync("[data-testid=self-check-state]");
        await Check("self-checks of the township");
        await Screenshots(page, "self-checks");
        await page.ClickAsync("[data-testid=action-NotPresent]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var statementError = await page.InnerTextAsync("#sc-0-statement-error");
        var statementLabel = await page.InnerTextAsync("label[for=sc-0-statement]");
        var answeredAfterRefusal = await Host.Query(db => db.SelfCheckTasks.CountAsync(t => t.State != SelfCheckStates.Pending && t.PushId == push.Id));
        await Check("not present refused");
        await page.FillAsync("#sc-0-statement", Statement);
        await page.ClickAsync("[data-testid=action-NotPresent]");
        await page.WaitForURLAsync("**/self-checks?done=not-present");
        var notPresent = await page.InnerTextAsync("[data-testid=done]");
        var townshipAnswered = await page.InnerTextAsync("[data-testid=self-check-state]");
        var formsLeft = await page.Locator("[data-testid=self-check] form").CountAsync();
        await Check("not present answered");

        // The hospital's liaison: the facts left out, refused at their field with the rest kept, then the hospital's own problem.
        await SwitchUserAsync(page, "h1-liaison");
        await page.GotoAsync(Address + "/self-checks");
        await page.FillAsync("#sc-0-description", Description);
        await page.SelectOptionAsync("#sc-0-severity", "General");
        await page.ClickAsync("[data-testid=action-Open]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var factsError = await page.InnerTextAsync("#sc-0-facts-error");
        var keptDescription = await page.InputValueAsync("#sc-0-description");
        var keptSeverity = await page.InputValueAsync("#sc-0-severity");
        var hospitalProblemsAfterRefusal = await Host.Query(db => db.Problems.CountAsync(p => p.UnitId == Org.Hospital.Id && p.Code.Contains("-ZC-")));
        await Check("open refused");
        await Screenshots(page, "self-checks-refused");
        await page.FillAsync("#sc-0-facts", "自查调阅院党委会议记录8份，其中3份未研究分管领域党风廉政建设");
        await page.ClickAsync("[data-testid=action-Open]");
        await page.WaitForURLAsync("**/self-checks?done=opened**");
        var opened = await page.InnerTextAsync("[data-testid=done]");
        var own = await Host.Query(db => db.Problems.AsNoTracking().SingleAsync(p => p.UnitId == Org.Hospital.Id && p.Code.Contains("-ZC-")));
        await Check("opened");
        await page.ClickAsync("[data-testid=done-problem]");
        await page.WaitForURLAsync($"**/problems/{own.Id}");
        var ownTitle = await page.InnerTextAsync("[data-testid=problem-title]");
        var ownState = await page.InnerTextAsync("[data-testid=state]");

        // The office reads the push: the counts and each unit's answer.
        await SwitchUserAsync(page, "office");
        await page.GotoAsync(Address + $"/common-problems/{push.Id}");
        var heading = await page.InnerTextAsync("[data-testid=cp-heading]");
        var due = await page.InnerTextAsync("[data-testid=cp-due]");
        var note = await page.InnerTextAsync("[data-testid=cp-note]");
        var counts = await Texts(page, "[data-testid=cp-counts] li");
        var rowUnits = await page.Locator("[data-testid=cp-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)");
        var rowStates = await Texts(page, "[data-testid=cp-row] [data-testid=cp-row-state]");
        var rowAnswers = await Texts(page, "[data-testid=cp-row] [data-testid=cp-row-answer]");
        var problemLink = await page.GetAttributeAsync("[data-testid=cp-row-problem]", "href");
        await Check("push answered");
        await Screenshots(page, "common-push-progress");
        await page.GotoAsync(Address + "/self-checks");
        var officeTasks = await page.Locator("[data-testid=self-check]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit + ' ' + r.dataset.state)");
        var officeForms = await page.Locator("[data-testid=self-check] form").CountAsync();
        var officePushLinks = await page.Locator("[data-testid=self-check-push]").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        await Check("self-checks of the office");

        // Once in English.
        await page.GotoAsync(Address + $"/common-problems/{push.Id}?culture=en");
        var englishHeading = await page.InnerTextAsync("[data-testid=cp-heading]");
        var englishCounts = await Texts(page, "[data-testid=cp-counts] li");
        var englishStates = await Texts(page, "[data-testid=cp-row] [data-testid=cp-row-state]");
        var englishProblem = await page.InnerTextAsync("[data-testid=cp-row-problem] >> xpath=..");
        await Check("push in English");
        await Screenshots(page, "common-push-progress-en");
        await page.GotoAsync(Address + "/self-checks");
        var englishTaskStates = await Texts(page, "[data-testid=self-check-state]");
        var englishMenu = await page.InnerTextAsync("[data-testid=nav-self-checks]");
        await Check("self-checks in English");
        await Screenshots(page, "self-checks-en");
        await page.GotoAsync(Address + "/self-checks?culture=zh-CN");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(offered, Is.EquivalentTo(new[] { "测试市", "一区", "二区", "一区东镇", "二区人民医院", "二区无人单位" }), "every unit of the office's scope but the problem's own");
            Assert.That(unitsError, Is.EqualTo("请至少勾选一个单位。"));
            Assert.That(keptNote, Is.EqualTo("请各单位对号入座、举一反三"));
            Assert.That(savedAfterRefusal, Is.Zero, "a refused push saves nothing");
            Assert.That(pushed, Is.EqualTo("已作为共性问题推送至 2 个单位。"));
            Assert.That((push.ProblemId, push.Note, push.DueDate), Is.EqualTo((problem.Id, "请各单位对号入座、举一反三", new DateOnly(2026, 3, 30))));
            Assert.That(pendingCounts, Is.EqualTo(new[] { "2", "0", "0", "2", "0", "0" }));
            Assert.That(pendingStates, Is.EqualTo(new[] { "待作答", "待作答" }));
            Assert.That(formsAfterPush, Is.Zero, "a problem is pushed once");
            Assert.That(pushLink, Is.EqualTo($"/common-problems/{push.Id}"));
            Assert.That(townshipTasks, Is.EqualTo(1));
            Assert.That(townshipTitle, Is.EqualTo(Title));
            Assert.That((townshipDue, townshipLight, townshipState), Is.EqualTo(("2026-03-30", "绿灯", "待作答")));
            Assert.That(statementError, Is.EqualTo("'情况说明' 不能为空。"));
            Assert.That(statementLabel, Is.EqualTo("情况说明"), "the message names the field by its label");
            Assert.That(answeredAfterRefusal, Is.Zero, "a refused answer saves nothing");
            Assert.That(notPresent, Is.EqualTo("已报告本单位无此问题。"));
            Assert.That(townshipAnswered, Is.EqualTo("本单位无此问题"));
            Assert.That(formsLeft, Is.Zero, "an answered task offers no other answer");
            Assert.That(factsError, Is.EqualTo("'事实' 不能为空。"));
            Assert.That((keptDescription, keptSeverity), Is.EqualTo((Description, "General")));
            Assert.That(hospitalProblemsAfterRefusal, Is.Zero, "a refused answer opens nothing");
            Assert.That(opened, Does.StartWith("已登记为本单位问题，整改方案已开启。"));
            Assert.That(ownTitle, Does.EndWith(" · " + Title));
            Assert.That(ownState, Is.EqualTo("已反馈"), "the push stands for the feedback");
            Assert.That(heading, Is.EqualTo("共性问题推送 · " + Title));
            Assert.That((due, note), Is.EqualTo(("2026-03-30", "请各单位对号入座、举一反三")));
            Assert.That(counts, Is.EqualTo(new[] { "推送单位 2", "无此问题 1", "已登记问题 1", "待作答 0", "逾期未答 0", "逾期作答 0" }));
            Assert.That(rowUnits, Is.EqualTo(new[] { "一区东镇", "二区人民医院" }));
            Assert.That(rowStates, Is.EqualTo(new[] { "本单位无此问题", "已登记为本单位问题" }));
            Assert.That(rowAnswers, Is.EqualTo(new[] { Statement + "\n2026-03-02 09:00 作答 · t1-liaison", "登记的问题 · 已反馈\n2026-03-02 09:00 作答 · h1-liaison" }));
            Assert.That(problemLink, Is.EqualTo($"/problems/{own.Id}"));
            Assert.That(officeTasks, Is.EquivalentTo(new[] { "一区东镇 NotPresent", "二区人民医院 Opened" }));
            Assert.That(officeForms, Is.Zero, "the supervising side reads, the units answer");
            Assert.That(officePushLinks, Is.EqualTo(new[] { $"/common-problems/{push.Id}", $"/common-problems/{push.Id}" }));
            Assert.That(englishHeading, Is.EqualTo("Common problem push · " + Title));
            Assert.That(englishCounts, Is.EqualTo(new[] { "Units 2", "Not present 1", "Opened as a problem 1", "Pending 0", "Overdue 0", "Answered late 0" }));
            Assert.That(englishStates, Is.EqualTo(new[] { "Not present", "Opened as a problem" }));
            Assert.That(englishProblem, Does.StartWith("Opened problem · Fed back"));
            Assert.That(englishTaskStates, Is.EquivalentTo(new[] { "Not present", "Opened as a problem" }));
            Assert.That(englishMenu, Is.EqualTo("Self-checks"));
            Assert.That(violations.Where(v => v.Value.Length > 0), Is.Empty, "axe finds no violations");
            Assert.That(overflow.Where(o => o.Value).Select(o => o.Key), Is.Empty, "no horizontal scrolling at 390 px");
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }
}
