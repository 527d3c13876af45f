using System.Net;
using System.Text.Json.Nodes;
using Rectification.Application.Clues;
using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Domain.Clues;
using Rectification.Domain.Inspections;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The dashboard (数据看板) against a small world counted by hand, built through the real commands from 2 March 2026 with the
/// reminder sweep run on the days the ladder's steps fall due, read on 10 June 2026 (yellow within 7 days: up to 17 June).
/// Every expected figure below is written by hand from this table, never computed by product code:
/// <code>
/// round  inspection (kind)      unit (level)          problem  ledger line          what happens                       on 10 June
/// R1     A (Regular)  2 Mar     B1 (Bureau)           A1       TL 20 Mar           closed 2 Mar                       Closed
///                                                     A2       TL 1 Apr            swept 25 Mar, 1, 4, 11 Apr         red, overdue, reminder-talk
///                                                     A3       TL 5 Jun            swept 29 May, 5 Jun, 8 Jun         red, overdue, overdue-3-days
///                                                     A4       TL 20 Aug                                              green
/// R1     B (Special)  2 Mar     H1 (Institution)      B1       TL 1 Apr            closed 15 Apr, reopened 20 May     green (due 30 Jun), reopened
///                                                     B2       TL 1 Apr            closed 15 Apr                      Closed
///                                                     B3       TL 8 Jun            swept 1 Jun, 8 Jun                 red, overdue, due-today
/// R2     C (Mobile)   15 Apr    T1 (Township)         C1       TL 15 Jun           swept 8 Jun (due-in-7-days)        yellow
///                                                     C2       TL 30 Sep                                              green
/// R2     E (LookBack) 20 May    H1                    E1       –                   registered only                    (not fed back)
/// R2     G (Regular)  9 Jun     B1                    G1       TL 9 Jun            no sweep after it                  red, overdue, no step yet
///
/// clue sheets: K1 A red 2 Mar, concluded 15 Apr; K2 B yellow 2 Mar, handed over (age 100 days); K3 C blue 15 Apr, accepted (56);
///              K5 A yellow 20 May, handed over (21); K4 B red 5 Jun, handed over (5).
///
/// completion       fed back  closed  rate        lights (G/Y/R)     overdue by step              reopen (ever closed / reopened)
///  by round R1     7         2       28.57       B1 1/0/3           none 1 (G1)                  R1 3 / 1  33.33
///           R2     3         0        0.00       H1 1/0/1           due-in-7-days 0              all 3 / 1 33.33
///  by level Township 2       0        0.00       T1 1/1/0           due-today 1 (B3)
///           Bureau   5       1       20.00                          overdue-3-days 1 (A3)
///           Institution 3    1       33.33                          reminder-talk 1 (A2)
///  by unit  T1 2/0 0.00, B1 5/1 20.00, H1 3/1 33.33 (lowest rate first)
/// trend (4 months)  2026-03 fed back 7 closed 1; 2026-04 2 / 1 (B1's closing undone by its reopening); 2026-05 0 / 0; 2026-06 1 / 0
/// clue ages (0–7, 8–30, 31–90, 91+; concluded)  red 1,0,0,0; 1   yellow 0,1,0,1; 0   blue 0,0,1,0; 0
/// </code>
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class HandCountedDashboardTests(DatabaseProvider provider) : HandCountedTest(provider)
{
    private Guid round1;
    private Guid round2;

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        Assert.That(Host.Clock.Today, Is.EqualTo(new DateOnly(2026, 3, 2)), "the hand count assumes the test clock starts on 2 March 2026");
        round1 = Ok(await Host.Send<RoundDto>("office", new CreateRound("2026年第一轮", 2026, 1))).Id;
        round2 = Ok(await Host.Send<RoundDto>("office", new CreateRound("2026年第二轮", 2026, 2))).Id;

        var a = await Inspection(round1, Org.Bureau, InspectionKind.Regular);
        await Rectifying("b1", a, ("A1", 3, 20), ("A2", 4, 1), ("A3", 6, 5), ("A4", 8, 20));
        await Close("b1", "A1");
        var b = await Inspection(round1, Org.Hospital, InspectionKind.Special);
        await Rectifying("h1", b, ("B1", 4, 1), ("B2", 4, 1), ("B3", 6, 8));
        var k1 = await Clue(a, SheetColour.Red);
        await Clue(b, SheetColour.Yellow);

        foreach (var day in new[] { (3, 25), (4, 1), (4, 4), (4, 11) })
        {
            await SweepOn(new DateOnly(2026, day.Item1, day.Item2));
        }

        await SweepOn(new DateOnly(2026, 4, 15));
        await Close("h1", "B1");
        await Close("h1", "B2");
        Ok(await Host.Send<ClueDto>("discipline", new AcceptClue(k1)));
        Ok(await Host.Send<ClueDto>("discipline", new StartInvestigation(k1)));
        Ok(await Host.Send<ClueDto>("discipline", new ConcludeClue(k1, "经核查属实", 1, 1, 0, 1000m)));
        var c = await Inspection(round2, Org.Township, InspectionKind.Mobile);
        await Rectifying("t1", c, ("C1", 6, 15), ("C2", 9, 30));
        var k3 = await Clue(c, SheetColour.Blue);
        Ok(await Host.Send<ClueDto>("discipline", new AcceptClue(k3)));

        await SweepOn(new DateOnly(2026, 5, 20));
        var e = await Inspection(round2, Org.Hospital, InspectionKind.LookBack);
        await Register(e, "E1");
        Ok(await Host.Send<ProblemSummary>("group", new ReopenProblem(Problems["B1"], "回头看发现问题反弹", new DateOnly(2026, 6, 30), e)));
        await Clue(a, SheetColour.Yellow);

        foreach (var day in new[] { (5, 29), (6, 1), (6, 5) })
        {
            await SweepOn(new DateOnly(2026, day.Item1, day.Item2));
        }

        await Clue(b, SheetColour.Red);
        await SweepOn(new DateOnly(2026, 6, 8));

        // The day before: G is fed back with today's deadline, and no sweep runs after it.
        Host.Clock.Advance(TimeSpan.FromDays(1));
        var g = await Inspection(round2, Org.Bureau, InspectionKind.Regular);
        await Rectifying("b1", g, ("G1", 6, 9));
        Host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.That(Host.Clock.Today, Is.EqualTo(new DateOnly(2026, 6, 10)));
    }

    [Test]
    public async Task Completion_ByRoundLevelAndUnit_IsTheHandCountedTable()
    {
        var all = await Get("office", "/api/dashboard/completion");
        var second = await Get("office", $"/api/dashboard/completion?roundId={round2}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Bars(all["byRound"]!), Is.EqualTo(new[] { "2026年第一轮 7 2 28.57", "2026年第二轮 3 0 0.00" }));
            Assert.That(Bars(all["byLevel"]!), Is.EqualTo(new[] { "Township 2 0 0.00", "Bureau 5 1 20.00", "Institution 3 1 33.33" }));
            Assert.That(Bars(all["byUnit"]!), Is.EqualTo(new[] { "一区东镇 2 0 0.00", "一区财政局 5 1 20.00", "二区人民医院 3 1 33.33" }));
            Assert.That(Bars(second["byUnit"]!), Is.EqualTo(new[] { "一区东镇 2 0 0.00", "一区财政局 1 0 0.00" }));
            Assert.That(Bars(second["byRound"]!), Is.EqualTo(new[] { "2026年第二轮 3 0 0.00" }));
        }
    }

    [Test]
    public async Task OverdueBySteps_IsEveryRungWithItsHandCountedProblems_AndEachBarOpensTheSameProblemsInTheLedger()
    {
        var steps = await Get("office", "/api/dashboard/overdue-steps");
        var rows = steps.AsArray().Select(s => $"{(string)s!["step"]!} {(int)s["count"]!}").ToArray();
        var ledger = new Dictionary<string, string>();
        foreach (var step in new[] { "none", "due-in-7-days", "due-today", "overdue-3-days", "reminder-talk" })
        {
            ledger[step] = Names(await Get("office", $"/api/dashboard/ledger?overdue=true&step={step}"));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows, Is.EqualTo(new[] { "none 1", "due-in-7-days 0", "due-today 1", "overdue-3-days 1", "reminder-talk 1" }));
            Assert.That(ledger["none"], Is.EqualTo("G1"));
            Assert.That(ledger["due-in-7-days"], Is.EqualTo(""));
            Assert.That(ledger["due-today"], Is.EqualTo("B3"));
            Assert.That(ledger["overdue-3-days"], Is.EqualTo("A3"));
            Assert.That(ledger["reminder-talk"], Is.EqualTo("A2"));
            Assert.That((string)steps[4]!["label"]!["zhCn"]!, Is.EqualTo("提醒谈话"));
        }
    }

    [Test]
    public async Task Lights_PerUnit_AreTheHandCountedLights_AndASegmentOpensItsProblemsInTheLedger()
    {
        var lights = await Get("office", "/api/dashboard/lights");
        var bureauRed = Names(await Get("office", $"/api/dashboard/ledger?unit={Org.Bureau.Id}&light=Red"));
        var townshipYellow = Names(await Get("office", $"/api/dashboard/ledger?unit={Org.Township.Id}&light=Yellow"));
        var mine = await Get("h1-liaison", "/api/dashboard/lights");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lights(lights), Is.EqualTo(new[] { "B1 1/0/3", "H1 1/0/1", "T1 1/1/0" }));
            Assert.That(bureauRed, Is.EqualTo("A2, A3, G1"));
            Assert.That(townshipYellow, Is.EqualTo("C1"));
            Assert.That(Lights(mine), Is.EqualTo(new[] { "H1 1/0/1" }), "a unit sees its own lights only");
        }
    }

    [Test]
    public async Task ReopenRate_AndTrend_AreTheHandCountedFigures()
    {
        var reopen = await Get("office", "/api/dashboard/reopen");
        var trend = await Get("office", "/api/dashboard/trend?months=4");
        var reopened = Names(await Get("office", $"/api/dashboard/ledger?round={round1}&reopened=true"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reopen.AsArray().Select(r => $"{(string)r!["name"]!} {(int)r["everClosed"]!} {(int)r["reopened"]!} {Number(r["rate"])}"),
                Is.EqualTo(new[] { "2026年第一轮 3 1 33.33", " 3 1 33.33" }));
            Assert.That(reopen.AsArray().Last()!["roundId"], Is.Null, "the last row is every round together");
            Assert.That(trend.AsArray().Select(m => $"{(string)m!["month"]!} {(int)m["fedBack"]!} {(int)m["closed"]!}"),
                Is.EqualTo(new[] { "2026-03 7 1", "2026-04 2 1", "2026-05 0 0", "2026-06 1 0" }));
            Assert.That(reopened, Is.EqualTo("B1"));
        }
    }

    [TestCase("office")]
    [TestCase("discipline")]
    [TestCase("leadership")]
    public async Task ClueAges_ForTheRolesThatReadClueFigures_AreTheHandCountedSheets(string user)
    {
        var ages = await Get(user, "/api/dashboard/clue-ages");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ages["bands"]!.AsArray().Select(b => $"{(int)b!["from"]!}-{(int?)b["to"]}"), Is.EqualTo(new[] { "0-7", "8-30", "31-90", "91-" }));
            Assert.That(ages["byColour"]!.AsArray().Select(c =>
                    $"{(string)c!["colour"]!} {string.Join(",", c["openByAge"]!.AsArray().Select(n => (int)n!))}; {(int)c["concluded"]!}"),
                Is.EqualTo(new[] { "Red 1,0,0,0; 1", "Yellow 0,1,0,1; 0", "Blue 0,0,1,0; 0" }));
        }
    }

    [TestCase("b1-liaison", "A4")]
    [TestCase("t1-liaison", "C1, C2")]
    [TestCase("h1-leader", "B1")]
    public async Task NextDeadlines_OfAUnit_AreItsChasedProblemsNotYetDue(string user, string expected)
    {
        var next = await Get(user, "/api/dashboard/next-deadlines");
        var names = Problems.ToDictionary(p => p.Value, p => p.Key);

        Assert.That(string.Join(", ", next.AsArray().Select(p => names[(Guid)p!["id"]!])), Is.EqualTo(expected));
    }

    [TestCase("b1-liaison")]
    [TestCase("b1-leader")]
    [TestCase("organization")]
    public async Task ClueFigures_AreRefused_ToARoleThatMayNotReadThem(string user)
    {
        var (status, text) = await Fetch(user, "/api/dashboard/clue-ages");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(text, Does.Not.Contain("byColour").And.Not.Contain("openByAge"));
        }
    }

    [TestCase("b1-liaison")]
    [TestCase("b1-leader")]
    public async Task DashboardPage_OfAUnit_ShowsItsLightsDeadlinesAndOverdueProblems_AndNothingAboutClues(string user)
    {
        var (status, html) = await Fetch(user, "/dashboard");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("data-testid=\"chart-my-lights\""));
            Assert.That(html, Does.Contain("data-light=\"Red\">3</a>"), "A2, A3 and G1 are red");
            Assert.That(html, Does.Contain("data-testid=\"db-overdue-total\">共 3 条"));
            Assert.That(html, Does.Contain("提醒谈话"), "A2's step");
            foreach (var clue in new[] { "线索", "交办单", "/clues", "chart-clues", "clue" })
            {
                Assert.That(html, Does.Not.Contain(clue).IgnoreCase, $"no clue word, figure or link for {user}");
            }
        }
    }

    [Test]
    public async Task DashboardPage_OfTheOffice_DrawsEveryChart_WithTheHandCountedFiguresInItsTables()
    {
        var (_, html) = await Fetch("office", "/dashboard?culture=zh-CN");
        var (_, leaders) = await Fetch("leadership", "/dashboard");
        var (_, organization) = await Fetch("organization", "/dashboard");

        using (Assert.EnterMultipleScope())
        {
            foreach (var chart in new[] { "chart-by-round", "chart-by-level", "chart-by-unit", "chart-steps", "chart-lights", "chart-clues", "chart-trend", "chart-reopen" })
            {
                Assert.That(html, Does.Contain($"data-testid=\"{chart}\""), chart);
            }

            Assert.That(html, Does.Contain("data-testid=\"db-rate\">20.00%"), "2 closed of 10 fed back");
            Assert.That(html, Does.Contain("/ledger?overdue=true&amp;step=reminder-talk\">1</a>"));
            Assert.That(html, Does.Contain($"/ledger?unit={Org.Bureau.Id}&amp;light=Red\" data-light=\"Red\">3</a>"));
            Assert.That(html, Does.Contain("/clues?colour=Red"), "the office opens the clue board from the clue chart");
            Assert.That(leaders, Does.Contain("data-testid=\"chart-clues\""), "leaders read the clue figures");
            Assert.That(leaders, Does.Not.Contain("/clues"), "but open no sheet");
            Assert.That(organization, Does.Not.Contain("chart-clues").And.Not.Contain("线索"), "the organization department reads no clue figure");
        }
    }

    // ---- building, through the real commands ---------------------------------------------------------------------------

    /// <summary>Registers the problems, feeds them back, and has the unit's plan with a time-limited line each (month, day of 2026) accepted.</summary>
    private async Task Rectifying(string unit, Guid inspection, params (string Name, int Month, int Day)[] lines)
    {
        foreach (var line in lines)
        {
            await Register(inspection, line.Name);
        }

        var plan = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection))).PlanId;
        foreach (var line in lines)
        {
            await Line($"{unit}-liaison", plan, line.Name, RectificationKind.TimeLimited, new DateOnly(2026, line.Month, line.Day));
        }

        await Accept($"{unit}-liaison", plan);
    }

    private async Task<Guid> Clue(Guid inspection, SheetColour colour) =>
        Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection, "问题线索", colour))).Id;

    // ---- reading, over HTTP as users do --------------------------------------------------------------------------------

    /// <summary>A page or an API answer as the user gets it, whatever its status.</summary>
    private async Task<(HttpStatusCode Status, string Text)> Fetch(string user, string path)
    {
        using var response = await Host.ClientFor(user).GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string[] Bars(JsonNode bars) =>
        [.. bars.AsArray().Select(b => $"{(string)b!["name"]!} {(int)b["fedBack"]!} {(int)b["closed"]!} {Number(b["rate"])}")];

    private static string[] Lights(JsonNode lights) =>
        [.. lights.AsArray().Select(u => $"{(string)u!["code"]!} {(int)u["green"]!}/{(int)u["yellow"]!}/{(int)u["red"]!}")];
}
