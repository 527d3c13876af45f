using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rectification.Application.Inspections;
using Rectification.Domain.Inspections;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// One problem carried through its whole lifecycle in the browser only, by every role that takes a step: the office registers the
/// inspection and its problem and feeds it back; the liaison signs for it, drafts and submits the plan; the commission returns it
/// with a comment on the line; the liaison fixes the line and resubmits; it is accepted; the liaison reports with a file and submits
/// for review; the three parties sign from their review queues; the office closes it, and a look-back reopens it. My tasks and the
/// ledger show each step. In Chinese on SQLite, in English on SQLite, and in Chinese on PostgreSQL.
/// </summary>
[NonParallelizable]
[TestFixtureSource(nameof(Runs))]
public sealed class JourneyTests(DatabaseProvider provider, string culture) : BrowserTest(provider)
{
    public static readonly object[] Runs =
    [
        new object[] { DatabaseProvider.Sqlite, "zh-CN" },
        new object[] { DatabaseProvider.Sqlite, "en" },
        new object[] { DatabaseProvider.PostgreSql, "zh-CN" },
    ];

    private Words W => culture == "en" ? Words.English : Words.Chinese;

    // A whole lifecycle through five accounts in a real browser: a few minutes on a loaded machine.
    [TimeLimit(600)]
    [Test]
    public async Task AProblem_IsCarriedThroughItsWholeLifecycle_InTheBrowserAlone()
    {
        var chromium = ChromiumOrIgnore();
        var round = Ok(await Host.Send<RoundDto>("office", new CreateRound("2026年市委第三轮巡察", 2026, 3)));
        foreach (var account in new[] { "office", "b1-liaison", "b1-leader", "discipline", "organization" })
        {
            await TestAccounts.CreateAsync(Host, account);
        }

        await using var browser = await BrowserSession.StartAsync(chromium, culture);
        var page = browser.Page;
        var violations = new Dictionary<string, string[]>();
        async Task Axe(string name) => violations[name] = await AxeViolations(page);
        async Task<string> Done() => (await page.InnerTextAsync("[data-testid=done]")).Trim();
        async Task<string[]> MyTasks()
        {
            await page.ClickAsync("[data-testid=nav-my-work]");
            await page.WaitForSelectorAsync("h1");
            return await page.Locator("[data-testid=work-item]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)");
        }

        var code = "";
        async Task<string> LedgerState()
        {
            await page.ClickAsync("[data-testid=nav-ledger]");
            await page.WaitForSelectorAsync("[data-testid=ledger]");
            return (await page.InnerTextAsync($"[data-testid=problem][data-code='{code}'] [data-testid=row-state]")).Trim();
        }

        // The office registers the inspection and its problem, and feeds it back.
        await SignInAsync(page, "office");
        await page.ClickAsync("[data-testid=nav-inspections]");
        await page.SelectOptionAsync("#reg-round", round.Id.ToString());
        await page.SelectOptionAsync("#reg-unit", Org.Bureau.Id.ToString());
        await page.SelectOptionAsync("#reg-kind", nameof(InspectionKind.Regular));
        await page.FillAsync("#reg-group", "市委第三巡察组");
        await page.FillAsync("#reg-start", "2026-03-02");
        await page.FillAsync("#reg-end", "2026-04-30");
        await page.ClickAsync("[data-testid=action-Register]");
        await page.WaitForURLAsync("**/inspections/*?done=Register");
        await page.FillAsync("#pr-title", "干部选拔任用程序不规范");
        await page.FillAsync("#pr-description", "2025年提拔的4名干部中，2名未经民主推荐。");
        await page.FillAsync("#pr-category", "选人用人");
        await page.SelectOptionAsync("#pr-severity", nameof(Severity.General));
        await page.FillAsync("#pr-facts", "查阅干部任免档案4份，2份缺少民主推荐材料。");
        await page.FillAsync("#pr-basis", "《党政领导干部选拔任用工作条例》第十八条");
        await page.ClickAsync("[data-testid=action-RegisterProblem]");
        await page.WaitForURLAsync("**?done=RegisterProblem");
        await page.ClickAsync("[data-testid=action-FeedBack]");
        await page.WaitForURLAsync("**?done=FeedBack");
        var letterLinked = await page.Locator("[data-testid=feedback-letter]").CountAsync();
        await Axe("inspection");
        var problem = await Host.Query(db => db.Problems.AsNoTracking().SingleAsync(p => p.UnitId == Org.Bureau.Id));
        code = problem.Code;
        var planId = await Host.Query(db => db.Plans.Where(p => p.InspectionId == problem.InspectionId).Select(p => p.Id).SingleAsync());
        var ledgerAfterFeedback = await LedgerState();

        // The liaison signs for the feedback, drafts the line and submits the plan.
        await SwitchUserAsync(page, "b1-liaison");
        var liaisonTasksAtFirst = await MyTasks();
        await Axe("my tasks");
        await page.ClickAsync("[data-testid=nav-receipts]");
        await page.ClickAsync("[data-testid=sign-receipt]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        await MyTasks();
        await page.ClickAsync("[data-testid=work-item][data-kind=DraftPlan] a");
        await page.WaitForSelectorAsync("[data-testid=line]");
        var line = $"#line-{problem.Id}";
        await page.FillAsync($"{line}-measures", "重新履行民主推荐程序");
        await page.FillAsync($"{line}-leader", "刘局长");
        await page.FillAsync($"{line}-department", "人事科");
        await page.SelectOptionAsync($"{line}-kind", nameof(RectificationKind.TimeLimited));
        await page.FillAsync($"{line}-deadline", Host.Clock.Today.AddDays(60).ToString("yyyy-MM-dd"));
        await page.ClickAsync($"{line} [data-testid=save-line]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        await page.ClickAsync("[data-testid=action-Submit]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var submitted = await Done();
        await Axe("plan");

        // The commission returns it from its queue, with a comment on the line.
        await SwitchUserAsync(page, "discipline");
        await page.ClickAsync("[data-testid=nav-review]");
        await page.ClickAsync($"[data-testid=review-plan][data-plan='{planId}'] [data-testid=screen-plan]");
        await page.WaitForSelectorAsync("[data-testid=screening]");
        await page.FillAsync("#return-comment", "整改措施过于笼统。");
        await page.FillAsync($"#lineComment-{problem.Id}", "应写明对2名干部的处理和制度完善措施。");
        await page.ClickAsync("[data-testid=action-Return]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var returned = await Done();
        await Axe("screening");

        // The liaison signs for the returned plan, sees the comment at the line, fixes it and resubmits.
        await SwitchUserAsync(page, "b1-liaison");
        var liaisonTasksAfterReturn = await MyTasks();
        await page.ClickAsync("[data-testid=nav-receipts]");
        await page.ClickAsync("[data-testid=sign-receipt]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        await MyTasks();
        await page.ClickAsync("[data-testid=work-item][data-kind=RevisePlan] a");
        await page.WaitForSelectorAsync("[data-testid=line]");
        var lineComment = (await page.InnerTextAsync($"{line} [data-testid=line-comment]")).Trim();
        await page.FillAsync($"{line}-measures", "对2名干部重新履行民主推荐程序，修订干部选拔任用工作细则");
        await page.ClickAsync($"{line} [data-testid=save-line]");
        await page.WaitForSelectorAsync("[data-testid=plan-diff]");
        await page.ClickAsync("[data-testid=action-Submit]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        await Axe("plan revised");

        // The commission accepts it: the problem is in rectification.
        await SwitchUserAsync(page, "discipline");
        await MyTasks();
        await page.ClickAsync("[data-testid=work-item][data-kind=ScreenPlan] a");
        await page.WaitForSelectorAsync("[data-testid=screening]");
        await page.ClickAsync("[data-testid=action-Accept]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var accepted = await Done();
        var ledgerAfterAccept = await LedgerState();

        // The liaison reports with a file and submits for review.
        await SwitchUserAsync(page, "b1-liaison");
        var liaisonTasksInRectification = await MyTasks();
        await page.ClickAsync($"[data-testid=work-item][data-item='{problem.Id}'] a");
        await page.FillAsync("#progress-text", "已对2名干部重新履行民主推荐程序，修订了工作细则。");
        await page.FillAsync("#progress-percent", "100");
        await page.SetInputFilesAsync("#progress-file", new FilePayload
        {
            Name = "民主推荐材料.pdf", MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        });
        await page.ClickAsync("[data-testid=action-ReportProgress]");
        await page.WaitForSelectorAsync("[data-testid=evidence-download]");
        var reported = await Done();
        await page.ClickAsync("[data-testid=action-SubmitForReview]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var submittedForReview = await Done();
        await Axe("problem");
        var ledgerUnderReview = await LedgerState();

        // The three parties sign from their review queues.
        var signed = new Dictionary<string, string?>();
        foreach (var party in new[] { "b1-leader", "discipline", "organization" })
        {
            await SwitchUserAsync(page, party);
            await page.ClickAsync("[data-testid=nav-review]");
            await page.CheckAsync($"#select-{problem.Id}");
            await page.ClickAsync("[data-testid=sign-selected]");
            await page.WaitForSelectorAsync("[data-testid=sign-results]");
            signed[party] = await page.GetAttributeAsync("[data-testid=sign-result]", "data-signed");
            await Axe($"review {party}");
        }

        // The office closes it, and a look-back reopens it with a reason and a new deadline.
        await SwitchUserAsync(page, "office");
        var officeTasks = await MyTasks();
        await page.ClickAsync($"[data-testid=work-item][data-item='{problem.Id}'] a");
        await page.ClickAsync("[data-testid=action-Close]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var closed = await Done();
        var writeOffLinked = await page.Locator("[data-testid=write-off]").CountAsync();
        var ledgerClosed = await LedgerState();
        await page.GotoAsync(Address + $"/problems/{problem.Id}");
        await page.FillAsync("#reopen-reason", "回头看发现细则未印发执行。");
        await page.FillAsync("#reopen-deadline", Host.Clock.Today.AddDays(30).ToString("yyyy-MM-dd"));
        await page.ClickAsync("[data-testid=action-Reopen]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        var reopened = await Done();
        await Axe("problem reopened");
        var ledgerReopened = await LedgerState();

        await SwitchUserAsync(page, "b1-liaison");
        var liaisonTasksAfterReopening = await MyTasks();
        var stored = await Host.Query(db => db.Problems.AsNoTracking().Include(p => p.SignOffs).Include(p => p.Reopenings).SingleAsync(p => p.Id == problem.Id));
        var planState = await Host.Query(db => db.Plans.Where(p => p.Id == planId).Select(p => p.State).SingleAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(letterLinked, Is.EqualTo(1), "the feedback letter is linked on the inspection page");
            Assert.That(ledgerAfterFeedback, Is.EqualTo(W.FedBack));
            Assert.That(liaisonTasksAtFirst, Is.EquivalentTo(new[] { "SignReceipt", "DraftPlan", "ReportProgress" }),
                "the feedback to sign for, the plan to draft, and progress may be reported from the feedback on");
            Assert.That(submitted, Is.EqualTo(W.Done("submit")));
            Assert.That(returned, Is.EqualTo(W.Done("return")));
            Assert.That(liaisonTasksAfterReturn, Is.EquivalentTo(new[] { "SignReceipt", "RevisePlan", "ReportProgress" }), "the returned plan is sent for the unit's receipt");
            Assert.That(lineComment, Does.Contain("应写明对2名干部的处理和制度完善措施。"), "the reviewer's comment at its line");
            Assert.That(accepted, Is.EqualTo(W.Done("accept")));
            Assert.That(ledgerAfterAccept, Is.EqualTo(W.Rectifying));
            Assert.That(liaisonTasksInRectification, Is.EqualTo(new[] { "ReportProgress" }));
            Assert.That(reported, Is.EqualTo(W.Done("report")));
            Assert.That(submittedForReview, Is.EqualTo(W.Done("submit-review")));
            Assert.That(ledgerUnderReview, Is.EqualTo(W.UnderReview));
            Assert.That(signed, Is.EqualTo(new Dictionary<string, string?> { ["b1-leader"] = "true", ["discipline"] = "true", ["organization"] = "true" }));
            Assert.That(officeTasks, Does.Contain("CloseProblem"), "once all three have signed the office may close it");
            Assert.That(closed, Is.EqualTo(W.Done("close")));
            Assert.That(writeOffLinked, Is.EqualTo(1), "the write-off record is linked");
            Assert.That(ledgerClosed, Is.EqualTo(W.Closed));
            Assert.That(reopened, Is.EqualTo(W.Done("reopen")));
            Assert.That(ledgerReopened, Is.EqualTo(W.Rectifying));
            Assert.That(liaisonTasksAfterReopening, Is.EqualTo(new[] { "ReportProgress" }), "the reopened problem waits for the unit's report again");
            Assert.That(stored.State, Is.EqualTo(ProblemStates.Rectifying));
            Assert.That(stored.SignOffs.Select(s => s.Party.ToString()), Is.EquivalentTo(new[] { "UnitLeader", "DisciplineCommission", "OrganizationDepartment" }));
            Assert.That(stored.Reopenings.Select(r => (r.Reason, r.NewDeadline)), Is.EqualTo(new[] { ("回头看发现细则未印发执行。", Host.Clock.Today.AddDays(30)) }));
            Assert.That(planState, Is.EqualTo(PlanStates.Accepted));
            Assert.That(violations.Where(v => v.Value.Length > 0).Select(v => $"{v.Key}: {string.Join(", ", v.Value)}"), Is.Empty, "axe on every page of the journey");
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }

    /// <summary>What the pages say at each step, written by hand in each language.</summary>
    private sealed record Words(string FedBack, string Rectifying, string UnderReview, string Closed, IReadOnlyDictionary<string, string> DoneTexts)
    {
        public static readonly Words Chinese = new("已反馈", "整改中", "审核中", "已销号", new Dictionary<string, string>
        {
            ["submit"] = "已完成：报送整改方案。",
            ["return"] = "已完成：退回修改。",
            ["accept"] = "已完成：审核通过。",
            ["report"] = "已完成：报送整改进展。",
            ["submit-review"] = "已完成：提交销号审核。",
            ["close"] = "已完成：销号。",
            ["reopen"] = "已完成：重新整改。",
        });

        public static readonly Words English = new("Fed back", "Rectifying", "Under review", "Closed", new Dictionary<string, string>
        {
            ["submit"] = "Done: submit the plan.",
            ["return"] = "Done: return.",
            ["accept"] = "Done: accept.",
            ["report"] = "Done: report progress.",
            ["submit-review"] = "Done: submit for review.",
            ["close"] = "Done: close.",
            ["reopen"] = "Done: reopen.",
        });

        public string Done(string step) => DoneTexts[step];
    }
}
