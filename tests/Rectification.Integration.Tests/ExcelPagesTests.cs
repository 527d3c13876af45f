using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// Excel in a real browser: the ledger's 导出Excel button gives the filtered ledger as a sheet; the problem import page takes a sheet,
/// lists each bad row's errors, takes the corrected sheet and imports it with its progress shown.
/// </summary>
[NonParallelizable]
public sealed class ExcelPagesTests() : BrowserTest(DatabaseProvider.Sqlite)
{
    private static string SheetFile(IEnumerable<Dictionary<string, object?>> rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"problems-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(path, rows);
        return path;
    }

    private static Dictionary<string, object?> Row(string title, string severity) => new()
    {
        ["问题"] = title, ["问题描述"] = "干部选拔任用程序不规范", ["问题类别"] = "选人用人", ["严重程度"] = severity, ["具体表现"] = "2025年提拔干部3人未经考察",
        ["认定依据"] = "《党政领导干部选拔任用工作条例》",
    };

    [TimeLimit(240)]
    [Test]
    public async Task TheLedgerExports_AndAProblemSheetIsCheckedCorrectedAndImported()
    {
        var chromium = ChromiumOrIgnore();
        await InRectification(Org.Bureau, 2);
        var inspection = await NewInspection(Org.Township);
        await TestAccounts.CreateAsync(Host, "office");
        var bad = SheetFile([Row("选人用人把关不严", "较重"), Row("", "很严重")]);
        var good = SheetFile([Row("选人用人把关不严", "较重"), Row("干部档案管理不规范", "一般")]);

        await using var browser = await BrowserSession.StartAsync(chromium, "zh-CN");
        var page = browser.Page;
        await SignInAsync(page, "office");
        await page.GotoAsync(Address + $"/ledger?unit={Org.Bureau.Id}&culture=zh-CN");
        var exportLink = await page.GetAttributeAsync("[data-testid=export-excel]", "href");
        await Screenshots(page, "ledger-export");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-excel]"));
        List<string> codes;
        await using (var sheet = File.OpenRead((await download.PathAsync())!))
        {
            codes = MiniExcel.Query(sheet, useHeaderRow: false, excelType: ExcelType.XLSX).Skip(2)
                .Select(r => Convert.ToString(((IDictionary<string, object?>)r)["B"]) ?? "").ToList();
        }

        await page.GotoAsync(Address + $"/inspections/{inspection.Id}");
        await page.ClickAsync("[data-testid=import-problems]");
        await page.WaitForSelectorAsync("[data-testid=upload-form]");
        await page.SetInputFilesAsync("[data-testid=sheet]", bad);
        await page.ClickAsync("[data-testid=upload]");
        await page.WaitForSelectorAsync("[data-testid=row-errors]");
        var summary = await page.InnerTextAsync("[data-testid=row-errors-summary]");
        var errorRow = await page.GetAttributeAsync("[data-testid=row-error]", "data-row");
        var rowErrors = await page.Locator("[data-testid=row-error] [data-testid=error]").AllInnerTextsAsync();
        var runOffered = await page.Locator("[data-testid=run]").CountAsync();
        var violations = await AxeViolations(page);
        await Screenshots(page, "import-errors");
        var problemsAfterBad = await Host.Query(db => db.Problems.CountAsync(p => p.InspectionId == inspection.Id));
        await page.SetInputFilesAsync("[data-testid=sheet]", good);
        await page.ClickAsync("[data-testid=upload]");
        await page.WaitForSelectorAsync("[data-testid=valid]");
        var valid = await page.InnerTextAsync("[data-testid=valid]");
        await page.ClickAsync("[data-testid=run]");
        await page.WaitForSelectorAsync("[data-testid=import-done]");
        var done = await page.InnerTextAsync("[data-testid=import-done]");
        var doneViolations = await AxeViolations(page);
        await page.SetViewportSizeAsync(390, 844);
        var overflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.SetViewportSizeAsync(1366, 900);
        await Screenshots(page, "import-done");
        var titles = await Host.Query(db => db.Problems.Where(p => p.InspectionId == inspection.Id).OrderBy(p => p.Code).Select(p => p.Title).ToListAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exportLink, Is.EqualTo($"/api/problems/export.xlsx?unitId={Org.Bureau.Id}"));
            Assert.That(download.SuggestedFilename, Is.EqualTo("整改台账-2026-03-02.xlsx"));
            Assert.That(codes, Is.EqualTo(new[] { "B1-2026-001", "B1-2026-002" }));
            Assert.That(summary, Is.EqualTo("共 2 行，其中 1 行有错误，未导入任何数据。请修改后重新上传。"));
            Assert.That(errorRow, Is.EqualTo("3"));
            Assert.That(rowErrors, Is.EqualTo(new[] { "“严重程度”的值“很严重”无法识别，可填：一般、较重、重大。", "'问题' 不能为空。" }));
            Assert.That(runOffered, Is.Zero, "no import button while a row is refused");
            Assert.That(problemsAfterBad, Is.Zero);
            Assert.That(valid, Is.EqualTo("共 2 行，全部无误。"));
            Assert.That(done, Is.EqualTo("已导入 2 行。"));
            Assert.That(titles, Is.EquivalentTo(new[] { "选人用人把关不严", "干部档案管理不规范" }));
            Assert.That(violations, Is.Empty);
            Assert.That(doneViolations, Is.Empty);
            Assert.That(overflows, Is.False, "no sideways scrolling at 390 px");
            Assert.That(browser.PolicyRefusals, Is.Empty);
        }
    }
}
