using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Clues;
using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Application.Receipts;
using Rectification.Application.Reminders;
using Rectification.Domain.Clues;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// Clue sheets and findings not yet fed back stay with those entitled to them (workflows/visibility.yaml): the inspected unit's
/// own roles, and the unit roles of the unit above it, see neither, by any endpoint, page or mail; the dossier stays with the
/// inspection side and the commission. The expected roles and texts are written here by hand.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ConfidentialityTests(DatabaseProvider provider) : HostTest(provider)
{
    private const string ClueSummary = "反映该局主要负责人收受工程款回扣问题（保密线索甲）";
    private const string PendingClueSummary = "反映该局违规发放津补贴问题（保密线索乙）";
    private const string FindingTitle = "尚未反馈的问题（保密标题丙）";
    private const string DossierFacts = "底稿事实：抽查记账凭证37份（保密事实丁）";
    private const string DossierBasis = "底稿依据：《某条例》第九条（保密依据戊）";

    /// <summary>The inspected unit's own roles and those of the unit above it, and the roles that may not see clue sheets.</summary>
    private static readonly string[] UnitSide = ["b1-liaison", "b1-leader", "d1-liaison", "d1-leader"];
    private static readonly string[] NoClueSheets = [.. UnitSide, "b1-admin", "b1-organization", "b1-leadership", "admin", "organization", "leadership"];
    private static readonly string[] ClueReaders = ["discipline", "d1-discipline", "office", "group"];

    private ClueDto concluded = null!;
    private ClueDto pending = null!;
    private ProblemSummary fedBack = null!;
    private ProblemSummary registered = null!;
    private InspectionDto unfedBackInspection = null!;

    private IEnumerable<string> Markers =>
    [
        ClueSummary, PendingClueSummary, FindingTitle, DossierFacts, DossierBasis, concluded.Id.ToString(), pending.Id.ToString(), concluded.Code, pending.Code,
        // Not the finding's code: codes count per inspection today, so the fed-back one shares it.
        registered.Id.ToString(),
    ];

    [OneTimeSetUp]
    public async Task HandOverSheetsAndRegisterAFinding()
    {
        await ApiSurface.AddRoleUsersAsync(Host, Org.Bureau, Org.District1);
        var inspection = await NewInspection(Org.Bureau);
        fedBack = Ok(await Host.Send<ProblemSummary>("group", new RegisterProblem(inspection.Id, "“三重一大”事项未经集体决策", "2025年以来3项大额支出未上会",
            "党的领导", Severity.Serious, DossierFacts, DossierBasis, "个别谈话记录（保密过程己）")));
        Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        concluded = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, ClueSummary, SheetColour.Red, [fedBack.Id])));
        Ok(await Host.Send<ClueDto>("discipline", new AcceptClue(concluded.Id)));
        Ok(await Host.Send<ClueDto>("discipline", new StartInvestigation(concluded.Id)));
        concluded = Ok(await Host.Send<ClueDto>("discipline", new ConcludeClue(concluded.Id, "经核查基本属实，给予党内严重警告处分", 2, 3, 0, 50_000m)));
        pending = Ok(await Host.Send<ClueDto>("office", new HandOverClue(inspection.Id, PendingClueSummary, SheetColour.Yellow)));

        unfedBackInspection = await NewInspection(Org.Bureau);
        registered = Ok(await Host.Send<ProblemSummary>("group", new RegisterProblem(unfedBackInspection.Id, FindingTitle, "巡察中发现，尚未反馈",
            "党的建设", Severity.General, DossierFacts, DossierBasis, "")));
    }

    [Test]
    public async Task ListClues_WhenCallerBelongsToTheInspectedUnit_ShowsNothing()
    {
        foreach (var user in NoClueSheets)
        {
            var clues = Ok(await Host.Send<IReadOnlyList<ClueDto>>(user, new ListClues()));
            Assert.That(clues, Is.Empty, user);
        }
    }

    [Test]
    public async Task ListClues_ForTheCommissionAndTheInspectionSide_ShowsBothSheets()
    {
        foreach (var user in ClueReaders)
        {
            var clues = Ok(await Host.Send<IReadOnlyList<ClueDto>>(user, new ListClues()));
            Assert.That(clues.Select(c => c.Summary), Is.EquivalentTo(new[] { ClueSummary, PendingClueSummary }), user);
        }
    }

    [Test]
    public async Task ClueSheet_ByItsId_AnswersTheUnitExactlyLikeAMissingOne()
    {
        foreach (var user in NoClueSheets)
        {
            var client = Host.ClientFor(user, "en");
            foreach (var (method, path) in new[]
                     {
                         ("GET", "/api/clues/{0}/audit"), ("POST", "/api/clues/{0}/accept"), ("POST", "/api/clues/{0}/start-investigation"),
                     })
            {
                var real = await Send(client, method, string.Format(path, pending.Id));
                var missing = await Send(client, method, string.Format(path, Guid.NewGuid()));
                Assert.That((real.Status, real.Code, real.Entity), Is.EqualTo((HttpStatusCode.NotFound, "not-found", "Clue")), $"{method} {path} as {user}");
                Assert.That((real.Status, real.Code, real.Entity), Is.EqualTo((missing.Status, missing.Code, missing.Entity)), $"{method} {path} as {user}");
            }
        }

        var state = await Host.Query(db => db.Clues.Where(c => c.Id == pending.Id).Select(c => c.State).SingleAsync());
        Assert.That(state, Is.EqualTo(ClueStates.HandedOver), "nothing the unit sent moved the sheet on");
    }

    [Test]
    public async Task Receipts_OfAHandoverSheet_AreHiddenFromTheUnit_AndShownToTheCommission()
    {
        foreach (var user in NoClueSheets)
        {
            var history = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>(user, new ListReceipts(CaseId: pending.Id)));
            var waiting = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>(user, new ListReceipts()));
            Assert.That(history, Is.Empty, user);
            Assert.That(waiting.Where(r => r.CaseType == Clue.Lifecycle), Is.Empty, user);
        }

        var commission = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>("d1-discipline", new ListReceipts(CaseId: pending.Id)));
        Assert.That(commission.Select(r => r.Kind.ToString()), Is.EqualTo(new[] { "HandoverSheet" }));
        var byUnit = await Host.Send<ReceiptDto>("b1-leader", new AcknowledgeReceipt(commission[0].Id));
        Assert.That(byUnit.Error?.Code, Is.EqualTo("not-found"));
    }

    [Test]
    public async Task Statistics_ShowClueFiguresOnlyToRolesThatMaySeeThem_LeadersSeeCountsButNoSheet()
    {
        foreach (var user in UnitSide.Append("b1-admin").Append("b1-organization"))
        {
            var statistics = Ok(await Host.Send<Application.Statistics.StatisticsDto>(user, new Application.Statistics.GetStatistics(Org.Bureau.Id)));
            Assert.That(statistics.Clues, Is.Null, user);
        }

        var leader = Ok(await Host.Send<Application.Statistics.StatisticsDto>("b1-leadership", new Application.Statistics.GetStatistics(Org.Bureau.Id)));
        var office = Ok(await Host.Send<Application.Statistics.StatisticsDto>("office", new Application.Statistics.GetStatistics(Org.Bureau.Id)));
        foreach (var figures in new[] { leader.Clues, office.Clues })
        {
            Assert.That(figures, Is.Not.Null);
            Assert.That(figures!.ByColour, Is.EquivalentTo(new Dictionary<SheetColour, int> { [SheetColour.Red] = 1, [SheetColour.Yellow] = 1 }));
            Assert.That((figures.Concluded, figures.CasesFiled, figures.PeopleDisciplined, figures.TransferredToJudicial, figures.MoneyRecovered),
                Is.EqualTo((1, 2, 3, 0, 50_000m)));
        }
    }

    [Test]
    public async Task ProblemBeforeFeedback_IsInvisibleToTheUnit_InListsCountsStatisticsAndByItsId()
    {
        foreach (var user in UnitSide)
        {
            var ledger = Ok(await Host.Send<Page<ProblemSummary>>(user, new ListProblems(InspectionId: unfedBackInspection.Id)));
            var inspection = Ok(await Host.Send<InspectionDto>(user, new GetInspection(unfedBackInspection.Id)));
            var statistics = Ok(await Host.Send<Application.Statistics.StatisticsDto>(user, new Application.Statistics.GetStatistics(Org.Bureau.Id)));
            var detail = await Host.Send<ProblemDetail>(user, new GetProblem(registered.Id));
            var trail = await Host.Send<IReadOnlyList<AuditEntryDto>>(user, new GetAuditTrail(Application.Messaging.TargetKind.Problem, registered.Id));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(ledger.Total, Is.Zero, user);
                Assert.That(inspection.ProblemCount, Is.Zero, user);
                Assert.That(statistics.ProblemsByState.Keys, Does.Not.Contain("Registered"), user);
                Assert.That(detail.Error?.Code, Is.EqualTo("not-found"), user);
                Assert.That(trail.Error?.Code, Is.EqualTo("not-found"), user);
            }
        }

        var office = Ok(await Host.Send<Page<ProblemSummary>>("group", new ListProblems(InspectionId: unfedBackInspection.Id)));
        Assert.That(office.Items.Select(p => p.Title), Is.EqualTo(new[] { FindingTitle }));
    }

    [Test]
    public async Task Dossier_IsWithheldFromTheUnit_AndShownToTheInspectionSideAndTheCommission()
    {
        foreach (var user in UnitSide.Append("b1-organization"))
        {
            var detail = Ok(await Host.Send<ProblemDetail>(user, new GetProblem(fedBack.Id)));
            Assert.That(detail.Dossier, Is.Null, user);
        }

        foreach (var user in new[] { "group", "office", "discipline" })
        {
            var detail = Ok(await Host.Send<ProblemDetail>(user, new GetProblem(fedBack.Id)));
            Assert.That((detail.Dossier?.Facts, detail.Dossier?.Basis), Is.EqualTo((DossierFacts, DossierBasis)), user);
        }

        var letterForUnit = await Host.ClientFor("b1-liaison").GetStringAsync($"/api/inspections/{fedBack.InspectionId}/feedback-letter");
        var letterForOffice = await Host.ClientFor("office").GetStringAsync($"/api/inspections/{fedBack.InspectionId}/feedback-letter");
        Assert.That(letterForUnit, Does.Contain("“三重一大”事项未经集体决策").And.Not.Contain(DossierFacts).And.Not.Contain(DossierBasis));
        Assert.That(letterForOffice, Does.Contain(DossierFacts));
    }

    [Test]
    public async Task EveryApiEndpointAndPage_AsTheInspectedUnit_NamesNoConfidentialObject_AndChangesNothing()
    {
        var endpoints = ApiSurface.Enumerate(Host.Services);
        var ids = new[] { concluded.Id, pending.Id, registered.Id };
        var auditBefore = await Host.Query(db => db.AuditEntries.CountAsync());
        var failures = new List<string>();
        var sent = 0;
        foreach (var user in UnitSide)
        {
            var client = Host.ClientFor(user, "en");
            foreach (var endpoint in endpoints.Where(e => e.Pattern is not ("/api/account/token" or "/api/account/sign-in" or "/api/account/sign-out" or "/api/account/password")))
            {
                var paths = endpoint.Pattern.Contains('{')
                    ? ids.Select(id => Regex.Replace(endpoint.Pattern, "\\{([^}:?]+)[^}]*\\}", m => m.Groups[1].Value switch
                    {
                        "name" => "clue", "version" => "1", _ => id.ToString(),
                    }))
                    : [endpoint.Pattern, $"{endpoint.Pattern}?caseId={pending.Id}", $"{endpoint.Pattern}?inspectionId={unfedBackInspection.Id}", $"{endpoint.Pattern}?unitId={Org.Bureau.Id}"];
                foreach (var path in paths)
                {
                    var answer = await Send(client, endpoint.Method, path, endpoint.Method == "GET" ? null : "{}");
                    sent++;
                    var status = (int)answer.Status;
                    if (endpoint.Method != "GET" && status < 300 && !endpoint.Pattern.StartsWith("/api/me", StringComparison.Ordinal))
                    {
                        failures.Add($"{endpoint.Method} {path} as {user}: accepted ({status})");
                    }

                    if (status < 300 && Markers.FirstOrDefault(answer.Text.Contains) is { } leaked)
                    {
                        failures.Add($"{endpoint.Method} {path} as {user}: names '{leaked}'");
                    }
                }
            }

            foreach (var page in new[] { "/", "/ledger", "/ledger?overdue=true", "/ledger?q=" + Uri.EscapeDataString(registered.Code), $"/problems/{fedBack.Id}", $"/problems/{registered.Id}", $"/problems/{pending.Id}" })
            {
                var answer = await Send(client, "GET", page);
                sent++;
                if (Markers.FirstOrDefault(answer.Text.Contains) is { } leaked)
                {
                    failures.Add($"page {page} as {user}: names '{leaked}' ({(int)answer.Status})");
                }
            }
        }

        var auditAfter = await Host.Query(db => db.AuditEntries.CountAsync());
        await TestContext.Out.WriteLineAsync($"Confidentiality sweep ({Provider}): {sent} requests over {endpoints.Count} endpoints and 7 pages as {UnitSide.Length} unit users");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent, Is.GreaterThan(UnitSide.Length * endpoints.Count));
            Assert.That(failures, Is.Empty, () => string.Join("\n", failures.Take(40)));
            Assert.That(auditAfter, Is.EqualTo(auditBefore), "a refused request left an audit entry");
        }
    }

    [Test]
    public async Task MailAboutAClueSheet_ReachesNoUnitRole_NotEvenAsTheCommissionsDeputy()
    {
        // A deputy is of the holder's own unit: the district commission's member names the district's liaison.
        var liaison = await ApiSurface.UserIdAsync(Host, "d1-liaison");
        var today = Host.Clock.Today;
        Ok(await Host.Send<DelegationDto>("d1-discipline", new NameDeputy(liaison, today, today.AddDays(10), "出差")));
        // In another unit of the district, so the bureau's figures in the other tests stay as written.
        var inspection = await NewInspection(Org.Township);
        var clue = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映违规吃喝问题（保密线索庚）", SheetColour.Blue)));

        var recipients = await Host.Query(db => db.Outbox.Where(m => m.CaseType == Clue.Lifecycle)
            .Join(db.Users, m => m.RecipientUserId, u => u.Id, (m, u) => new { u.UserName, u.Role, m.CaseId }).ToListAsync());
        Assert.That(recipients.Select(r => r.Role).Distinct(), Is.SubsetOf(new[] { Role.DisciplineCommission, Role.InspectionOffice }));
        Assert.That(recipients.Where(r => r.CaseId == clue.Id).Select(r => r.UserName),
            Does.Contain("d1-discipline").And.Contain("discipline").And.Not.Contain("d1-liaison"));
    }

    private sealed record Answer(HttpStatusCode Status, string Text, string? Code, string? Entity);

    private static async Task<Answer> Send(HttpClient client, string method, string path, string? json = null)
    {
        using var message = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            message.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var body = ApiSurface.TryParse(text) as JsonObject;
        return new Answer(response.StatusCode, text, (string?)body?["code"], (string?)body?["entity"]);
    }
}
