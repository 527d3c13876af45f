using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.Problems;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The feedback letter and the rectification status report of an inspection whose problems are in every state: each document
/// names every fed-back problem (and no other) with the state, counts and remaining work the ledger shows.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class InspectionDocumentTests(DatabaseProvider provider) : HostTest(provider)
{
    private InspectionDto inspection = null!;
    private IReadOnlyList<ProblemSummary> ledger = null!;
    private Dictionary<Guid, ProblemDetail> details = null!;
    private ProblemSummary notFedBack = null!;

    [OneTimeSetUp]
    public async Task AnInspectionWithProblemsInEveryState()
    {
        inspection = await NewInspection(Org.Bureau);
        var problems = new List<ProblemSummary>();
        for (var i = 0; i < 4; i++)
        {
            problems.Add(await NewProblem(inspection, i == 1 ? Severity.Serious : Severity.General));
        }

        var plan = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id))).PlanId;
        RectificationKind[] kinds = [RectificationKind.TimeLimited, RectificationKind.TimeLimited, RectificationKind.LongTerm, RectificationKind.Immediate];
        for (var i = 0; i < problems.Count; i++)
        {
            Ok(await Host.Send<PlanDto>("b1-liaison", new EditLedgerLine(plan, problems[i].Id, $"第{i + 1}项整改措施：修订制度并组织学习", "王局长", "办公室",
                kinds[i], Host.Clock.Today.AddDays(kinds[i] == RectificationKind.Immediate ? 7 : kinds[i] == RectificationKind.LongTerm ? 300 : 60))));
        }

        Ok(await Host.Send<PlanDto>("b1-liaison", new SubmitPlan(plan)));
        Ok(await Host.Send<PlanDto>("discipline", new AcceptPlan(plan, "方案可行")));

        // Closed, with an uploaded file and a reference cited twice across two reports: two distinct pieces of evidence.
        var file = await EvidenceTests.UploadAsync(Host.ClientFor("b1-liaison"), problems[0].Id, "整改报告.pdf", EvidenceTests.PdfBytes(500));
        Ok(await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problems[0].Id, "完成一半", 50, null, [Evidence("会议纪要.pdf")])));
        Ok(await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problems[0].Id, "全部完成", 100, null,
            [Evidence("会议纪要.pdf"), new EvidenceInput(null, null, file.Id)])));
        Ok(await Host.Send<ProblemSummary>("b1-liaison", new SubmitForReview(problems[0].Id)));
        foreach (var party in new[] { "b1-leader", "discipline", "organization" })
        {
            Ok(await Host.Send<ProblemSummary>(party, new SignOffProblem(problems[0].Id, true, "同意")));
        }

        Ok(await Host.Send<ProblemSummary>("office", new CloseProblem(problems[0].Id)));

        // Under review, signed by the unit's leader only.
        Ok(await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problems[1].Id, "已基本完成", 90, null, [new EvidenceInput("制度文件.pdf", new string('d', 64))])));
        Ok(await Host.Send<ProblemSummary>("b1-liaison", new SubmitForReview(problems[1].Id)));
        Ok(await Host.Send<ProblemSummary>("b1-leader", new SignOffProblem(problems[1].Id, true, "同意")));

        // Long-term, one report; the fourth has no report and runs late.
        Ok(await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problems[2].Id, "建立长效机制", 30, "第一阶段", [])));

        // Registered after the feedback (边巡边改) and not fed back: in neither document.
        notFedBack = await NewProblem(inspection);
        Host.Clock.Advance(TimeSpan.FromDays(10));

        ledger = Ok(await Host.Send<Page<ProblemSummary>>("b1-liaison", new ListProblems(InspectionId: inspection.Id))).Items;
        details = [];
        foreach (var p in ledger)
        {
            details[p.Id] = Ok(await Host.Send<ProblemDetail>("b1-liaison", new GetProblem(p.Id)));
        }
    }

    private IEnumerable<ProblemSummary> FedBack => ledger.Where(p => p.State != ProblemStates.Registered);

    [Test]
    public async Task StatusReport_Data_MatchesTheLedgerProblemByProblem()
    {
        var json = JsonNode.Parse(await Host.ClientFor("b1-leader").GetStringAsync($"/api/inspections/{inspection.Id}/status-report?format=json"))!;
        var rows = json["problems"]!.AsArray();

        var expected = FedBack.Select(p => (p.Code, p.State, (int)p.DaysOverdue,
            details[p.Id].Progress.SelectMany(r => r.Evidence).Select(e => e.Sha256).Distinct().Count(), details[p.Id].Progress.Count)).ToList();
        var actual = rows.Select(r => ((string)r!["summary"]!["code"]!, (string)r["summary"]!["state"]!, (int)r["summary"]!["daysOverdue"]!,
            (int)r["evidenceCount"]!, (int)r["progressReports"]!)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual, Is.EqualTo(expected));
            Assert.That(actual.Select(a => a.Item2), Is.EqualTo(new[] { ProblemStates.Closed, ProblemStates.UnderReview, ProblemStates.Rectifying, ProblemStates.Rectifying }));
            Assert.That(actual[0].Item4, Is.EqualTo(2), "a reference cited in two reports counts once");
            Assert.That(actual.Select(a => a.Item1), Does.Not.Contain(notFedBack.Code));
            Assert.That(((int)json["fedBack"]!, (int)json["closed"]!, (decimal)json["completionRate"]!, (int)json["longTerm"]!, (int)json["evidenceCount"]!),
                Is.EqualTo((4, 1, 25.00m, 1, 3)));
            Assert.That((int)json["overdue"]!, Is.EqualTo(ledger.Count(p => p.DaysOverdue > 0)).And.EqualTo(1), "the immediate problem is late");
            Assert.That(rows[1]!["missingSignatures"]!.AsArray().Select(r => (string)r!), Is.EqualTo(details[ledger[1].Id].MissingSignatures.Select(r => r.ToString())));
        }
    }

    [Test]
    public async Task StatusReport_Page_InChineseAndEnglish_NamesEveryFedBackProblemWithItsStateAndWhatRemains()
    {
        var zh = await Host.ClientFor("b1-leader").GetStringAsync($"/api/inspections/{inspection.Id}/status-report");
        var en = await Host.ClientFor("b1-leader", "en").GetStringAsync($"/api/inspections/{inspection.Id}/status-report");
        var catalog = Host.Services.GetRequiredService<Application.Abstractions.ILifecycleCatalog>();
        var enLabels = FedBack.ToDictionary(p => p.Id, p => catalog.Get(Problem.Lifecycle, details[p.Id].DefinitionVersion).States[p.State].En);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(zh, Does.Contain("<html lang=\"zh-CN\">").And.Contain("整改情况报告").And.Contain("整改完成率25.00%"));
            Assert.That(en, Does.Contain("<html lang=\"en\">").And.Contain("Rectification status report").And.Contain("completion rate of 25.00%"));
            foreach (var p in FedBack)
            {
                Assert.That(zh, Does.Contain(p.Code).And.Contain(System.Net.WebUtility.HtmlEncode(details[p.Id].StateLabel)), p.Code);
                Assert.That(en, Does.Contain(p.Code).And.Contain(enLabels[p.Id]), p.Code);
            }

            Assert.That(zh, Does.Not.Contain(notFedBack.Code));
            Assert.That(zh, Does.Contain("无（已销号）").And.Contain("待纪委监委、组织部签字后销号").And.Contain("三、长期坚持事项及安排").And.Contain("已逾期3天"));
            Assert.That(en, Does.Contain("Sign-off by the discipline commission, the organization department"));
        }
    }

    [Test]
    public async Task StatusReport_Docx_OpensWithOpenXmlAndStatesTheSame()
    {
        using var response = await Host.ClientFor("b1-leader").GetAsync($"/api/inspections/{inspection.Id}/status-report?format=docx");
        var text = BodyText(await response.Content.ReadAsByteArrayAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("整改情况报告-B1.docx"));
            Assert.That(text, Does.Contain("整改情况报告").And.Contain("整改完成率25.00%").And.Contain("待纪委监委、组织部签字后销号"));
            foreach (var p in FedBack)
            {
                Assert.That(text, Does.Contain(p.Code).And.Contain(p.Title).And.Contain(details[p.Id].StateLabel), p.Code);
            }

            Assert.That(text, Does.Contain("第3项整改措施"), "the long-term arrangement names the measures of the ledger line");
            Assert.That(text, Does.Not.Contain(notFedBack.Code));
        }
    }

    [Test]
    public async Task FeedbackLetter_AsPageAndDocx_ListsEveryFedBackProblemAndTheRequirements()
    {
        var page = await Host.ClientFor("b1-liaison").GetStringAsync($"/api/inspections/{inspection.Id}/feedback-letter");
        using var file = await Host.ClientFor("b1-liaison").GetAsync($"/api/inspections/{inspection.Id}/feedback-letter?format=docx");
        var text = BodyText(await file.Content.ReadAsByteArrayAsync());
        var plan = Ok(await Host.Send<PlanDto>("b1-liaison", new GetPlanOfInspection(inspection.Id)));
        var due = $"{plan.SubmissionDue.Year}年{plan.SubmissionDue.Month}月{plan.SubmissionDue.Day}日";

        using (Assert.EnterMultipleScope())
        {
            foreach (var p in FedBack)
            {
                Assert.That(page, Does.Contain(p.Code).And.Contain(p.Title).And.Contain(details[p.Id].Description), p.Code);
                Assert.That(text, Does.Contain(p.Code), p.Code);
            }

            // The unit reads its problems as fed back: the dossier (facts, basis) stays with the inspection side.
            Assert.That(text, Does.Not.Contain("认定依据：").And.Not.Contain("主要事实："));
            Assert.That(page, Does.Contain("巡察反馈意见").And.Contain("一区财政局：").And.Contain("反馈了巡察发现的4个问题").And.Contain($"于{due}前报送整改方案"));
            Assert.That(text, Does.Contain("二、整改要求").And.Contain($"于{due}前报送整改方案"));
            Assert.That(page + text, Does.Not.Contain(notFedBack.Code));
        }
    }

    [Test]
    public async Task Documents_OfAnInspectionNotFedBack_AreRefused_AndOfAnotherUnit_AnswerNotFound()
    {
        var fresh = await NewInspection(Org.Bureau);
        await NewProblem(fresh);
        using var early = await Host.ClientFor("b1-leader").GetAsync($"/api/inspections/{fresh.Id}/feedback-letter");
        using var other = await Host.ClientFor("h1-leader").GetAsync($"/api/inspections/{inspection.Id}/status-report?format=docx");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((early.StatusCode, (string?)JsonNode.Parse(await early.Content.ReadAsStringAsync())!["code"]),
                Is.EqualTo((HttpStatusCode.UnprocessableEntity, (string?)"document.not-fed-back")));
            Assert.That((other.StatusCode, (string?)JsonNode.Parse(await other.Content.ReadAsStringAsync())!["code"]), Is.EqualTo((HttpStatusCode.NotFound, (string?)"not-found")));
        }
    }

    /// <summary>The text of the document's paragraphs, after checking the file against the Office Open XML schema (Word refuses files that break it).</summary>
    private static string BodyText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, isEditable: false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(word)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty, "schema errors in the .docx");
        return string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
