using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Rectification.Application.Imports;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// Excel imports through the application: a sheet with bad rows is refused with every row's errors (written here by hand) and writes
/// nothing; a good sheet becomes one command per row through the pipeline, each with its audit entry; a unit's liaison cannot reach
/// another unit's plan (404 like elsewhere); the unit tree imports parents before children.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class SheetImportTests(DatabaseProvider provider) : HostTest(provider)
{
    private CultureInfo previous = CultureInfo.CurrentUICulture;

    [SetUp]
    public void InChinese()
    {
        previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
    }

    [TearDown]
    public void Restore() => CultureInfo.CurrentUICulture = previous;

    private static Dictionary<string, object?> ProblemRow(string code, string title = "选人用人把关不严", string severity = "较重", string facts = "2025年提拔干部3人未经考察",
        string basis = "《党政领导干部选拔任用工作条例》") => new()
    {
        ["问题编号"] = code, ["问题"] = title, ["问题描述"] = "干部选拔任用程序不规范", ["问题类别"] = "选人用人", ["严重程度"] = severity,
        ["具体表现"] = facts, ["认定依据"] = basis, ["过程记录"] = "查阅干部档案",
    };

    private static MemoryStream Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Runs <paramref name="work"/> in a scope acting as <paramref name="userName"/>, as one request would.</summary>
    private async Task<T> As<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        var actor = await Host.Actor(userName);
        await using var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestActor>().User = actor;
        return await work(scope.ServiceProvider);
    }

    private Task<Guid> Upload(string userName, MemoryStream sheet) => As(userName, sp => sp.GetRequiredService<SheetImports>().UploadAsync(sheet, default));

    private Task<Result<ImportProgress>> Run<TKind>(string userName, Guid? target, Guid file) where TKind : ISheetKind =>
        As(userName, sp => sp.GetRequiredService<SheetImports>().RunAsync(sp.GetRequiredService<TKind>(), target, file, 1000, default));

    [Test]
    public async Task ASheetWithBadRows_IsRefusedRowByRow_AndNothingIsWritten()
    {
        var inspection = await NewInspection(Org.Township);
        var existing = await NewProblem(inspection);
        var file = await Upload("group", Sheet(
        [
            ProblemRow("T1-X1"),
            ProblemRow("T1-X2", title: "", severity: "很严重"),
            ProblemRow("T1-X1"),
            ProblemRow(existing.Code),
            ProblemRow("T1-X5", facts: "", basis: ""),
        ]));
        var problemsBefore = await Host.Query(db => db.Problems.CountAsync());
        var auditBefore = await Host.Query(db => db.AuditEntries.CountAsync());

        var check = Ok(await Host.Send<ImportCheck>("group", new CheckProblemImport(inspection.Id, file)));
        var run = await Run<ProblemSheet>("group", inspection.Id, file);
        var errorSheet = new MemoryStream();
        await As("group", sp => sp.GetRequiredService<SheetImports>().WriteErrorsAsync(sp.GetRequiredService<ProblemSheet>(), inspection.Id, file, errorSheet, default));
        errorSheet.Position = 0;
        var returned = errorSheet.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => (Convert.ToString(r["问题编号"]), Convert.ToString(r["错误说明"]) ?? "")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(check.Rows, Is.EqualTo(5));
            Assert.That(check.FileErrors, Is.Empty);
            Assert.That(check.RowErrors.Select(r => (r.Row, string.Join(" | ", r.Errors))), Is.EqualTo(new[]
            {
                (3, "“严重程度”的值“很严重”无法识别，可填：一般、较重、重大。 | '问题' 不能为空。"),
                (4, "“问题编号”为 T1-X1 的行重复（第 2 行已有）。"),
                (5, $"问题编号 {existing.Code} 已被使用。"),
                (6, "'事实' 不能为空。 | '依据' 不能为空。"),
            }));
            Assert.That(check.Valid, Is.False);
            Assert.That(returned, Is.EqualTo(new[]
            {
                ("T1-X1", ""),
                ("T1-X2", "“严重程度”的值“很严重”无法识别，可填：一般、较重、重大。\n'问题' 不能为空。"),
                ("T1-X1", "“问题编号”为 T1-X1 的行重复（第 2 行已有）。"),
                (existing.Code, $"问题编号 {existing.Code} 已被使用。"),
                ("T1-X5", "'事实' 不能为空。\n'依据' 不能为空。"),
            }), "the sheet given back, with 错误说明 in its last column");
            Assert.That(run.Error?.Code, Is.EqualTo("import.not-checked"), "a file whose check failed is never imported");
            Assert.That(await Host.Query(db => db.Problems.CountAsync()), Is.EqualTo(problemsBefore));
            Assert.That(await Host.Query(db => db.AuditEntries.CountAsync()), Is.EqualTo(auditBefore));
        }
    }

    [Test]
    public async Task AGoodSheet_RegistersEveryRow_EachWithItsAuditEntry()
    {
        var inspection = await NewInspection(Org.Township);
        var file = await Upload("group", Sheet([ProblemRow("T1-G1"), ProblemRow("T1-G2", severity: "major"), ProblemRow("T1-G3", severity: "一般")]));

        var check = Ok(await Host.Send<ImportCheck>("group", new CheckProblemImport(inspection.Id, file)));
        var progress = Ok(await Run<ProblemSheet>("group", inspection.Id, file));
        var again = Ok(await Run<ProblemSheet>("group", inspection.Id, file));
        var problems = await Host.Query(db => db.Problems.Where(p => p.InspectionId == inspection.Id).OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Title, p.Severity, p.State, p.Dossier.Facts }).ToListAsync());
        var ids = problems.Select(p => p.Id).ToList();
        var audit = await Host.Query(db => db.AuditEntries.Where(a => ids.Contains(a.EntityId)).Select(a => new { a.EntityId, a.Command, a.UserName }).ToListAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That((check.Valid, check.Rows, check.RowErrors.Count), Is.EqualTo((true, 3, 0)));
            Assert.That((progress.Done, progress.Total, progress.FailedRow), Is.EqualTo((3, 3, (int?)null)));
            Assert.That((again.Done, again.Total), Is.EqualTo((3, 3)), "a second run imports nothing twice");
            Assert.That(problems.Select(p => (p.Code, p.Title, p.Severity, p.State, p.Facts)), Is.EqualTo(new[]
            {
                ("T1-G1", "选人用人把关不严", Severity.Serious, "Registered", "2025年提拔干部3人未经考察"),
                ("T1-G2", "选人用人把关不严", Severity.Major, "Registered", "2025年提拔干部3人未经考察"),
                ("T1-G3", "选人用人把关不严", Severity.General, "Registered", "2025年提拔干部3人未经考察"),
            }));
            Assert.That(audit.Select(a => (a.EntityId, a.Command, a.UserName)).OrderBy(a => a.EntityId),
                Is.EqualTo(ids.Select(id => (id, "RegisterProblem", "group")).OrderBy(a => a.id)));
        }
    }

    [Test]
    public async Task TheLedgerSheet_FillsThePlansLines_ForTheUnitsLiaison_AndAnotherUnitsPlanIsMissing()
    {
        var inspection = await NewInspection(Org.Hospital);
        var first = await NewProblem(inspection);
        var second = await NewProblem(inspection);
        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        var deadline = Host.Clock.Today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Dictionary<string, object?> Line(string code, string kind = "限期整改", string? day = null) => new()
        {
            ["问题编号"] = code, ["整改措施"] = "建立问题清单，逐项销号", ["责任领导"] = "王院长", ["责任部门"] = "院办", ["整改类型"] = kind, ["整改时限"] = day ?? deadline,
        };

        var bad = await Upload("h1-liaison", Sheet([Line(first.Code, kind: "马上改"), Line("H1-NONE"), Line(second.Code, day: "下个月")]));
        var badCheck = Ok(await Host.Send<ImportCheck>("h1-liaison", new CheckLedgerLineImport(feedback.PlanId, bad)));
        var good = await Upload("h1-liaison", Sheet([Line(first.Code), Line(second.Code, kind: "immediate", day: Host.Clock.Today.AddDays(20).ToString("yyyy/M/d", CultureInfo.InvariantCulture))]));
        var stranger = await Upload("b1-liaison", Sheet([Line(first.Code)]));
        var strangerCheck = await Host.Send<ImportCheck>("b1-liaison", new CheckLedgerLineImport(feedback.PlanId, stranger));
        using var strangerPage = Host.ClientFor("b1-liaison");
        var strangerPageStatus = (await strangerPage.GetAsync($"/imports/ledger-lines?target={feedback.PlanId}")).StatusCode;
        using var ownPage = Host.ClientFor("h1-liaison");
        var ownPageStatus = (await ownPage.GetAsync($"/imports/ledger-lines?target={feedback.PlanId}")).StatusCode;
        Ok(await Host.Send<ImportCheck>("h1-liaison", new CheckLedgerLineImport(feedback.PlanId, good)));
        var progress = Ok(await Run<LedgerLineSheet>("h1-liaison", feedback.PlanId, good));
        var plan = Ok(await Host.Send<PlanDto>("h1-liaison", new GetPlan(feedback.PlanId)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(badCheck.RowErrors.Select(r => (r.Row, string.Join(" | ", r.Errors))), Is.EqualTo(new[]
            {
                (2, "“整改类型”的值“马上改”无法识别，可填：立行立改、限期整改、长期坚持。"),
                (3, "本整改方案中没有编号为 H1-NONE 的问题。"),
                (4, "“整改时限”的值“下个月”不是日期，请填写如 2026-06-30。"),
            }));
            Assert.That(strangerCheck.Error?.Kind, Is.EqualTo(ErrorKind.NotFound), "another unit's plan answers like a missing one");
            Assert.That(strangerPageStatus, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
            Assert.That(ownPageStatus, Is.EqualTo(System.Net.HttpStatusCode.OK));
            Assert.That(progress.Done, Is.EqualTo(2));
            Assert.That(plan.Lines.Select(l => (l.ProblemCode, l.Measures, l.ResponsibleLeader, l.ResponsibleDepartment, l.Kind, l.Deadline)), Is.EqualTo(new[]
            {
                (first.Code, "建立问题清单，逐项销号", "王院长", "院办", (RectificationKind?)RectificationKind.TimeLimited, (DateOnly?)Host.Clock.Today.AddDays(60)),
                (second.Code, "建立问题清单，逐项销号", "王院长", "院办", RectificationKind.Immediate, Host.Clock.Today.AddDays(20)),
            }));
        }
    }

    [Test]
    public async Task TheUnitTree_ImportsParentsBeforeChildren_AndUsersIntoThem()
    {
        var units = await Upload("admin", Sheet(
        [
            new() { ["单位编码"] = "D1-E", ["单位名称"] = "一区教育局", ["单位层级"] = "部门", ["上级单位编码"] = "D1" },
            new() { ["单位编码"] = "D1-E-S1", ["单位名称"] = "一区第一中学", ["单位层级"] = "事业单位", ["上级单位编码"] = "D1-E" },
            new() { ["单位编码"] = "B1", ["单位名称"] = "重复的财政局", ["单位层级"] = "部门", ["上级单位编码"] = "D1" },
            new() { ["单位编码"] = "Q1", ["单位名称"] = "无上级", ["单位层级"] = "部门", ["上级单位编码"] = "NOPE" },
        ]));
        var refused = Ok(await Host.Send<ImportCheck>("admin", new CheckUnitImport(units)));
        var good = await Upload("admin", Sheet(
        [
            new() { ["Unit code"] = "D1-E", ["Unit name"] = "一区教育局", ["Unit level"] = "bureau", ["Parent unit code"] = "D1" },
            new() { ["Unit code"] = "D1-E-S1", ["Unit name"] = "一区第一中学", ["Unit level"] = "public institution", ["Parent unit code"] = "D1-E" },
        ]));
        Ok(await Host.Send<ImportCheck>("admin", new CheckUnitImport(good)));
        var progress = Ok(await Run<UnitSheet>("admin", null, good));
        var paths = await Host.Query(db => db.Units.Where(u => u.Code.StartsWith("D1-E")).OrderBy(u => u.Path).Select(u => u.Path).ToListAsync());
        var users = await Upload("admin", Sheet(
        [
            new() { ["用户名"] = "s1-liaison", ["姓名"] = "李明", ["角色"] = "整改联络员", ["电子邮箱"] = "liming@test.local", ["单位编码"] = "D1-E-S1", ["语言"] = "", ["初始密码"] = "Initial-Pass-2026" },
        ]));
        Ok(await Host.Send<ImportCheck>("admin", new CheckUserImport(users)));
        var userProgress = Ok(await Run<UserSheet>("admin", null, users));
        var user = await Host.Query(db => db.Users.Where(u => u.UserName == "s1-liaison").Select(u => new { u.DisplayName, Unit = db.Units.First(x => x.Id == u.UnitId).Code }).SingleAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.RowErrors.Select(r => (r.Row, string.Join(" | ", r.Errors))), Is.EqualTo(new[]
            {
                (4, "“一区”下已有代码为 B1 的单位。"),
                (5, "您的管理范围内没有编码为 NOPE 的单位。"),
            }));
            Assert.That(progress.Done, Is.EqualTo(2));
            Assert.That(paths, Is.EqualTo(new[] { "/T/D1/D1-E/", "/T/D1/D1-E/D1-E-S1/" }));
            Assert.That(userProgress.Done, Is.EqualTo(1));
            Assert.That((user.DisplayName, user.Unit), Is.EqualTo(("李明", "D1-E-S1")));
        }
    }
}
