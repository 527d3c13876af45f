using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rectification.Application.Evaluations;
using Rectification.Domain.Common;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The effect evaluation pages (整改效果评价) in a real browser against the real host: every scoring role of workflows/evaluation.yaml
/// records its source's score on the inspection's evaluation page (an out-of-range score refused at its field first, nothing saved),
/// the composite and grade appear once all have scored and equal the sums worked out by hand, the overview lists them per round and
/// unit, once in English; the unit's liaison gets no form and its posted score is refused.
/// </summary>
[NonParallelizable]
public sealed class EvaluationPagesTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    private const string Overflow = "() => document.documentElement.scrollWidth > window.innerWidth";

    private const string PostScore = """
        async ([url, source, score]) => {
            const token = document.querySelector('meta[name=request-verification-token]').content;
            const response = await fetch(url, { method: 'POST', headers: { 'RequestVerificationToken': token }, body: new URLSearchParams({ source, score }) });
            return [String(response.status), await response.text()];
        }
        """;

    [TimeLimit(400)]
    [Test]
    public async Task EveryScoringRole_RecordsItsScore_TheCompositeAndGradeFollow_AndTheOverviewListsThem()
    {
        var chromium = ChromiumOrIgnore();
        var inspection = await NewInspection(Org.Bureau);
        var untouched = await NewInspection(Org.Township);
        foreach (var name in new[] { "office", "group", "discipline", "organization", "leadership", "b1-leader", "b1-liaison" })
        {
            await TestAccounts.CreateAsync(Host, name);
        }

        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        var violations = new Dictionary<string, string[]>();
        var overflow = new Dictionary<string, bool>();
        var evaluationPath = $"/inspections/{inspection.Id}/evaluation";

        async Task Check(string name)
        {
            violations[name] = await AxeViolations(page);
            await page.SetViewportSizeAsync(390, 844);
            overflow[name] = await page.EvaluateAsync<bool>(Overflow);
            await page.SetViewportSizeAsync(1366, 900);
        }

        async Task Score(string source, string score, string? comment = null)
        {
            await page.FillAsync($"#eval-score-{source}", score);
            if (comment is not null)
            {
                await page.FillAsync($"#eval-comment-{source}", comment);
            }

            await page.ClickAsync($"[data-testid=eval-form][data-source={source}] [data-testid=eval-record]");
        }

        async Task<string[]> Forms() => await page.Locator("[data-testid=eval-form]").EvaluateAllAsync<string[]>("fs => fs.map(f => f.dataset.source)");

        async Task<string> Cell(string source, string testId) => (await page.InnerTextAsync($"[data-testid=eval-source][data-source={source}] [data-testid={testId}]")).Trim();

        // The office reaches the page from the inspection, sees its three sources' forms, and is refused a score above 100 first.
        await SignInAsync(page, "office");
        await page.GotoAsync(Address + $"/inspections/{inspection.Id}");
        await page.ClickAsync("[data-testid=eval-link]");
        await page.WaitForURLAsync("**" + evaluationPath);
        var officeForms = await Forms();
        var emptyPending = await page.InnerTextAsync("[data-testid=eval-pending]");
        var surveyWeight = await Cell("PublicSurvey", "eval-weight");
        var onSiteBy = await Cell("OnSiteVerification", "eval-by");
        var selfBy = await Cell("SelfAssessment", "eval-by");
        var officeNav = await page.Locator("[data-testid=nav-evaluations]").CountAsync();
        await Check("evaluation empty");

        await Score("PublicSurvey", "101", "问卷回收率低");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var rangeError = await page.InnerTextAsync("#eval-score-PublicSurvey-error");
        var rangeInvalid = await page.GetAttributeAsync("#eval-score-PublicSurvey", "class");
        var keptScore = await page.InputValueAsync("#eval-score-PublicSurvey");
        var keptComment = await page.InputValueAsync("#eval-comment-PublicSurvey");
        var otherFieldError = await page.InnerTextAsync("#eval-score-SupervisingBodies-error");
        var savedAfterRefusal = await Host.Query(db => db.Evaluations.CountAsync(e => e.InspectionId == inspection.Id));
        await Check("evaluation refused");
        await Screenshots(page, "evaluation-refused");

        await Score("PublicSurvey", "88.5", "群众满意度测评回收问卷312份");
        await page.WaitForURLAsync("**?done=Score");
        var done = await page.InnerTextAsync("[data-testid=done]");
        await Score("SupervisingBodies", "92");
        await page.WaitForURLAsync("**?done=Score");

        // The other supervising roles, each on its own source, each seeing only its own form.
        var formsOf = new Dictionary<string, string[]>();
        foreach (var (user, source, score) in new[]
                 {
                     ("group", "OnSiteVerification", "87"), ("discipline", "DisciplineCommission", "91"),
                     ("organization", "OrganizationDepartment", "89"), ("leadership", "LeadersInCharge", "90"),
                 })
        {
            await SwitchUserAsync(page, user);
            await page.GotoAsync(Address + evaluationPath);
            formsOf[user] = await Forms();
            await Score(source, score, user == "group" ? "察访核验发现1项未整改到位" : null);
            await page.WaitForURLAsync("**?done=Score");
        }

        var sixOfSeven = await page.InnerTextAsync("[data-testid=eval-pending]");
        await page.ClickAsync("[data-testid=nav-evaluations]");
        await page.WaitForURLAsync("**/evaluations");
        var inProgressState = await page.InnerTextAsync($"[data-testid=eval-row][data-inspection='{inspection.Id}'] [data-testid=eval-row-state]");

        // The unit's leader scores its self-assessment last, ninety minutes later, which completes the evaluation.
        Host.Clock.Advance(TimeSpan.FromMinutes(90));
        await SwitchUserAsync(page, "b1-leader");
        await page.GotoAsync(Address + evaluationPath);
        formsOf["b1-leader"] = await Forms();
        var leaderNav = await page.Locator("[data-testid=nav-evaluations]").CountAsync();
        await Score("SelfAssessment", "95", "已完成全部整改事项");
        await page.WaitForURLAsync("**?done=Score");
        var composite = await page.InnerTextAsync("[data-testid=eval-composite]");
        var grade = await page.InnerTextAsync("[data-testid=eval-grade]");
        var selfScore = await Cell("SelfAssessment", "eval-score");
        var groupScore = await Cell("OnSiteVerification", "eval-score");
        var surveyScore = await Cell("PublicSurvey", "eval-score-value");
        await Check("evaluation complete");
        await Screenshots(page, "evaluation");

        // The unit's liaison reads the page but scores nothing: no form, and a score posted anyway is refused.
        await SwitchUserAsync(page, "b1-liaison");
        await page.GotoAsync(Address + evaluationPath);
        var liaisonForms = await Forms();
        var liaisonNav = await page.Locator("[data-testid=nav-evaluations]").CountAsync();
        var posted = await page.EvaluateAsync<string[]>(PostScore, new object[] { evaluationPath + "?handler=Score", "SelfAssessment", "50" });
        var byCommand = await Host.Send<EvaluationDto>("b1-liaison", new RecordEvaluationScore(inspection.Id, "SelfAssessment", 50, null));
        var overviewForLiaison = await page.GotoAsync(Address + "/evaluations");
        var selfAfterLiaison = await Host.Query(async db =>
            (await db.Evaluations.AsNoTracking().SingleAsync(e => e.InspectionId == inspection.Id)).Scores.Single(s => s.Source == "SelfAssessment").Score);
        await page.GotoAsync(Address + evaluationPath);
        await Check("evaluation for the liaison");

        // The overview, as the commission reads it: the graded inspection and the one nobody has scored, each under its round.
        await SwitchUserAsync(page, "discipline");
        await page.GotoAsync(Address + "/evaluations");
        string Row(Guid id) => $"[data-testid=eval-row][data-inspection='{id}']";
        var overviewUnit = await page.InnerTextAsync(Row(inspection.Id) + " [data-testid=eval-row-link]");
        var overviewState = await page.InnerTextAsync(Row(inspection.Id) + " [data-testid=eval-row-state]");
        var overviewComposite = await page.InnerTextAsync(Row(inspection.Id) + " [data-testid=eval-row-composite]");
        var overviewGrade = await page.InnerTextAsync(Row(inspection.Id) + " [data-testid=eval-row-grade]");
        var untouchedState = await page.InnerTextAsync(Row(untouched.Id) + " [data-testid=eval-row-state]");
        var untouchedComposite = await page.InnerTextAsync(Row(untouched.Id) + " [data-testid=eval-row-composite]");
        var rounds = await page.Locator("[data-testid=eval-round]").CountAsync();
        await page.SelectOptionAsync("#eval-round", inspection.RoundId.ToString());
        await page.ClickAsync("[data-testid=eval-filter-apply]");
        await page.WaitForURLAsync("**round=*");
        var filteredRows = await page.Locator("[data-testid=eval-row]").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.inspection)");
        await page.GotoAsync(Address + "/evaluations");
        await Check("overview");
        await Screenshots(page, "evaluations");

        // Once in English.
        await page.GotoAsync(Address + evaluationPath + "?culture=en");
        var englishGrade = await page.InnerTextAsync("[data-testid=eval-grade]");
        var englishSelf = await page.InnerTextAsync("[data-testid=eval-source][data-source=SelfAssessment] th");
        var englishSelfBy = await Cell("SelfAssessment", "eval-by");
        var englishSupervising = await page.InnerTextAsync("[data-testid=eval-source][data-source=SupervisingBodies] th");
        var headerFits = await page.EvaluateAsync<bool>("() => document.querySelector('header').scrollWidth <= window.innerWidth");
        var englishSelfScore = await Cell("SelfAssessment", "eval-score");
        var englishText = await page.InnerTextAsync("main");
        await Check("evaluation in English");
        await Screenshots(page, "evaluation-en");
        await page.GotoAsync(Address + "/evaluations");
        var englishState = await page.InnerTextAsync(Row(inspection.Id) + " [data-testid=eval-row-state]");
        var englishOverviewGrade = await page.InnerTextAsync(Row(inspection.Id) + " [data-testid=eval-row-grade]");
        await Check("overview in English");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(officeForms, Is.EqualTo(new[] { "PublicSurvey", "SupervisingBodies", "OnSiteVerification" }), "the office scores the survey, the supervising bodies and on-site verification");
            Assert.That(emptyPending, Is.EqualTo("已评 0 项，共 7 项；全部评分后计算综合得分。"));
            Assert.That(surveyWeight, Is.EqualTo("20%"));
            Assert.That(onSiteBy, Is.EqualTo("巡察办、巡察组"));
            Assert.That(selfBy, Is.EqualTo("单位主要负责人"));
            Assert.That(officeNav, Is.EqualTo(1));

            Assert.That(rangeError, Does.Contain("评分").And.Contain("100"), "the out-of-range score is refused at its field");
            Assert.That(rangeInvalid, Does.Contain("is-invalid"));
            Assert.That(keptScore, Is.EqualTo("101"));
            Assert.That(keptComment, Is.EqualTo("问卷回收率低"));
            Assert.That(otherFieldError, Is.Empty, "only the refused source's field shows the message");
            Assert.That(savedAfterRefusal, Is.Zero, "nothing is saved on refusal");
            Assert.That(done, Is.EqualTo("评分已记录。"));

            Assert.That(formsOf["group"], Is.EqualTo(new[] { "OnSiteVerification" }));
            Assert.That(formsOf["discipline"], Is.EqualTo(new[] { "DisciplineCommission" }));
            Assert.That(formsOf["organization"], Is.EqualTo(new[] { "OrganizationDepartment" }));
            Assert.That(formsOf["leadership"], Is.EqualTo(new[] { "LeadersInCharge" }));
            Assert.That(formsOf["b1-leader"], Is.EqualTo(new[] { "SelfAssessment" }));
            Assert.That(sixOfSeven, Is.EqualTo("已评 6 项，共 7 项；全部评分后计算综合得分。"));
            Assert.That(inProgressState, Does.StartWith("评分中").And.Contain("6/7"));
            Assert.That(leaderNav, Is.Zero, "the unit's leader does not read the overview");

            // 0.15×95 + 0.20×88.5 + 0.10×90 + 0.15×91 + 0.10×89 + 0.10×92 + 0.20×87
            // = 14.25 + 17.70 + 9.00 + 13.65 + 8.90 + 9.20 + 17.40 = 90.10, at or above 90: 好
            Assert.That(composite, Is.EqualTo("90.10"));
            Assert.That(grade, Is.EqualTo("好"));
            // The clock stands at 2026-03-02 01:00 UTC, 09:00 in Beijing; the leader scored ninety minutes later.
            Assert.That(selfScore, Does.Contain("95.00").And.Contain("b1-leader（单位主要负责人）评定").And.Contain("于2026-03-02 10:30 北京时间").And.Contain("已完成全部整改事项"));
            Assert.That(groupScore, Does.Contain("87.00").And.Contain("group（巡察组）评定").And.Contain("于2026-03-02 09:00 北京时间").And.Contain("察访核验发现1项未整改到位"));
            Assert.That(surveyScore, Is.EqualTo("88.50"));

            Assert.That(liaisonForms, Is.Empty, "the liaison gets no form");
            Assert.That(liaisonNav, Is.Zero);
            Assert.That(posted[0], Is.EqualTo("200"));
            Assert.That(posted[1], Does.Contain("data-testid=\"refusal\""), "the page refuses a posted score");
            Assert.That(byCommand.Error?.Code, Is.EqualTo("evaluation.role-may-not-score"));
            Assert.That(byCommand.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
            Assert.That(overviewForLiaison!.Status, Is.EqualTo(403));
            Assert.That(selfAfterLiaison, Is.EqualTo(95m), "the liaison's score is not saved");

            Assert.That(overviewUnit, Is.EqualTo("一区财政局"));
            Assert.That(overviewState.Trim(), Is.EqualTo("已完成"));
            Assert.That(overviewComposite, Is.EqualTo("90.10"));
            Assert.That(overviewGrade, Is.EqualTo("好"));
            Assert.That(untouchedState.Trim(), Is.EqualTo("未开始"));
            Assert.That(untouchedComposite, Is.EqualTo("—"));
            Assert.That(rounds, Is.EqualTo(2), "each inspection under its own round");
            Assert.That(filteredRows, Is.EqualTo(new[] { inspection.Id.ToString() }));

            Assert.That(englishGrade, Is.EqualTo("Excellent"));
            Assert.That(englishSelf, Is.EqualTo("Unit self-assessment"));
            Assert.That(englishSelfBy, Is.EqualTo("Unit's principal leader"));
            Assert.That(englishSupervising, Is.EqualTo("Publicity, audit and higher authority"), "the label with a comma is read whole");
            Assert.That(headerFits, Is.True, "the English menu wraps inside the header at 1366 px");
            Assert.That(englishSelfScore, Does.Contain("by b1-leader (unit's principal leader)").And.Contain("on 2026-03-02 10:30 Beijing time"));
            Assert.That(englishText, Does.Not.Contain("SelfAssessment").And.Not.Contain("InProgress"));
            Assert.That(englishState.Trim(), Is.EqualTo("Complete"));
            Assert.That(englishOverviewGrade, Is.EqualTo("Excellent"));

            Assert.That(violations, Has.All.Matches<KeyValuePair<string, string[]>>(v => v.Value.Length == 0),
                () => string.Join("; ", violations.Where(v => v.Value.Length > 0).Select(v => $"{v.Key}: {string.Join(", ", v.Value)}")));
            Assert.That(overflow.Where(o => o.Value).Select(o => o.Key), Is.Empty, "no horizontal scrolling at 390 px");
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }
}
