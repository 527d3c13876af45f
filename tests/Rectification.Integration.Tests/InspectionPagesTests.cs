using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Domain.Inspections;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The inspection pages and the problem page's evidence upload in a real browser against the real host: the office registers an
/// inspection (a refused field first, nothing saved), adds two problems with their dossiers and feeds them back (the letter opens);
/// after the plan is accepted, the unit's liaison reports progress with an uploaded file (a refused file first), submits the problem
/// for review, and downloads the file with its bytes.
/// </summary>
[NonParallelizable]
public sealed class InspectionPagesTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    private const string Overflow = "() => document.documentElement.scrollWidth > window.innerWidth";

    [TimeLimit(300)]
    [Test]
    public async Task Office_RegistersAnInspection_AddsProblems_FeedsBack_ThenTheLiaisonReportsWithEvidence_AndSubmitsForReview()
    {
        var chromium = ChromiumOrIgnore();
        var round = Ok(await Host.Send<RoundDto>("office", new CreateRound("2026年市委第二轮巡察", 2026, 2)));
        await TestAccounts.CreateAsync(Host, "office");
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

        await SignInAsync(page, "office");
        await page.ClickAsync("[data-testid=nav-inspections]");
        await page.WaitForSelectorAsync("[data-testid=form-register]");
        var emptyList = await page.TextContentAsync("[data-testid=inspections-none]");
        await Check("empty list");

        // The group is left out: refused at its field, the rest kept as typed, nothing saved.
        await page.SelectOptionAsync("#reg-round", round.Id.ToString());
        await page.SelectOptionAsync("#reg-unit", Org.Bureau.Id.ToString());
        await page.SelectOptionAsync("#reg-kind", nameof(InspectionKind.Special));
        await page.FillAsync("#reg-start", "2026-01-05");
        await page.FillAsync("#reg-end", "2026-02-27");
        await page.ClickAsync("[data-testid=action-Register]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var groupError = await page.InnerTextAsync("#reg-group-error");
        var groupInvalid = await page.GetAttributeAsync("#reg-group", "class");
        var keptStart = await page.InputValueAsync("#reg-start");
        var keptKind = await page.InputValueAsync("#reg-kind");
        var savedAfterRefusal = await Host.Query(db => db.Inspections.CountAsync(i => i.UnitId == Org.Bureau.Id));
        await Check("register refused");

        await page.FillAsync("#reg-group", "市委第二巡察组");
        await page.ClickAsync("[data-testid=action-Register]");
        await page.WaitForURLAsync("**/inspections/*?done=Register");
        var registered = await page.TextContentAsync("[data-testid=done]");
        var inspection = await Host.Query(db => db.Inspections.AsNoTracking().SingleAsync(i => i.UnitId == Org.Bureau.Id));
        var title = await page.TextContentAsync("[data-testid=inspection-title]");

        // Two problems with their dossiers; the first is tried without its facts.
        await page.FillAsync("#pr-title", "“三重一大”事项未经集体决策");
        await page.FillAsync("#pr-description", "2025年以来3项大额支出未经党组会议研究。");
        await page.FillAsync("#pr-category", "党的领导");
        await page.SelectOptionAsync("#pr-severity", nameof(Severity.Serious));
        await page.FillAsync("#pr-basis", "《关于进一步推进“三重一大”决策制度的意见》");
        await page.ClickAsync("[data-testid=action-RegisterProblem]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var factsError = await page.InnerTextAsync("#pr-facts-error");
        var keptTitle = await page.InputValueAsync("#pr-title");
        var problemsAfterRefusal = await Host.Query(db => db.Problems.CountAsync(p => p.InspectionId == inspection.Id));
        await page.FillAsync("#pr-facts", "抽查2025年会议记录12份，3项大额支出无集体研究记录。");
        await page.FillAsync("#pr-process", "调阅会议记录，个别谈话5人次。");
        await page.ClickAsync("[data-testid=action-RegisterProblem]");
        await page.WaitForURLAsync("**?done=RegisterProblem");
        var added = await page.TextContentAsync("[data-testid=done]");

        await page.FillAsync("#pr-title", "财务报销审核把关不严");
        await page.FillAsync("#pr-description", "部分差旅费报销缺少审批单。");
        await page.FillAsync("#pr-category", "财务管理");
        await page.FillAsync("#pr-facts", "抽查凭证200份，8份缺少审批单。");
        await page.FillAsync("#pr-basis", "《党政机关厉行节约反对浪费条例》第十二条");
        await page.ClickAsync("[data-testid=action-RegisterProblem]");
        await page.WaitForURLAsync("**?done=RegisterProblem");
        var rowsBefore = await page.Locator("[data-testid=problem] td:nth-child(4)").AllTextContentsAsync();
        await Check("inspection with problems");

        await page.ClickAsync("[data-testid=action-FeedBack]");
        await page.WaitForURLAsync("**?done=FeedBack");
        var fedBack = await page.TextContentAsync("[data-testid=done]");
        var codes = await page.Locator("[data-testid=problem]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        var states = await page.Locator("[data-testid=problem] td:nth-child(4)").AllTextContentsAsync();
        var severities = await page.Locator("[data-testid=problem] td:nth-child(3)").AllTextContentsAsync();
        var letterHref = await page.GetAttributeAsync("[data-testid=feedback-letter]", "href");
        var planHref = await page.GetAttributeAsync("[data-testid=plan-link]", "href");
        // Both documents of the inspection open from its page, as a page and as a Word file (a .docx is a zip: "PK").
        var statusReport = await page.APIRequest.GetAsync(Address + await page.GetAttributeAsync("[data-testid=status-report]", "href"));
        var statusReportText = await statusReport.TextAsync();
        var letterWord = await page.APIRequest.GetAsync(Address + await page.GetAttributeAsync("[data-testid=feedback-letter-docx]", "href"));
        var letterWordBytes = await letterWord.BodyAsync();
        var reportWord = await page.APIRequest.GetAsync(Address + await page.GetAttributeAsync("[data-testid=status-report-docx]", "href"));
        var reportWordBytes = await reportWord.BodyAsync();
        var feedBackOffered = await page.Locator("[data-testid=action-FeedBack]").CountAsync();
        var facts = await page.TextContentAsync("[data-testid=inspection-facts]");
        await Check("inspection fed back");
        await Screenshots(page, "inspection");
        var plan = await Host.Query(db => db.Plans.AsNoTracking().SingleAsync(p => p.InspectionId == inspection.Id));
        var problems = await Host.Query(db => db.Problems.AsNoTracking().Where(p => p.InspectionId == inspection.Id).OrderBy(p => p.Code).ToListAsync());

        var letter = await page.GotoAsync(Address + letterHref);
        var letterText = await page.InnerTextAsync("body");

        await page.GotoAsync(Address + "/inspections");
        var listRow = await page.InnerTextAsync("[data-testid=inspection]");
        await Check("list");
        await Screenshots(page, "inspections");

        // The unit's plan, between these pages, as the other pages' users would do it.
        foreach (var p in problems)
        {
            Ok(await Host.Send<PlanDto>("b1-liaison", new EditLedgerLine(plan.Id, p.Id, "修订制度，逐项整改", "张书记", "办公室", RectificationKind.TimeLimited,
                Host.Clock.Today.AddDays(90))));
        }

        Ok(await Host.Send<PlanDto>("b1-liaison", new SubmitPlan(plan.Id)));
        Ok(await Host.Send<PlanDto>("discipline", new AcceptPlan(plan.Id, "方案可行")));

        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync("**/account/sign-in**");
        await SignInAsync(page, "b1-liaison");
        var problem = problems[0];
        await page.GotoAsync(Address + $"/problems/{problem.Id}");

        // A program is refused by its content, at the file field, and neither the file nor the report is kept.
        await page.FillAsync("#progress-text", "已召开党组会议补充研究3项支出。");
        await page.SetInputFilesAsync("#progress-file", new FilePayload { Name = "整改报告.exe", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] });
        await page.ClickAsync("[data-testid=action-ReportProgress]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var fileError = await page.TextContentAsync("[data-testid=file-error]");
        var fileInvalid = await page.GetAttributeAsync("#progress-file", "class");
        var filesAfterRefusal = await Host.Query(db => db.EvidenceFiles.CountAsync(f => f.ProblemId == problem.Id));
        var reportsAfterRefusal = await Host.Query(db => db.Problems.Where(p => p.Id == problem.Id).SelectMany(p => p.Progress).CountAsync());
        await Check("problem upload refused");

        // The order of the columns on a phone: the forms first, then the facts and the history.
        await page.SetViewportSizeAsync(390, 844);
        var formAboveHistory = await page.EvaluateAsync<bool>(
            "() => document.querySelector('[data-testid=form-ReportProgress]').getBoundingClientRect().top < document.querySelector('[data-testid=history]').getBoundingClientRect().top");
        await page.SetViewportSizeAsync(1366, 900);

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% 党组会议纪要\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
        await page.FillAsync("#progress-text", "已召开党组会议补充研究3项支出，形成会议纪要。");
        await page.FillAsync("#progress-percent", "100");
        await page.SetInputFilesAsync("#progress-file", new FilePayload { Name = "党组会议纪要.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.ClickAsync("[data-testid=action-ReportProgress]");
        await page.WaitForURLAsync("**?done=ReportProgress");
        var reported = await page.TextContentAsync("[data-testid=done]");
        var evidenceLinks = await page.Locator("[data-testid=evidence-download]").AllTextContentsAsync();
        var offered = await page.Locator("[data-testid^=action-]").EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.dataset.testid)");
        var stored = await Host.Query(db => db.EvidenceFiles.AsNoTracking().SingleAsync(f => f.ProblemId == problem.Id));
        var reports = await Host.Query(db => db.Problems.Where(p => p.Id == problem.Id).SelectMany(p => p.Progress).AsNoTracking().ToListAsync());
        var cited = reports.SelectMany(r => r.Evidence).ToList();
        await Check("problem with evidence");
        await Screenshots(page, "problem-evidence");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=evidence-download]"));
        var downloaded = await File.ReadAllBytesAsync((await download.PathAsync())!);

        await page.ClickAsync("[data-testid=action-SubmitForReview]");
        await page.WaitForURLAsync("**?done=SubmitForReview");
        var submitted = await page.TextContentAsync("[data-testid=done]");
        var stateShown = await page.TextContentAsync("[data-testid=state]");
        var stateStored = await Host.Query(db => db.Problems.Where(p => p.Id == problem.Id).Select(p => p.State).SingleAsync());
        await Check("problem submitted");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(emptyList, Is.EqualTo("暂无巡察。"));
            Assert.That(groupError, Is.EqualTo("'巡察组' 不能为空。"), "the refusal is shown at the group's field");
            Assert.That(groupInvalid, Does.Contain("is-invalid"));
            Assert.That(keptStart, Is.EqualTo("2026-01-05"), "what was typed is kept");
            Assert.That(keptKind, Is.EqualTo("Special"));
            Assert.That(savedAfterRefusal, Is.Zero, "a refused registration saves nothing");
            Assert.That(registered, Is.EqualTo("已登记巡察。"));
            Assert.That(title, Is.EqualTo("一区财政局 · 市委第二巡察组"));
            Assert.That((inspection.RoundId, inspection.Kind, inspection.GroupName, inspection.StartDate, inspection.EndDate),
                Is.EqualTo((round.Id, InspectionKind.Special, "市委第二巡察组", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 27))));
            Assert.That(factsError, Is.EqualTo("'事实' 不能为空。"));
            Assert.That(keptTitle, Is.EqualTo("“三重一大”事项未经集体决策"));
            Assert.That(problemsAfterRefusal, Is.Zero);
            Assert.That(added, Is.EqualTo("已登记问题。"));
            Assert.That(rowsBefore, Is.EqualTo(new[] { "已登记", "已登记" }));
            Assert.That(fedBack, Is.EqualTo("已反馈，反馈意见已生成。"));
            Assert.That(codes, Is.EqualTo(new[] { "B1-2026-001", "B1-2026-002" }));
            Assert.That(severities, Is.EqualTo(new[] { "较重", "一般" }));
            Assert.That(states, Is.EqualTo(new[] { "已反馈", "已反馈" }));
            Assert.That(feedBackOffered, Is.Zero, "nothing is left to feed back");
            Assert.That(facts, Does.Contain("2026年市委第二轮巡察").And.Contain("专项巡察").And.Contain("2026-01-05 – 2026-02-27").And.Contain("2 个问题，已销号 0 个"));
            Assert.That(letterHref, Is.EqualTo($"/api/inspections/{inspection.Id}/feedback-letter"));
            Assert.That(planHref, Is.EqualTo($"/plans/{plan.Id}"));
            Assert.That(statusReport.Status, Is.EqualTo(200));
            Assert.That(statusReportText, Does.Contain("整改情况").And.Contain("一区财政局"));
            Assert.That((letterWord.Status, letterWord.Headers["content-type"], Encoding.ASCII.GetString(letterWordBytes, 0, 2)),
                Is.EqualTo((200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK")));
            Assert.That((reportWord.Status, Encoding.ASCII.GetString(reportWordBytes, 0, 2)), Is.EqualTo((200, "PK")));
            Assert.That(problems.Select(p => (p.Title, p.State, p.Dossier.Facts)), Is.EqualTo(new[]
            {
                ("“三重一大”事项未经集体决策", ProblemStates.FedBack, "抽查2025年会议记录12份，3项大额支出无集体研究记录。"),
                ("财务报销审核把关不严", ProblemStates.FedBack, "抽查凭证200份，8份缺少审批单。"),
            }));
            Assert.That(letter!.Status, Is.EqualTo(200));
            Assert.That(letter.Headers["content-type"], Does.StartWith("text/html"));
            Assert.That(letterText, Does.Contain("市委第二巡察组").And.Contain("“三重一大”事项未经集体决策").And.Contain("财务报销审核把关不严"));
            Assert.That(listRow, Does.Contain("一区财政局").And.Contain("2026年市委第二轮巡察").And.Contain("专项巡察").And.Contain("市委第二巡察组")
                .And.Contain("2 个问题，已销号 0 个"));
            Assert.That(fileError, Does.StartWith("文件内容不是允许的类型"), "the refused file is named at its field");
            Assert.That(fileInvalid, Does.Contain("is-invalid"));
            Assert.That(filesAfterRefusal, Is.Zero);
            Assert.That(reportsAfterRefusal, Is.Zero, "a refused upload records no report either");
            Assert.That(formAboveHistory, Is.True, "on a phone the forms come before the history");
            Assert.That(reported, Is.EqualTo("已完成：报送整改进展。"));
            Assert.That(evidenceLinks, Is.EqualTo(new[] { "党组会议纪要.pdf" }));
            Assert.That((stored.FileName, stored.ContentType, stored.Length), Is.EqualTo(("党组会议纪要.pdf", "application/pdf", (long)pdf.Length)));
            Assert.That(cited.Select(e => (e.FileName, e.FileId)), Is.EqualTo(new[] { ("党组会议纪要.pdf", (Guid?)stored.Id) }), "the report cites the stored file");
            Assert.That(offered, Does.Contain("action-SubmitForReview"), "with evidence attached the problem may go to review");
            Assert.That(download.SuggestedFilename, Is.EqualTo("党组会议纪要.pdf"));
            Assert.That(downloaded, Is.EqualTo(pdf), "the file downloads with its bytes");
            Assert.That(submitted, Is.EqualTo("已完成：提交销号审核。"));
            Assert.That(stateShown, Is.EqualTo("审核中"));
            Assert.That(stateStored, Is.EqualTo(ProblemStates.UnderReview));
            Assert.That(violations, Has.All.Matches<KeyValuePair<string, string[]>>(v => v.Value.Length == 0),
                () => string.Join("; ", violations.Where(v => v.Value.Length > 0).Select(v => $"{v.Key}: {string.Join(", ", v.Value)}")));
            Assert.That(overflow.Where(o => o.Value).Select(o => o.Key), Is.Empty, "no page scrolls sideways at 390 px");
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }

    [TimeLimit(120)]
    [Test]
    public async Task Office_CreatesARound_ARefusedNameFirst_ThenTheRegisterFormHasItChosen()
    {
        var chromium = ChromiumOrIgnore();
        await TestAccounts.CreateAsync(Host, "office");
        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "office");
        await page.GotoAsync(Address + "/inspections");
        await page.FillAsync("#round-year", "2027");
        await page.FillAsync("#round-number", "1");
        await page.ClickAsync("[data-testid=action-CreateRound]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var nameError = await page.InnerTextAsync("#round-name-error");
        var keptYear = await page.InputValueAsync("#round-year");
        var roundsAfterRefusal = await Host.Query(db => db.Rounds.CountAsync(r => r.Year == 2027));
        await page.FillAsync("#round-name", "2027年市委第一轮巡察");
        await page.ClickAsync("[data-testid=action-CreateRound]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var created = await page.InnerTextAsync("[data-testid=done]");
        var chosen = await page.EvaluateAsync<string>("() => document.querySelector('#reg-round').selectedOptions[0].text");
        var violations = await AxeViolations(page);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(nameError, Is.EqualTo("'轮次名称' 不能为空。"));
            Assert.That(keptYear, Is.EqualTo("2027"), "what was typed is kept");
            Assert.That(roundsAfterRefusal, Is.Zero);
            Assert.That(created, Is.EqualTo("已新建巡察轮次：2027年市委第一轮巡察。"));
            Assert.That(chosen, Is.EqualTo("2027年市委第一轮巡察"));
            Assert.That(violations, Is.Empty);
        }
    }
}
