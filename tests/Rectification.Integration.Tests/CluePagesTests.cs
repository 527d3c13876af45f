using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rectification.Application.Clues;
using Rectification.Domain.Clues;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The clue pages in a real browser against the real host: the office hands a red clue over from the inspection page (an empty
/// summary refused at its field first, nothing saved), the commission accepts it, starts the investigation and concludes it with
/// its figures (refusals at their fields first); the clue ledger shows the sheets with colour, time left and light, soonest due
/// first, filtered by the URL; the monthly report counts what was written by hand and downloads as a .docx. And the unit's own
/// roles never learn that a clue exists: no link, an error page at every clue page, the summary on none of their pages.
/// </summary>
[NonParallelizable]
public sealed class CluePagesTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    private const string Overflow = "() => document.documentElement.scrollWidth > window.innerWidth";
    private const string RedSummary = "反映该局副局长在政府采购中违规收受供应商礼金（红色线索）";

    private static async Task<string[]> Texts(IPage page, string selector) => [.. await page.Locator(selector).AllInnerTextsAsync()];

    [Order(1)]
    [TimeLimit(400)]
    [Test]
    public async Task Office_HandsOverARedClue_TheCommissionConcludesIt_TheBoardAndTheMonthlyReportShowIt()
    {
        var chromium = ChromiumOrIgnore();
        // 2026-03-02 (Monday) 09:00 Beijing time: an inspection of the bureau in rectification, with two fed-back problems.
        var (inspection, _, problems) = await InRectification(Org.Bureau, 2);
        await TestAccounts.CreateAsync(Host, "office");
        await TestAccounts.CreateAsync(Host, "discipline");
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

        await SignInAsync(page, "office");
        var officeMenu = await page.Locator("[data-testid=nav-clues]").CountAsync();
        await page.GotoAsync(Address + $"/inspections/{inspection.Id}");
        await page.WaitForSelectorAsync("[data-testid=form-clue]");
        await Check("inspection with the handover form");
        await Screenshots(page, "clue-handover-form");

        // The summary is left empty: refused at its field, the ticks and the number kept, nothing saved.
        await page.CheckAsync($"[data-testid=clue-problems] input[data-code='{problems[0].Code}']");
        await page.CheckAsync("#clue-colour-red");
        await page.FillAsync("#clue-code", "XS-2026-B1-001");
        await page.ClickAsync("[data-testid=action-HandOverClue]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var summaryError = await page.InnerTextAsync("#clue-summary-error");
        var summaryInvalid = await page.GetAttributeAsync("#clue-summary", "class");
        var keptTick = await page.IsCheckedAsync($"[data-testid=clue-problems] input[data-code='{problems[0].Code}']");
        var keptOther = await page.IsCheckedAsync($"[data-testid=clue-problems] input[data-code='{problems[1].Code}']");
        var keptCode = await page.InputValueAsync("#clue-code");
        var savedAfterRefusal = await Host.Query(db => db.Clues.CountAsync());
        await Check("handover refused");

        await page.FillAsync("#clue-summary", RedSummary);
        await page.ClickAsync("[data-testid=action-HandOverClue]");
        await page.WaitForURLAsync("**/clues/*?done=HandOver");
        var handedOver = await page.InnerTextAsync("[data-testid=done]");
        var red = await Host.Query(db => db.Clues.AsNoTracking().SingleAsync());
        var sheetTitle = await page.InnerTextAsync("[data-testid=clue-title]");
        var officeState = await page.InnerTextAsync("[data-testid=state]");
        var linked = await Texts(page, "[data-testid=clue-problems] li");
        var officeActions = await page.InnerTextAsync("[data-testid=no-actions]");
        await Check("sheet handed over");

        // Two more sheets, handed over by the group as the API does it.
        var yellow = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映该局违规发放津补贴", SheetColour.Yellow, Code: "XS-2026-B1-002")));
        var blue = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映该局公车私用", SheetColour.Blue, [problems[1].Id], "XS-2026-B1-003")));

        await page.ClickAsync("[data-testid=nav-clues]");
        await page.WaitForSelectorAsync("[data-testid=clues]");
        var codes = await page.Locator("[data-testid=clue]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        var colours = await Texts(page, "[data-testid=clue] [data-testid=colour]");
        var timeLeft = await Texts(page, "[data-testid=clue] [data-testid=time-left]");
        var lights = await Texts(page, "[data-testid=clue] [data-testid=light]");
        var states = await Texts(page, "[data-testid=clue] [data-testid=row-state]");
        var firstRow = await page.InnerTextAsync("[data-testid=clue]");
        await Check("board");
        await Screenshots(page, "clue-board");

        await page.SelectOptionAsync("#f-colour", nameof(SheetColour.Red));
        await page.ClickAsync("[data-testid=apply-filters]");
        await page.WaitForURLAsync("**/clues?colour=Red**");
        var redOnly = await page.Locator("[data-testid=clue]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        await page.GotoAsync(Address + "/clues?colour=Yellow&state=HandedOver");
        var yellowHandedOver = await page.Locator("[data-testid=clue]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        var keptColour = await page.InputValueAsync("#f-colour");
        var keptState = await page.InputValueAsync("#f-state");
        await Check("board filtered");

        // The commission: accept, start the investigation, conclude (an empty summary, then a count that is no number, refused first).
        await SwitchUserAsync(page, "discipline");
        await page.GotoAsync(Address + $"/clues/{red.Id}");
        await Check("sheet to accept");
        await page.ClickAsync("[data-testid=action-Accept]");
        await page.WaitForURLAsync("**?done=Accept");
        var accepted = await page.InnerTextAsync("[data-testid=done]");
        var acceptedState = await page.InnerTextAsync("[data-testid=state]");
        await page.ClickAsync("[data-testid=action-StartInvestigation]");
        await page.WaitForURLAsync("**?done=StartInvestigation");
        var investigating = await page.InnerTextAsync("[data-testid=state]");
        await page.FillAsync("#conclude-cases", "2");
        await page.ClickAsync("[data-testid=action-Conclude]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var conclusionError = await page.InnerTextAsync("#conclude-summary-error");
        var keptCases = await page.InputValueAsync("#conclude-cases");
        await Check("conclusion refused");
        await page.FillAsync("#conclude-summary", "经核查，反映问题基本属实，已立案审查。");
        await page.FillAsync("#conclude-people", "三");
        await page.ClickAsync("[data-testid=action-Conclude]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var peopleError = await page.InnerTextAsync("#conclude-people-error");
        var keptConclusion = await page.InputValueAsync("#conclude-summary");
        var stateAfterRefusals = await Host.Query(db => db.Clues.Where(c => c.Id == red.Id).Select(c => c.State).SingleAsync());
        await page.FillAsync("#conclude-people", "3");
        await page.FillAsync("#conclude-judicial", "1");
        await page.FillAsync("#conclude-money", "125000.50");
        await page.ClickAsync("[data-testid=action-Conclude]");
        await page.WaitForURLAsync("**?done=Conclude");
        var concluded = await page.InnerTextAsync("[data-testid=done]");
        var concludedState = await page.InnerTextAsync("[data-testid=state]");
        var outcomeShown = await page.InnerTextAsync("[data-testid=clue-outcome]");
        var stored = await Host.Query(db => db.Clues.AsNoTracking().SingleAsync(c => c.Id == red.Id));
        var historyAt = await Texts(page, "[data-testid=history] tbody td:nth-child(1)");
        var historyWho = await Texts(page, "[data-testid=history] tbody td:nth-child(2)");
        var historyWhat = await Texts(page, "[data-testid=history] tbody td:nth-child(3)");
        var historyChange = await Texts(page, "[data-testid=history] tbody td:nth-child(4)");
        var zone = await page.InnerTextAsync("[data-testid=history] >> xpath=preceding-sibling::h2[1]");
        var actionsLeft = await page.InnerTextAsync("[data-testid=no-actions]");
        await Check("sheet concluded");
        await Screenshots(page, "clue-sheet");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var formsInPrint = await page.Locator("form").First.IsVisibleAsync();
        var sheetInPrint = await page.Locator("[data-testid=clue-sheet]").IsVisibleAsync();
        await Screenshots(page, "clue-sheet-print");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        var sheetDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=handover-sheet-docx]"));
        string sheetXml;
        await using (var docx = File.OpenRead((await sheetDownload.PathAsync())!))
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Read))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
        {
            sheetXml = await reader.ReadToEndAsync();
        }

        // Once in English: the board, and the blue sheet accepted from its page.
        await page.GotoAsync(Address + "/clues?culture=en");
        var englishHeading = await page.InnerTextAsync("h1");
        var englishColours = await Texts(page, "[data-testid=clue] [data-testid=colour]");
        var englishTimeLeft = await Texts(page, "[data-testid=clue] [data-testid=time-left]");
        await Check("board in English");
        await Screenshots(page, "clue-board-en");
        await page.ClickAsync($"[data-testid=clue][data-code='XS-2026-B1-003'] a[href='/clues/{blue.Id}']");
        await page.ClickAsync("[data-testid=action-Accept]");
        await page.WaitForURLAsync("**?done=Accept");
        var englishDone = await page.InnerTextAsync("[data-testid=done]");
        var englishState = await page.InnerTextAsync("[data-testid=state]");
        await Check("sheet in English");
        await page.GotoAsync(Address + "/clues?culture=zh-CN");

        Ok(await Host.Send<ClueDto>("discipline", new AcceptClue(yellow.Id)));

        // 2026-03-25: the yellow sheet's limit (2026-03-23) has passed unconcluded; the blue one runs to 2026-04-14.
        Host.Clock.Advance(new DateTimeOffset(2026, 3, 25, 1, 0, 0, TimeSpan.Zero) - Host.Clock.GetUtcNow());
        await page.GotoAsync(Address + "/clues");
        if (page.Url.Contains("/account/sign-in", StringComparison.Ordinal))
        {
            await SignInAsync(page, "discipline");
            await page.GotoAsync(Address + "/clues");
        }

        var laterCodes = await page.Locator("[data-testid=clue]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        var laterTimeLeft = await Texts(page, "[data-testid=clue] [data-testid=time-left]");
        var laterLights = await Texts(page, "[data-testid=clue] [data-testid=light]");

        await page.ClickAsync("[data-testid=clue-report-link]");
        await page.WaitForSelectorAsync("[data-testid=clue-report]");
        var defaultMonth = await page.InputValueAsync("#clue-month");
        var reportTitle = await page.InnerTextAsync("[data-testid=clue-report-title]");
        var lines = new Dictionary<string, string[]>();
        foreach (var colour in new[] { "Red", "Yellow", "Blue", "Total" })
        {
            lines[colour] = await Texts(page, $"[data-testid=report-line][data-colour={colour}] td");
        }

        await Check("monthly report");
        await Screenshots(page, "clue-report");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=report-docx]"));
        string documentXml;
        await using (var docx = File.OpenRead((await download.PathAsync())!))
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Read))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
        {
            documentXml = await reader.ReadToEndAsync();
        }

        await page.GotoAsync(Address + "/clues/report?month=2026-04");
        var april = await Texts(page, "[data-testid=report-line][data-colour=Total] td");
        await page.GotoAsync(Address + "/clues/report?month=2026-13");
        var monthError = await page.InnerTextAsync("#clue-month-error");
        var reportOnBadMonth = await page.Locator("[data-testid=clue-report]").CountAsync();
        await Check("report with a wrong month");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sheetDownload.SuggestedFilename, Does.StartWith("问题线索交办单-").And.EndWith(".docx"));
            Assert.That(sheetXml, Does.Contain("问题线索交办单（红色）").And.Contain("办理结果"), "the concluded red sheet, to file as a Word document");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(officeMenu, Is.EqualTo(1), "the office has the clue ledger in its menu");
            Assert.That(summaryError, Is.EqualTo("'概要' 不能为空。"), "the refusal is shown at the summary");
            Assert.That(summaryInvalid, Does.Contain("is-invalid"));
            Assert.That((keptTick, keptOther, keptCode), Is.EqualTo((true, false, "XS-2026-B1-001")), "what was chosen is kept");
            Assert.That(savedAfterRefusal, Is.Zero, "a refused handover saves nothing");
            Assert.That(handedOver, Is.EqualTo("已移交问题线索。"));
            Assert.That((red.Code, red.Colour, red.Summary, red.State, red.DueDate, red.InspectionId),
                Is.EqualTo(("XS-2026-B1-001", SheetColour.Red, RedSummary, ClueStates.HandedOver, new DateOnly(2026, 3, 9), inspection.Id)), "5 working days from 2026-03-02");
            Assert.That(red.ProblemIds, Is.EqualTo(new[] { problems[0].Id }));
            Assert.That(sheetTitle, Is.EqualTo("红色交办单"));
            Assert.That(officeState, Is.EqualTo("已移交"));
            Assert.That(linked, Is.EqualTo(new[] { $"{problems[0].Code} {problems[0].Title}" }));
            Assert.That(officeActions, Is.EqualTo("此线索当前无需您办理。"), "the office hands over; the commission handles");
            Assert.That(codes, Is.EqualTo(new[] { "XS-2026-B1-001", "XS-2026-B1-002", "XS-2026-B1-003" }), "soonest due first");
            Assert.That(colours, Is.EqualTo(new[] { "红色交办单", "黄色交办单", "蓝色交办单" }));
            Assert.That(timeLeft, Is.EqualTo(new[] { "剩 5 个工作日", "剩 15 个工作日", "剩 30 个工作日" }));
            Assert.That(lights, Is.EqualTo(new[] { "黄灯", "绿灯", "绿灯" }), "the red sheet is due within 7 days");
            Assert.That(states, Is.EqualTo(new[] { "已移交", "已移交", "已移交" }));
            Assert.That(firstRow, Does.Contain(RedSummary).And.Contain("第一巡察组").And.Contain("一区财政局").And.Contain("2026-03-09"));
            Assert.That(redOnly, Is.EqualTo(new[] { "XS-2026-B1-001" }));
            Assert.That(yellowHandedOver, Is.EqualTo(new[] { "XS-2026-B1-002" }));
            Assert.That((keptColour, keptState), Is.EqualTo(("Yellow", "HandedOver")), "the filters are read back from the URL");
            Assert.That(accepted, Is.EqualTo("已签收交办单。"));
            Assert.That(acceptedState, Is.EqualTo("已签收"));
            Assert.That(investigating, Is.EqualTo("核查中"));
            Assert.That(conclusionError, Is.EqualTo("'概要' 不能为空。"));
            Assert.That(keptCases, Is.EqualTo("2"));
            Assert.That(peopleError, Is.EqualTo("请填写不小于 0 的整数。"));
            Assert.That(keptConclusion, Is.EqualTo("经核查，反映问题基本属实，已立案审查。"));
            Assert.That(stateAfterRefusals, Is.EqualTo(ClueStates.UnderInvestigation), "a refused conclusion saves nothing");
            Assert.That(concluded, Is.EqualTo("线索已办结。"));
            Assert.That(concludedState, Is.EqualTo("已办结"));
            Assert.That(outcomeShown, Is.EqualTo("立案 2 件，党纪政务处分 3 人，移送司法机关 1 人，挽回经济损失 125,000.50 元"));
            Assert.That((stored.State, stored.Outcome),
                Is.EqualTo((ClueStates.Concluded, new ClueOutcome("经核查，反映问题基本属实，已立案审查。", 2, 3, 1, 125000.50m))));
            Assert.That(historyAt, Is.EqualTo(new[] { "2026-03-02 09:00", "2026-03-02 09:00", "2026-03-02 09:00", "2026-03-02 09:00" }), "Beijing time");
            Assert.That(historyWho, Is.EqualTo(new[] { "office · 巡察办", "discipline · 纪委监委", "discipline · 纪委监委", "discipline · 纪委监委" }));
            Assert.That(historyWhat, Is.EqualTo(new[] { "移交问题线索", "接收问题线索", "开始核查", "办结问题线索" }));
            Assert.That(historyChange[1..], Is.EqualTo(new[] { "已移交 → 已签收", "已签收 → 核查中", "核查中 → 已办结" }));
            Assert.That(zone, Does.Contain("时间为北京时间"));
            Assert.That(actionsLeft, Is.EqualTo("此线索当前无需您办理。"));
            Assert.That((sheetInPrint, formsInPrint), Is.EqualTo((true, false)), "the sheet prints without the forms");
            Assert.That(englishHeading, Does.StartWith("Clue ledger"));
            Assert.That(englishColours, Is.EqualTo(new[] { "yellow sheet", "blue sheet", "red sheet" }), "running sheets first");
            Assert.That(englishTimeLeft, Is.EqualTo(new[] { "15 working days left", "30 working days left", "Concluded" }));
            Assert.That((englishDone, englishState), Is.EqualTo(("The sheet is accepted.", "Accepted")));
            Assert.That(laterCodes, Is.EqualTo(new[] { "XS-2026-B1-002", "XS-2026-B1-003", "XS-2026-B1-001" }));
            Assert.That(laterTimeLeft, Is.EqualTo(new[] { "已超期 2 天", "剩 13 个工作日", "已办结" }));
            Assert.That(laterLights, Is.EqualTo(new[] { "红灯", "绿灯", "—" }));
            Assert.That(defaultMonth, Is.EqualTo("2026-03"), "the current month unless one is asked for");
            Assert.That(reportTitle, Is.EqualTo("问题线索月报 · 2026年3月"));
            // sheet, handed over, accepted, concluded, overdue, cases filed, disciplined, to judicial, recovered
            Assert.That(lines["Red"], Is.EqualTo(new[] { "红色交办单", "1", "1", "1", "0", "2", "3", "1", "125,000.50" }));
            Assert.That(lines["Yellow"], Is.EqualTo(new[] { "黄色交办单", "1", "1", "0", "1", "0", "0", "0", "0.00" }));
            Assert.That(lines["Blue"], Is.EqualTo(new[] { "蓝色交办单", "1", "1", "0", "0", "0", "0", "0", "0.00" }));
            Assert.That(lines["Total"], Is.EqualTo(new[] { "合计", "3", "3", "1", "1", "2", "3", "1", "125,000.50" }));
            Assert.That(download.SuggestedFilename, Is.EqualTo("问题线索月报-2026-03.docx"));
            Assert.That(documentXml, Does.Contain("问题线索月报").And.Contain("2026年3月，移交问题线索3件，签收3件，办结1件，超过办理时限1件").And.Contain("125,000.50"));
            Assert.That(april, Is.EqualTo(new[] { "合计", "0", "0", "0", "0", "0", "0", "0", "0.00" }), "the blue sheet's limit ends in April but has not passed yet");
            Assert.That(monthError, Is.EqualTo("月份应为“年-月”，如 2026-11。"));
            Assert.That(reportOnBadMonth, Is.Zero);
            Assert.That(violations, Has.All.Matches<KeyValuePair<string, string[]>>(v => v.Value.Length == 0),
                () => string.Join("; ", violations.Where(v => v.Value.Length > 0).Select(v => $"{v.Key}: {string.Join(", ", v.Value)}")));
            Assert.That(overflow.Where(o => o.Value).Select(o => o.Key), Is.Empty, "no page scrolls sideways at 390 px");
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }

    [Order(2)]
    [TimeLimit(300)]
    [Test]
    public async Task UnitLiaisonAndLeader_SeeNoClueLink_GetAnErrorPageAtEveryCluePage_AndNeverTheSummary()
    {
        var chromium = ChromiumOrIgnore();
        const string secret = "反映院长违规收受医药代表回扣（保密线索）";
        var (inspection, planId, problems) = await InRectification(Org.Hospital, 1);
        var clue = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, secret, SheetColour.Red, [problems[0].Id], "XS-2026-H1-001")));
        await TestAccounts.CreateAsync(Host, "h1-liaison");
        await TestAccounts.CreateAsync(Host, "h1-leader");
        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        var answers = new List<string>();
        var leaks = new List<string>();
        var links = new List<string>();
        var violations = new Dictionary<string, string[]>();

        foreach (var user in new[] { "h1-liaison", "h1-leader" })
        {
            await page.Context.ClearCookiesAsync();
            await SignInAsync(page, user);
            foreach (var path in new[] { "/clues", $"/clues/{clue.Id}", "/clues/report", "/clues/report?month=2026-03", "/clues?colour=Red" })
            {
                var answer = await page.GotoAsync(Address + path);
                answers.Add($"{user} {path} {answer!.Status} {await page.InnerTextAsync("main")}");
                violations[$"{user} {path}"] = await AxeViolations(page);
                if ((await page.ContentAsync()).Contains(secret, StringComparison.Ordinal))
                {
                    leaks.Add($"{user} {path}");
                }
            }

            foreach (var path in new[] { "/", "/ledger", "/receipts", $"/problems/{problems[0].Id}", $"/plans/{planId}", $"/inspections/{inspection.Id}" })
            {
                var answer = await page.GotoAsync(Address + path);
                links.Add($"{user} {path} {answer!.Status} {await page.Locator("[data-testid=nav-clues], a[href^='/clues']").CountAsync()}");
                if ((await page.ContentAsync()).Contains(secret, StringComparison.Ordinal))
                {
                    leaks.Add($"{user} {path}");
                }
            }
        }

        await Screenshots(page, "clue-unit-error");
        var state = await Host.Query(db => db.Clues.Where(c => c.Id == clue.Id).Select(c => c.State).SingleAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => string.Join(' ', a.Split(' ').Take(3))), Is.EqualTo(new[]
            {
                "h1-liaison /clues 404", $"h1-liaison /clues/{clue.Id} 404", "h1-liaison /clues/report 403", "h1-liaison /clues/report?month=2026-03 403", "h1-liaison /clues?colour=Red 404",
                "h1-leader /clues 404", $"h1-leader /clues/{clue.Id} 404", "h1-leader /clues/report 403", "h1-leader /clues/report?month=2026-03 403", "h1-leader /clues?colour=Red 404",
            }));
            Assert.That(answers.Where(a => !a.Contains("/report", StringComparison.Ordinal)), Has.All.Contains("页面不存在，或您无权查看。"), "the sheets answer like missing pages");
            Assert.That(answers.Where(a => a.Contains("/report", StringComparison.Ordinal)), Has.All.Contains("您无权执行此操作。"));
            Assert.That(links, Has.Count.EqualTo(12));
            Assert.That(links.Select(l => l.Split(' ')[2] + " " + l.Split(' ')[3]), Has.All.EqualTo("200 0"), "each page opens, with no link to a clue page");
            Assert.That(leaks, Is.Empty, "the summary is on no page the unit can reach");
            Assert.That(state, Is.EqualTo(ClueStates.HandedOver));
            Assert.That(violations, Has.All.Matches<KeyValuePair<string, string[]>>(v => v.Value.Length == 0),
                () => string.Join("; ", violations.Where(v => v.Value.Length > 0).Select(v => $"{v.Key}: {string.Join(", ", v.Value)}")));
        }
    }
}
