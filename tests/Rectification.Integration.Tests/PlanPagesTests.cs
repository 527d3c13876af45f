using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The plan editor and the screening and review queue in a real browser: the unit drafts and submits its plan, the commission returns
/// it with a comment on one line, the unit fixes that line and resubmits, the commission accepts; problems under review are signed
/// several at once from the queue, each with its own result.
/// </summary>
[NonParallelizable]
public sealed class PlanPagesTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    [TimeLimit(300)]
    [Test]
    public async Task Liaison_DraftsAndSubmitsThePlan_CommissionReturnsItWithALineComment_LiaisonFixesTheLine_AndTheCommissionAccepts()
    {
        var chromium = ChromiumOrIgnore();
        var (planId, problems) = await FedBack(Org.Bureau, count: 2);
        var (first, second) = (problems[0], problems[1]);
        await TestAccounts.CreateAsync(Host, "b1-liaison");
        await TestAccounts.CreateAsync(Host, "discipline");
        var deadline = Host.Clock.Today.AddDays(60).ToString("yyyy-MM-dd");

        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "b1-liaison");

        // Drafting: every fed-back problem has its line, still empty.
        await page.GotoAsync(Address + $"/plans/{planId}");
        var draftState = await page.TextContentAsync("[data-testid=plan-state]");
        var lineCount = await page.Locator("[data-testid=line]").CountAsync();
        var gaps = await page.Locator($"#line-{first.Id} [data-testid=line-gaps]").TextContentAsync();

        // A line without measures is refused at its field, and nothing of it is saved.
        await FillLine(page, first.Id, "", "李局长", "办公室", deadline);
        await page.ClickAsync($"#line-{first.Id} [data-testid=save-line]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var measuresError = await page.TextContentAsync($"#line-{first.Id}-measures-error");
        var measuresClass = await page.GetAttributeAsync($"#line-{first.Id}-measures", "class");
        var keptLeader = await page.InputValueAsync($"#line-{first.Id}-leader");
        var afterRefusal = await Line(planId, first.Id);
        var refusedViolations = await AxeViolations(page);

        await FillLine(page, first.Id, "修订财务审批制度，逐笔清理违规报销", "李局长", "办公室", deadline);
        await page.ClickAsync($"#line-{first.Id} [data-testid=save-line]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var saved = await page.TextContentAsync("[data-testid=done]");
        await FillLine(page, second.Id, "建立干部谈话制度", "王副局长", "人事科", deadline);
        await page.ClickAsync($"#line-{second.Id} [data-testid=save-line]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var firstLine = await Line(planId, first.Id);
        var gapsLeft = await page.Locator("[data-testid=line-gaps]").CountAsync();
        var planViolations = await AxeViolations(page);
        var planOverflow = await OverflowsAtPhoneWidth(page);
        await Screenshots(page, "plan");

        await page.ClickAsync("[data-testid=action-Submit]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var submitted = await page.TextContentAsync("[data-testid=done]");
        var submittedState = await page.TextContentAsync("[data-testid=plan-state]");
        var stateAfterSubmit = await PlanState(planId);

        // The commission finds the plan in its queue and returns it with an overall comment and a comment on the second line.
        await SwitchUserAsync(page, "discipline");
        await page.GotoAsync(Address + "/review");
        var queued = await page.Locator("[data-testid=review-plan]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.plan)");
        await page.ClickAsync("[data-testid=screen-plan]");
        await page.WaitForSelectorAsync("[data-testid=screening]");
        var screenViolations = await AxeViolations(page);
        await page.FillAsync("#return-comment", "整改措施不够具体，请修改后重新报送。");
        await page.FillAsync($"#lineComment-{second.Id}", "谈话制度应明确谈话对象和频次。");
        await page.ClickAsync("[data-testid=action-Return]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var returnedDone = await page.TextContentAsync("[data-testid=done]");
        var returned = await Host.Query(db => db.Plans.AsNoTracking().Include(p => p.Revisions).SingleAsync(p => p.Id == planId));

        // The liaison sees the overall comment, the line's comment at that line only, fixes the line and sees what changed.
        await SwitchUserAsync(page, "b1-liaison");
        await page.GotoAsync(Address + $"/plans/{planId}");
        var returnedState = await page.TextContentAsync("[data-testid=plan-state]");
        var overall = await page.TextContentAsync("[data-testid=return-comment]");
        var secondComment = await page.TextContentAsync($"#line-{second.Id} [data-testid=line-comment]");
        var firstComments = await page.Locator($"#line-{first.Id} [data-testid=line-comment]").CountAsync();
        await page.FillAsync($"#line-{second.Id}-measures", "建立干部谈话制度，每季度对科级干部谈话一次");
        await page.ClickAsync($"#line-{second.Id} [data-testid=save-line]");
        await page.WaitForSelectorAsync("[data-testid=plan-diff]");
        var diffHeading = await page.TextContentAsync("#diff-heading");
        var diffRows = await page.Locator("[data-testid=diff-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.problem + ' ' + r.dataset.field)");
        var diffText = await page.TextContentAsync("[data-testid=plan-diff] tbody");
        var returnedViolations = await AxeViolations(page);
        var returnedOverflow = await OverflowsAtPhoneWidth(page);
        await Screenshots(page, "plan-returned");
        await page.ClickAsync("[data-testid=action-Submit]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var stateAfterResubmit = await PlanState(planId);

        // The commission sees the difference between the two versions and accepts: the problems enter rectification on their lines.
        await SwitchUserAsync(page, "discipline");
        await page.GotoAsync(Address + $"/plans/{planId}");
        var screenerDiffHeading = await page.TextContentAsync("#diff-heading");
        await page.FillAsync("#accept-comment", "同意。");
        await page.ClickAsync("[data-testid=action-Accept]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var accepted = await page.TextContentAsync("[data-testid=done]");
        var acceptedState = await page.TextContentAsync("[data-testid=plan-state]");
        var stateAfterAccept = await PlanState(planId);
        var problemStates = await Host.Query(db => db.Problems.Where(p => p.InspectionId == first.InspectionId).Select(p => p.State).ToListAsync());
        var acceptedViolations = await AxeViolations(page);

        // An accepted line changes only by a request: the liaison proposes new measures, the commission accepts them, and they are in force.
        await SwitchUserAsync(page, "b1-liaison");
        await page.GotoAsync(Address + $"/plans/{planId}");
        await page.ClickAsync($"#line-{first.Id} [data-testid=propose-change]");
        await page.FillAsync($"#change-{first.Id}-measures", "修订财务审批制度，逐笔清理违规报销并追回资金");
        await page.FillAsync($"#change-{first.Id}-reason", "审计发现需追回资金");
        await page.ClickAsync($"#line-{first.Id} [data-testid=send-change]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var proposedDone = await page.TextContentAsync("[data-testid=done]");
        var proposedStatus = await page.GetAttributeAsync($"#line-{first.Id} [data-testid=line-change]", "data-status");
        var lineWhileProposed = await Line(planId, first.Id);
        var proposedViolations = await AxeViolations(page);
        await SwitchUserAsync(page, "discipline");
        await page.GotoAsync(Address + $"/plans/{planId}");
        await page.ClickAsync($"#line-{first.Id} [data-testid=accept-change]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var decidedDone = await page.TextContentAsync("[data-testid=done]");
        var decidedStatus = await page.GetAttributeAsync($"#line-{first.Id} [data-testid=line-change]", "data-status");
        var lineInForce = await Line(planId, first.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(draftState, Is.EqualTo("编制中"));
            Assert.That(lineCount, Is.EqualTo(2), "one line per fed-back problem");
            Assert.That(gaps, Is.EqualTo("待填写：整改措施、责任领导、责任部门、整改类型、整改时限"));
            Assert.That(measuresError?.Trim(), Is.EqualTo("'整改措施' 不能为空。"), "the refusal is shown at the line's field");
            Assert.That(measuresClass, Does.Contain("is-invalid"));
            Assert.That(keptLeader, Is.EqualTo("李局长"), "what was typed is kept for correction");
            Assert.That(afterRefusal.ResponsibleLeader, Is.Empty, "a refused line saves nothing");
            Assert.That(saved, Is.EqualTo("已完成：修改台账。"));
            Assert.That(firstLine, Is.EqualTo(("修订财务审批制度，逐笔清理违规报销", "李局长", "办公室", (RectificationKind?)RectificationKind.TimeLimited, (DateOnly?)Host.Clock.Today.AddDays(60))));
            Assert.That(gapsLeft, Is.Zero);
            Assert.That(submitted, Is.EqualTo("已完成：报送整改方案。"));
            Assert.That(submittedState, Is.EqualTo("已提交"));
            Assert.That(stateAfterSubmit, Is.EqualTo(PlanStates.Submitted));
            Assert.That(queued, Is.EqualTo(new[] { planId.ToString() }), "the submitted plan waits in the commission's queue");
            Assert.That(returnedDone, Is.EqualTo("已完成：退回修改。"));
            Assert.That(returned.State, Is.EqualTo(PlanStates.Returned));
            Assert.That(returned.ReturnCount, Is.EqualTo(1));
            Assert.That(returned.Revisions.Single().Comment, Is.EqualTo("整改措施不够具体，请修改后重新报送。"));
            Assert.That(returned.Revisions.Single().LineComments, Is.EqualTo(new[] { new LineComment(second.Id, "谈话制度应明确谈话对象和频次。") }));
            Assert.That(returnedState, Is.EqualTo("已退回"));
            Assert.That(overall, Does.Contain("第 1 版的退回意见").And.Contain("整改措施不够具体，请修改后重新报送。"));
            Assert.That(secondComment, Is.EqualTo("对本条的退回意见：谈话制度应明确谈话对象和频次。"));
            Assert.That(firstComments, Is.Zero, "a line without a comment shows none");
            Assert.That(diffHeading, Is.EqualTo("与退回的第 1 版相比的修改"));
            Assert.That(diffRows, Is.EqualTo(new[] { $"{second.Id} Measures" }), "only the fixed field of the fixed line");
            Assert.That(diffText, Does.Contain("整改措施").And.Contain("建立干部谈话制度").And.Contain("建立干部谈话制度，每季度对科级干部谈话一次"));
            Assert.That(stateAfterResubmit, Is.EqualTo(PlanStates.Submitted));
            Assert.That(screenerDiffHeading, Is.EqualTo("第 1 版与第 2 版的差异"));
            Assert.That(accepted, Is.EqualTo("已完成：审核通过。"));
            Assert.That(acceptedState, Is.EqualTo("已通过"));
            Assert.That(stateAfterAccept, Is.EqualTo(PlanStates.Accepted));
            Assert.That(problemStates, Is.All.EqualTo(ProblemStates.Rectifying), "accepting the plan starts the rectification of its problems");
            Assert.That(proposedDone, Is.EqualTo("已完成：申请调整台账。"));
            Assert.That(proposedStatus, Is.EqualTo("Proposed"));
            Assert.That(lineWhileProposed.Measures, Is.EqualTo("修订财务审批制度，逐笔清理违规报销"), "a material change waits for the decision");
            Assert.That(decidedDone, Is.EqualTo("已完成：审核台账调整。"));
            Assert.That(decidedStatus, Is.EqualTo("Accepted"));
            Assert.That(lineInForce.Measures, Is.EqualTo("修订财务审批制度，逐笔清理违规报销并追回资金"), "the accepted change is in force");
            Assert.That(proposedViolations, Is.Empty, "axe on the plan with a proposed change");
            Assert.That(planOverflow, Is.False, "at 390 px the plan's lines fit without scrolling sideways");
            Assert.That(returnedOverflow, Is.False);
            Assert.That(browser.PolicyRefusals, Is.Empty);
            Assert.That(refusedViolations, Is.Empty, "axe on the plan with a refused line");
            Assert.That(planViolations, Is.Empty, "axe on the drafted plan");
            Assert.That(screenViolations, Is.Empty, "axe on the screening");
            Assert.That(returnedViolations, Is.Empty, "axe on the returned plan with its diff");
            Assert.That(acceptedViolations, Is.Empty, "axe on the accepted plan");
        }
    }

    [TimeLimit(300)]
    [Test]
    public async Task OrganizationDepartment_SignsSeveralProblemsAtOnceFromTheQueue_WithAResultPerProblem_AndRejectsOneWithAComment()
    {
        var chromium = ChromiumOrIgnore();
        var (_, _, problems) = await InRectification(Org.Hospital, count: 4);
        foreach (var p in problems)
        {
            Ok(await Host.Send<ProblemSummary>("h1-liaison", new ReportProgress(p.Id, "已完成整改", 100, null, [Evidence()])));
            Ok(await Host.Send<ProblemSummary>("h1-liaison", new SubmitForReview(p.Id)));
        }

        await TestAccounts.CreateAsync(Host, "organization");
        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "organization");
        await page.ClickAsync("[data-testid=nav-review]");
        await page.WaitForSelectorAsync("[data-testid=review-problems]");
        var plansNone = await page.TextContentAsync("[data-testid=review-plans-none]");
        var listed = await page.Locator("[data-testid=review-problem]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.problem)");
        var queueViolations = await AxeViolations(page);
        var queueOverflow = await OverflowsAtPhoneWidth(page);
        await Screenshots(page, "review");

        // A rejection without its reasons is refused at its field; with them the problem goes back to rectification.
        var rejected = problems[3];
        await page.ClickAsync($"[data-problem='{rejected.Id}'] [data-testid=reject-open]");
        await page.ClickAsync($"[data-problem='{rejected.Id}'] [data-testid=reject-problem]");
        await page.WaitForSelectorAsync("[data-testid=refusal]");
        var rejectError = await page.TextContentAsync($"#reject-{rejected.Id}-comment-error");
        var stateAfterRefusedReject = await ProblemState(rejected.Id);
        await page.FillAsync($"#reject-{rejected.Id}-comment", "佐证材料不足，请补充会议纪要。");
        await page.ClickAsync($"[data-problem='{rejected.Id}'] [data-testid=reject-problem]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var rejectDone = await page.TextContentAsync("[data-testid=done]");
        var stateAfterReject = await ProblemState(rejected.Id);

        // Meanwhile the third problem is signed elsewhere: signing the selected signs two and says why not the third.
        Ok(await Host.Send<ProblemSummary>("organization", new SignOffProblem(problems[2].Id, true, null)));
        foreach (var p in problems.Take(3))
        {
            await page.CheckAsync($"#select-{p.Id}");
        }

        await page.ClickAsync("[data-testid=sign-selected]");
        await page.WaitForSelectorAsync("[data-testid=sign-results]");
        var results = await page.Locator("[data-testid=sign-result]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.problem + ' ' + i.dataset.signed)");
        var texts = await page.Locator("[data-testid=sign-result]").AllTextContentsAsync();
        var heading = await page.TextContentAsync("#results-heading");
        var problemsNone = await page.TextContentAsync("[data-testid=review-problems-none]");
        var signatures = await Host.Query(db => db.Problems.Where(p => p.UnitId == Org.Hospital.Id)
            .SelectMany(p => p.SignOffs).Where(s => s.Party == Role.OrganizationDepartment && s.Approved).Select(s => s.ProblemId).ToListAsync());
        var states = await Host.Query(db => db.Problems.Where(p => p.UnitId == Org.Hospital.Id).ToDictionaryAsync(p => p.Id, p => p.State));
        var resultViolations = await AxeViolations(page);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plansNone, Is.EqualTo("暂无待您审核的整改方案。"));
            Assert.That(listed, Is.EquivalentTo(problems.Select(p => p.Id.ToString())), "the four problems under review wait for the department's signature");
            Assert.That(rejectError?.Trim(), Is.EqualTo("'意见' 不能为空。"), "the missing reasons are shown at the field, in the user's language");
            Assert.That(stateAfterRefusedReject, Is.EqualTo(ProblemStates.UnderReview), "a refused rejection changes nothing");
            Assert.That(rejectDone, Is.EqualTo("已完成：退回整改。"));
            Assert.That(stateAfterReject, Is.EqualTo(ProblemStates.Rectifying));
            Assert.That(results, Is.EqualTo(new[] { $"{problems[0].Id} true", $"{problems[1].Id} true", $"{problems[2].Id} false" }));
            Assert.That(texts[0], Is.EqualTo($"{problems[0].Code} · {problems[0].Title}：已签字确认"));
            Assert.That(texts[1], Is.EqualTo($"{problems[1].Code} · {problems[1].Title}：已签字确认"));
            Assert.That(texts[2], Does.StartWith($"{problems[2].Code} · {problems[2].Title}：").And.Contain("尚未满足：本方尚未在本轮审核中签字"),
                "the refusal in words, not as a code");
            Assert.That(heading, Is.EqualTo("签字结果：已签字 2 项，未签字 1 项"));
            Assert.That(problemsNone, Is.EqualTo("暂无待您签字的问题。"), "nothing is left for the department to sign");
            Assert.That(signatures, Is.EquivalentTo(new[] { problems[0].Id, problems[1].Id, problems[2].Id }), "one signature each, none twice");
            Assert.That(states[problems[0].Id], Is.EqualTo(ProblemStates.UnderReview), "the unit's leader and the commission still sign");
            Assert.That(queueOverflow, Is.False, "at 390 px the queue is read as cards");
            Assert.That(browser.PolicyRefusals, Is.Empty);
            Assert.That(queueViolations, Is.Empty, "axe on the review queue");
            Assert.That(resultViolations, Is.Empty, "axe on the results");
        }
    }

    /// <summary>An inspection whose problems are fed back: the plan is being drafted, every line still empty.</summary>
    private async Task<(Guid PlanId, IReadOnlyList<ProblemSummary> Problems)> FedBack(Unit unit, int count)
    {
        var inspection = await NewInspection(unit);
        var problems = new List<ProblemSummary>();
        for (var i = 0; i < count; i++)
        {
            problems.Add(await NewProblem(inspection));
        }

        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        return (feedback.PlanId, problems);
    }

    private static async Task FillLine(IPage page, Guid problemId, string measures, string leader, string department, string deadline)
    {
        await page.FillAsync($"#line-{problemId}-measures", measures);
        await page.FillAsync($"#line-{problemId}-leader", leader);
        await page.FillAsync($"#line-{problemId}-department", department);
        await page.SelectOptionAsync($"#line-{problemId}-kind", "TimeLimited");
        await page.FillAsync($"#line-{problemId}-deadline", deadline);
    }

    private static async Task<bool> OverflowsAtPhoneWidth(IPage page)
    {
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.SetViewportSizeAsync(1366, 900);
        return overflow;
    }

    private Task<(string Measures, string ResponsibleLeader, string ResponsibleDepartment, RectificationKind? Kind, DateOnly? Deadline)> Line(Guid planId, Guid problemId) =>
        Host.Query(async db =>
        {
            var plan = await db.Plans.AsNoTracking().Include(p => p.Lines).SingleAsync(p => p.Id == planId);
            var line = plan.Lines.Single(l => l.ProblemId == problemId);
            return (line.Measures, line.ResponsibleLeader, line.ResponsibleDepartment, line.Kind, line.Deadline);
        });

    private Task<string> PlanState(Guid planId) => Host.Query(db => db.Plans.Where(p => p.Id == planId).Select(p => p.State).SingleAsync());

    private Task<string> ProblemState(Guid problemId) => Host.Query(db => db.Problems.Where(p => p.Id == problemId).Select(p => p.State).SingleAsync());
}
