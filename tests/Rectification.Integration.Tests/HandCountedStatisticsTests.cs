using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Clues;
using Rectification.Application.CommonProblems;
using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Domain.Clues;
using Rectification.Domain.Inspections;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The statistics, the completion table and the ledger's overdue filter against a small world counted by hand. The world is
/// built through the real commands on 2 March 2026; the clock then moves 100 days on, to 10 June 2026. Every expected figure
/// below is written by hand from this table, never computed by product code:
/// <code>
/// round  inspection (kind)        unit  problem  plan line                 what happens                    on 10 June
/// R1     A (Regular)              B1    A1       time-limited, 1 Apr       reported, signed, closed        Closed
///                                       A2       time-limited, 1 Apr       nothing                         Rectifying, overdue (deadline)
///                                       A3       long-term, 2028           no periodic report (90 d)       Rectifying, overdue (report due 31 May)
///                                       A4       time-limited, 20 Aug      pushed to T1 as common          Rectifying
/// R1     B (Special)              H1    B1       time-limited, 1 Apr       closed, reopened (look-back L)  Rectifying, reopened, due 30 Jul
///                                       B2       time-limited, 1 Apr       closed                          Closed (its date passed: not overdue)
///                                       B3       time-limited, 1 Apr       nothing                         Rectifying, overdue (deadline)
/// R1     S (SelfCheck, opened)    T1    S1       –                         T1 finds A4's problem at home   FedBack (no plan yet)
/// R2     C (Mobile)               T1    C1       –                         registered only                 Registered (not fed back)
///                                       C2       –                         fed back early, plan drafting   FedBack
/// R2     L (LookBack)             H1    –
///
/// clue sheets: A yellow, concluded (1 case, 0 people, 0 judicial, ¥1,200.25); B red, concluded (2, 3, 1, ¥5,000.50);
///              B yellow, handed over; C blue, accepted.
///
///                fed back  closed  rate    overdue  reopened
/// city (T)       9         2       22.22   3        1          A1–A4, B1–B3, S1, C2; closed A1, B2; overdue A2, A3, B3
///  D1            6         1       16.67   2        0          A1–A4, S1, C2
///   B1           4         1       25.00   2        0
///   T1           2         0        0.00   0        0          S1, C2 (C1 is not fed back)
///  D2            3         1       33.33   1        1          B1–B3
///   H1           3         1       33.33   1        1
///   X1           0         0        0.00   0        0
/// round R1       8         2       25.00   3        1          A1–A4, B1–B3, S1
/// round R2       1         0        0.00   0        0          C2
///
/// report upward (all inspections: A, B, S, C, L)
///   kind       inspections  units  fed back  rectified  rate    overdue  reopened
///   Regular    1            1      4         1          25.00   2        0          A
///   Special    1            1      3         1          33.33   1        1          B
///   Mobile     1            1      1         0           0.00   0        0          C
///   Cross, Elevated: none
///   LookBack   1            1      0         0           0.00   0        0          L
///   SelfCheck  1            1      1         0           0.00   0        0          S
///   total      5            3      9         2          22.22   3        1          units B1, H1, T1
///   level        units  inspected  coverage  (inspections, fed back, rectified, rate, overdue, reopened)
///   City         1      0            0.00    0 0 0 0.00 0 0        T
///   County       2      0            0.00    0 0 0 0.00 0 0        D1, D2
///   Township     1      1          100.00    2 2 0 0.00 0 0        T1: S, C
///   Bureau       2      1           50.00    1 4 1 25.00 2 0       B1 of B1, X1
///   Institution  1      1          100.00    2 3 1 33.33 1 1       H1: B, L
///   look-backs: 1, of 1 unit, 1 problem reopened (B1)
/// </code>
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class HandCountedStatisticsTests(DatabaseProvider provider) : HandCountedTest(provider)
{
    private Guid round1;
    private Guid round2;
    private readonly Stopwatch elapsed = new();

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        elapsed.Start();
        var start = Host.Clock.Today; // 2 March 2026
        Assert.That(start, Is.EqualTo(new DateOnly(2026, 3, 2)), "the hand count assumes the test clock starts on 2 March 2026");
        round1 = Ok(await Host.Send<RoundDto>("office", new CreateRound("2026年第一轮", 2026, 1))).Id;
        round2 = Ok(await Host.Send<RoundDto>("office", new CreateRound("2026年第二轮", 2026, 2))).Id;

        // A: the bureau, four problems, an accepted plan.
        var a = await Inspection(round1, Org.Bureau, InspectionKind.Regular);
        foreach (var name in new[] { "A1", "A2", "A3", "A4" })
        {
            await Register(a, name);
        }

        var planA = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(a))).PlanId;
        await Line("b1-liaison", planA, "A1", RectificationKind.TimeLimited, new DateOnly(2026, 4, 1));
        await Line("b1-liaison", planA, "A2", RectificationKind.TimeLimited, new DateOnly(2026, 4, 1));
        await Line("b1-liaison", planA, "A3", RectificationKind.LongTerm, new DateOnly(2028, 3, 1));
        await Line("b1-liaison", planA, "A4", RectificationKind.TimeLimited, new DateOnly(2026, 8, 20));
        await Accept("b1-liaison", planA);
        await Close("b1", "A1");

        // B: the hospital, three problems; B1 and B2 closed, B1 then reopened by the look-back L.
        var b = await Inspection(round1, Org.Hospital, InspectionKind.Special);
        foreach (var name in new[] { "B1", "B2", "B3" })
        {
            await Register(b, name);
        }

        var planB = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(b))).PlanId;
        foreach (var name in new[] { "B1", "B2", "B3" })
        {
            await Line("h1-liaison", planB, name, RectificationKind.TimeLimited, new DateOnly(2026, 4, 1));
        }

        await Accept("h1-liaison", planB);
        await Close("h1", "B1");
        await Close("h1", "B2");
        var lookBack = await Inspection(round2, Org.Hospital, InspectionKind.LookBack);
        Ok(await Host.Send<ProblemSummary>("group", new ReopenProblem(Problems["B1"], "回头看发现问题反弹", new DateOnly(2026, 7, 30), lookBack)));

        // S: A4 pushed to the township as a common problem, which the township finds at home (a self-check problem of round 1).
        var push = Ok(await Host.Send<PushProgressDto>("office", new PushCommonProblem(Problems["A4"], [Org.Township.Id], null, null, "同类问题请自查")));
        var selfCheck = push.Rows.Single().TaskId;
        Ok(await Host.Send<SelfCheckDto>("t1-liaison", new OpenSelfCheckProblem(selfCheck, "本单位同样存在", "自查记录", Severity.General)));
        Problems["S1"] = await Host.Query(db => db.SelfCheckTasks.Where(t => t.Id == selfCheck).Select(t => t.OpenedProblemId!.Value).SingleAsync());

        // C: the township in round 2: C1 only registered, C2 fed back early during the inspection.
        var c = await Inspection(round2, Org.Township, InspectionKind.Mobile);
        await Register(c, "C1");
        await Register(c, "C2", raisedDuringInspection: true);
        Ok(await Host.Send<ProblemSummary>("group", new FeedBackProblem(Problems["C2"])));

        // Clue sheets of every colour, two concluded.
        await Clue(a, SheetColour.Yellow, steps: 3, new ConcludeFigures(1, 0, 0, 1200.25m));
        await Clue(b, SheetColour.Red, steps: 3, new ConcludeFigures(2, 3, 1, 5000.50m));
        await Clue(b, SheetColour.Yellow, steps: 0, null);
        await Clue(c, SheetColour.Blue, steps: 1, null);

        Host.Clock.Advance(TimeSpan.FromDays(100));
        Assert.That(Host.Clock.Today, Is.EqualTo(new DateOnly(2026, 6, 10)));
        elapsed.Stop();
    }

    [OneTimeTearDown]
    public async Task ReportTime() =>
        await TestContext.Out.WriteLineAsync($"Hand-counted statistics ({Provider}): world built in {elapsed.Elapsed.TotalSeconds:0.0} s");

    [Test]
    public async Task Statistics_OfTheCity_AreTheHandCountedFigures()
    {
        var city = await Statistics("office", "");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Figures(city), Is.EqualTo("fed back 9, closed 2, rate 22.22, overdue 3, reopened 1"));
            Assert.That(States(city), Is.EqualTo("Closed 2, FedBack 2, Rectifying 5, Registered 1"));
            Assert.That(Clues(city), Is.EqualTo("Blue 1, Red 1, Yellow 2; concluded 2: cases 3, people 3, judicial 1, money 6200.75"));
        }
    }

    [TestCase("D1", "fed back 6, closed 1, rate 16.67, overdue 2, reopened 0", "Blue 1, Yellow 1; concluded 1: cases 1, people 0, judicial 0, money 1200.25")]
    [TestCase("B1", "fed back 4, closed 1, rate 25.00, overdue 2, reopened 0", "Yellow 1; concluded 1: cases 1, people 0, judicial 0, money 1200.25")]
    [TestCase("T1", "fed back 2, closed 0, rate 0.00, overdue 0, reopened 0", "Blue 1; concluded 0: cases 0, people 0, judicial 0, money 0")]
    [TestCase("D2", "fed back 3, closed 1, rate 33.33, overdue 1, reopened 1", "Red 1, Yellow 1; concluded 1: cases 2, people 3, judicial 1, money 5000.50")]
    [TestCase("H1", "fed back 3, closed 1, rate 33.33, overdue 1, reopened 1", "Red 1, Yellow 1; concluded 1: cases 2, people 3, judicial 1, money 5000.50")]
    [TestCase("X1", "fed back 0, closed 0, rate 0.00, overdue 0, reopened 0", "; concluded 0: cases 0, people 0, judicial 0, money 0")]
    public async Task Statistics_OfAUnit_CountEverythingBelowIt(string unit, string figures, string clues)
    {
        var statistics = await Statistics("office", $"unitId={UnitId(unit)}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Figures(statistics), Is.EqualTo(figures));
            Assert.That(Clues(statistics), Is.EqualTo(clues));
        }
    }

    [Test]
    public async Task Statistics_OfARound_CountOnlyItsInspections()
    {
        var first = await Statistics("office", $"roundId={round1}");
        var second = await Statistics("office", $"roundId={round2}");

        using (Assert.EnterMultipleScope())
        {
            // The self-check problem S1 belongs to round 1, the round of the problem it was pushed from; the look-back L finds nothing new.
            Assert.That(Figures(first), Is.EqualTo("fed back 8, closed 2, rate 25.00, overdue 3, reopened 1"));
            Assert.That(Clues(first), Is.EqualTo("Red 1, Yellow 2; concluded 2: cases 3, people 3, judicial 1, money 6200.75"));
            Assert.That(Figures(second), Is.EqualTo("fed back 1, closed 0, rate 0.00, overdue 0, reopened 0"));
            Assert.That(Clues(second), Is.EqualTo("Blue 1; concluded 0: cases 0, people 0, judicial 0, money 0"));
        }
    }

    [Test]
    public async Task Statistics_ForAUnitsLiaison_AreItsOwnUnitsAndShowNoClueFigures()
    {
        var bureau = await Statistics("b1-liaison", "");
        var township = await Statistics("t1-liaison", "");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Figures(bureau), Is.EqualTo("fed back 4, closed 1, rate 25.00, overdue 2, reopened 0"));
            Assert.That(bureau["clues"], Is.Null);
            // A finding not yet fed back (C1) is not the unit's to see, not even as a count.
            Assert.That(States(township), Is.EqualTo("FedBack 2"));
        }
    }

    [Test]
    public async Task CompletionTable_ByLevel_IsTheHandCountedTable()
    {
        var city = await Get("office", "/api/statistics/by-unit");
        var district1 = await Get("office", $"/api/statistics/by-unit?parentId={UnitId("D1")}");
        var district2 = await Get("office", $"/api/statistics/by-unit?parentId={UnitId("D2")}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Table(city), Is.EqualTo(new[] { "D1 6 1 16.67 2", "D2 3 1 33.33 1" }));
            Assert.That(Table(district1), Is.EqualTo(new[] { "B1 4 1 25.00 2", "T1 2 0 0.00 0" }));
            Assert.That(Table(district2), Is.EqualTo(new[] { "H1 3 1 33.33 1", "X1 0 0 0.00 0" }));
        }
    }

    [TestCase("office", "A2, A3, B3", "A1, A4, B1, B2, C1, C2, S1")]
    [TestCase("b1-liaison", "A2, A3", "A1, A4")]
    [TestCase("h1-liaison", "B3", "B1, B2")]
    [TestCase("t1-liaison", "", "C2, S1")]
    public async Task LedgerOverdueFilter_ListsTheHandCountedProblems(string user, string overdue, string notOverdue)
    {
        var late = await Get(user, "/api/problems?overdue=true&pageSize=500");
        var rest = await Get(user, "/api/problems?overdue=false&pageSize=500");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Names(late), Is.EqualTo(overdue));
            Assert.That((int)late["total"]!, Is.EqualTo(overdue.Length == 0 ? 0 : overdue.Split(", ").Length));
            Assert.That(Names(rest), Is.EqualTo(notOverdue));
        }
    }

    [Test]
    public async Task UpwardReport_OfEverything_IsTheHandCountedTable()
    {
        var report = await Get("office", "/api/statistics/upward");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(KindLines(report), Is.EqualTo(new[]
            {
                "Regular 1 1 4 1 25.00 2 0", "Special 1 1 3 1 33.33 1 1", "Mobile 1 1 1 0 0.00 0 0", "Cross 0 0 0 0 0.00 0 0", "Elevated 0 0 0 0 0.00 0 0",
                "LookBack 1 1 0 0 0.00 0 0", "SelfCheck 1 1 1 0 0.00 0 0",
            }));
            Assert.That(Line(report["total"]!), Is.EqualTo("5 3 9 2 22.22 3 1"));
            Assert.That(LevelLines(report), Is.EqualTo(new[]
            {
                "City 1 0.00 0 0 0 0 0.00 0 0", "County 2 0.00 0 0 0 0 0.00 0 0", "Township 1 100.00 2 1 2 0 0.00 0 0", "Bureau 2 50.00 1 1 4 1 25.00 2 0",
                "Institution 1 100.00 2 1 3 1 33.33 1 1",
            }));
            Assert.That(LookBacks(report), Is.EqualTo("1 1 1"));
            Assert.That(Clues(report), Is.EqualTo("Blue 1, Red 1, Yellow 2; concluded 2: cases 3, people 3, judicial 1, money 6200.75"));
        }
    }

    [Test]
    public async Task UpwardReport_OfOneRoundAndOfChosenKinds_CountsOnlyThoseInspections()
    {
        var second = await Get("office", $"/api/statistics/upward?rounds={round2}");
        var chosen = await Get("office", "/api/statistics/upward?kinds=Special&kinds=LookBack");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Line(second["total"]!), Is.EqualTo("2 2 1 0 0.00 0 0"));
            // The look-back L of round 2 reopened B1, a problem of round 1: the look-back's own figure counts it.
            Assert.That(LookBacks(second), Is.EqualTo("1 1 1"));
            Assert.That(Clues(second), Is.EqualTo("Blue 1; concluded 0: cases 0, people 0, judicial 0, money 0"));
            Assert.That(KindLines(chosen), Is.EqualTo(new[] { "Special 1 1 3 1 33.33 1 1", "LookBack 1 1 0 0 0.00 0 0" }));
            Assert.That(Line(chosen["total"]!), Is.EqualTo("2 1 3 1 33.33 1 1"));
        }
    }

    [Test]
    public async Task UpwardReport_ByPeriodAndTerm_CountsTheInspectionsThatBeganInIt()
    {
        // Every inspection of the world began on or before 2 March 2026, and no round has a term.
        var all = await Get("office", "/api/statistics/upward?from=2026-01-01&to=2026-03-02");
        var later = await Get("office", "/api/statistics/upward?from=2026-03-03");
        var term = await Get("office", "/api/statistics/upward?term=12");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Line(all["total"]!), Is.EqualTo("5 3 9 2 22.22 3 1"));
            Assert.That(Line(later["total"]!), Is.EqualTo("0 0 0 0 0.00 0 0"));
            Assert.That(Line(term["total"]!), Is.EqualTo("0 0 0 0 0.00 0 0"));
        }
    }

    [Test]
    public async Task UpwardReport_ForAUnitsLeader_IsItsOwnAndShowsNoClueFigures()
    {
        var bureau = await Get("b1-leader", "/api/statistics/upward");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Line(bureau["total"]!), Is.EqualTo("1 1 4 1 25.00 2 0"));
            Assert.That(bureau["clues"], Is.Null);
        }
    }

    [Test]
    public async Task UpwardReport_WithAPeriodEndingBeforeItStarts_IsRefusedAtTheField()
    {
        using var response = await Host.ClientFor("office").GetAsync("/api/statistics/upward?from=2026-03-02&to=2026-03-01");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "to" }));
        }
    }

    [Test]
    public async Task UpwardReport_AsAnExcelSheet_HoldsTheHandCountedTablesCellByCell()
    {
        using var response = await Host.ClientFor("office", "zh-CN").GetAsync("/api/statistics/upward/export.xlsx");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX)
            .Select(row => string.Join("|", ((IDictionary<string, object?>)row).Values.Select(Cell)).TrimEnd('|'))
            .ToList();

        Assert.That(rows, Is.EqualTo(new[]
        {
            "测试市巡察整改情况统计（报送）　统计日期：2026-06-10",
            "巡察类型|巡察次数|被巡察单位|反馈问题|已整改|整改完成率(%)|逾期|重新整改",
            "常规巡察|1|1|4|1|25|2|0",
            "专项巡察|1|1|3|1|33.33|1|1",
            "机动巡察|1|1|1|0|0|0|0",
            "交叉巡察|0|0|0|0|0|0|0",
            "提级巡察|0|0|0|0|0|0|0",
            "巡察“回头看”|1|1|0|0|0|0|0",
            "未巡先改自查|1|1|1|0|0|0|0",
            "合计|5|3|9|2|22.22|3|1",
            "",
            "层级|单位数|被巡察单位|覆盖率(%)|反馈问题|已整改|整改完成率(%)|逾期|重新整改",
            "市级|1|0|0|0|0|0|0|0",
            "县（区）级|2|0|0|0|0|0|0|0",
            "乡镇（街道）|1|1|100|2|0|0|0|0",
            "部门|2|1|50|4|1|25|2|0",
            "事业单位|1|1|100|3|1|33.33|1|1",
            "",
            "巡察“回头看”次数|1",
            "“回头看”单位|1",
            "“回头看”发现需重新整改的问题|1",
            "移交问题线索（红色）|1",
            "移交问题线索（黄色）|2",
            "移交问题线索（蓝色）|1",
            "线索办结|2",
            "立案|3",
            "处分人数|3",
            "移送司法|1",
            "挽回资金(万元)|6200.75",
        }));
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static IEnumerable<string> KindLines(JsonNode report) =>
        report["byKind"]!.AsArray().Select(l => $"{(string)l!["kind"]!} {Line(l["figures"]!)}");

    private static IEnumerable<string> LevelLines(JsonNode report) =>
        report["byLevel"]!.AsArray().Select(l => $"{(string)l!["level"]!} {(int)l["units"]!} {Number(l["coverage"])} {Line(l["figures"]!)}");

    private static string Line(JsonNode f) =>
        $"{(int)f["inspections"]!} {(int)f["unitsInspected"]!} {(int)f["problemsFedBack"]!} {(int)f["problemsRectified"]!} {Number(f["completionRate"])} {(int)f["problemsOverdue"]!} {(int)f["problemsReopened"]!}";

    private static string LookBacks(JsonNode report) =>
        $"{(int)report["lookBacks"]!["lookBacks"]!} {(int)report["lookBacks"]!["unitsLookedBack"]!} {(int)report["lookBacks"]!["problemsReopened"]!}";

    // ---- building, through the real commands ---------------------------------------------------------------------------

    private sealed record ConcludeFigures(int Cases, int People, int Judicial, decimal Money);

    private async Task Clue(Guid inspection, SheetColour colour, int steps, ConcludeFigures? figures)
    {
        var clue = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection, "问题线索", colour))).Id;
        if (steps >= 1) Ok(await Host.Send<ClueDto>("discipline", new AcceptClue(clue)));
        if (steps >= 2) Ok(await Host.Send<ClueDto>("discipline", new StartInvestigation(clue)));
        if (figures is not null)
        {
            Ok(await Host.Send<ClueDto>("discipline", new ConcludeClue(clue, "经核查属实", figures.Cases, figures.People, figures.Judicial, figures.Money)));
        }
    }

    // ---- reading, over HTTP as users do --------------------------------------------------------------------------------

    private Guid UnitId(string code) => code switch
    {
        "D1" => Org.District1.Id,
        "D2" => Org.District2.Id,
        "B1" => Org.Bureau.Id,
        "T1" => Org.Township.Id,
        "H1" => Org.Hospital.Id,
        "X1" => Org.Unstaffed.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    private Task<JsonNode> Statistics(string user, string query) => Get(user, "/api/statistics" + (query.Length == 0 ? "" : "?" + query));

    private static string Figures(JsonNode s) =>
        $"fed back {(int)s["problemsFedBack"]!}, closed {(int)s["problemsClosed"]!}, rate {Number(s["completionRate"])}, " +
        $"overdue {(int)s["problemsOverdue"]!}, reopened {(int)s["problemsReopened"]!}";

    private static string States(JsonNode s) =>
        string.Join(", ", s["problemsByState"]!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {(int)p.Value!}"));

    private static string Clues(JsonNode s)
    {
        var clues = s["clues"]!;
        var colours = string.Join(", ", clues["byColour"]!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {(int)p.Value!}"));
        var money = (decimal)clues["moneyRecovered"]!;
        return $"{colours}; concluded {(int)clues["concluded"]!}: cases {(int)clues["casesFiled"]!}, people {(int)clues["peopleDisciplined"]!}, " +
            $"judicial {(int)clues["transferredToJudicial"]!}, money {(money == 0 ? "0" : money.ToString("0.00", CultureInfo.InvariantCulture))}";
    }

    private static string[] Table(JsonNode rows) =>
        rows.AsArray().Select(r => $"{(string)r!["code"]!} {(int)r["problemsFedBack"]!} {(int)r["problemsClosed"]!} {Number(r["completionRate"])} {(int)r["problemsOverdue"]!}").ToArray();
}
