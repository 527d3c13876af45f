using System.Globalization;
using MiniExcelLibs;
using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The ledger as an Excel sheet (GET /api/problems/export.xlsx): opened with MiniExcel and read cell by cell against a ledger
/// built here, in zh-CN and English, filtered like the page, and never naming what lies outside the reader's scope.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class LedgerExportTests(DatabaseProvider provider) : HostTest(provider)
{
    private const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>一区财政局: three problems in rectification; the first closed, the second with a progress report; and a hospital problem outside the filter.</summary>
    private InspectionDto? ledger;

    /// <summary>Built once for the fixture (its tests share one database), whichever test runs first.</summary>
    private async Task<InspectionDto> Ledger() => ledger ??= await Build();

    private async Task<InspectionDto> Build()
    {
        var (inspection, _, problems) = await InRectification(Org.Bureau, 3);
        var closed = problems[0];
        await CloseThroughReview("b1", closed.Id);
        Ok(await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problems[1].Id, "已修订制度3项", 40, null, null)));
        await NewProblem(await NewInspection(Org.Hospital));
        return inspection;
    }

    private async Task<List<string[]>> Export(string user, string query, string language = "zh-CN")
    {
        using var client = Host.ClientFor(user, language);
        using var response = await client.GetAsync("/api/problems/export.xlsx" + query);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ContentType));
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
            .Select(row => ((IDictionary<string, object?>)row).Values.Select(Text).ToArray())
            .ToList();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    [Test]
    public async Task TheSheet_HoldsTheFilteredLedger_CellByCell()
    {
        var inspection = await Ledger();

        var sheet = await Export("office", $"?inspectionId={inspection.Id}");

        string[] Row(params string[] cells) => cells;
        Assert.That(sheet, Is.EqualTo(new[]
        {
            Row("一区财政局整改台账（测试轮次·第一巡察组）　导出日期：2026-03-02", "", "", "", "", "", "", "", "", "", "", ""),
            Row("序号", "问题编号", "问题", "整改措施", "责任领导", "责任部门", "整改类型", "整改时限", "进展", "状态", "亮灯", "销号日期"),
            Row("1", "B1-2026-002", "落实全面从严治党主体责任不到位", "修订议事规则，逐项整改", "张书记", "办公室", "限期整改", "2026-05-31", "已修订制度3项", "整改中", "绿灯", ""),
            Row("2", "B1-2026-003", "落实全面从严治党主体责任不到位", "修订议事规则，逐项整改", "张书记", "办公室", "限期整改", "2026-05-31", "", "整改中", "绿灯", ""),
            Row("3", "B1-2026-001", "落实全面从严治党主体责任不到位", "修订议事规则，逐项整改", "张书记", "办公室", "限期整改", "2026-05-31", "已完成整改", "已销号", "", "2026-03-02"),
        }).AsCollection);
    }

    [Test]
    public async Task InEnglish_TheHeadersAndLabelsAreEnglish_AndTheFiltersAndSortApply()
    {
        var inspection = await Ledger();

        var closed = await Export("office", $"?inspectionId={inspection.Id}&state=Closed", "en");
        var byCodeDescending = await Export("office", $"?unitId={Org.Bureau.Id}&desc=true&all=true");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(closed, Is.EqualTo(new[]
            {
                new[] { "Rectification ledger of 一区财政局 (测试轮次, 第一巡察组), as of 2026-03-02", "", "", "", "", "", "", "", "", "", "", "" },
                ["No.", "Problem code", "Problem", "Measures", "Responsible leader", "Responsible department", "Kind of rectification", "Deadline", "Progress", "State", "Light", "Closed on"],
                ["1", "B1-2026-001", "落实全面从严治党主体责任不到位", "修订议事规则，逐项整改", "张书记", "办公室", "time-limited", "2026-05-31", "已完成整改", "Closed", "", "2026-03-02"],
            }).AsCollection);
            Assert.That(byCodeDescending.Skip(2).Select(r => r[1]).ToArray(), Is.EqualTo(new[] { "B1-2026-003", "B1-2026-002", "B1-2026-001" }),
                "closed ones not put last (all=true), code descending");
            Assert.That(byCodeDescending[0][0], Is.EqualTo("一区财政局整改台账　导出日期：2026-03-02"));
        }
    }

    [Test]
    public async Task AnotherUnitsLiaison_GetsNoRow_AndTheTitleDoesNotNameTheUnit()
    {
        await Ledger();

        var sheet = await Export("h1-liaison", $"?unitId={Org.Bureau.Id}");

        Assert.That(sheet, Is.EqualTo(new[]
        {
            new[] { "二区人民医院整改台账　导出日期：2026-03-02", "", "", "", "", "", "", "", "", "", "", "" },
            ["序号", "问题编号", "问题", "整改措施", "责任领导", "责任部门", "整改类型", "整改时限", "进展", "状态", "亮灯", "销号日期"],
        }).AsCollection);
    }
}
