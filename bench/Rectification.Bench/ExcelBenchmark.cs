using System.Diagnostics;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Abstractions;
using Rectification.Application.Imports;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Lifecycles;
using Rectification.Infrastructure.Persistence;
using Rectification.Infrastructure.Spreadsheets;

namespace Rectification.Bench;

/// <summary>
/// The Excel export and import (issue 15), on SQLite: the ledger of N problems exported as the inspection office at the root asks for
/// it (ExportLedger through its handler, streamed to a byte-counting sink), against the floor of writing the same number of rows with
/// the same writer and no database; and a sheet of N problem rows checked (SheetImports.CheckAsync with the RegisterProblem rules)
/// against the floor of reading the same file with the same reader. Time and peak memory above the start of each phase.
/// </summary>
internal sealed class ExcelBenchmark(int rows, string workflowsFolder, int runs)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero);
        var clock = new FixedTimeProvider(now);
        await using var database = new SqliteBenchDatabase("");
        var dbOptions = new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString };
        var builder = new DbContextOptionsBuilder<RectificationDbContext>();
        Infrastructure.DependencyInjection.Configure(builder, dbOptions);
        var contextOptions = builder.Options;
        Console.WriteLine($"Excel benchmark: {rows:N0} rows, {runs} run(s); {Environment.ProcessorCount} cores, .NET {Environment.Version}; database {database.Name}");
        await database.CreateAsync();
        IReadOnlyList<LifecycleDefinition> definitions;
        await using (var db = new RectificationDbContext(contextOptions))
        {
            await db.Database.MigrateAsync(ct);
            definitions = await LifecyclePublisher.PublishAsync(db, LifecycleCatalog.ReadFolder(workflowsFolder), now.UtcDateTime, ct);
        }

        var catalog = new LifecycleCatalog();
        catalog.Load(definitions);
        var reminders = new ReminderCatalog();
        reminders.Load(ReminderFileReader.ReadLadders(Path.Combine(workflowsFolder, ReminderFileReader.LaddersFile), definitions));
        var visibility = new VisibilityCatalog();
        visibility.Load(VisibilityFileReader.Read(Path.Combine(workflowsFolder, VisibilityFileReader.FileName), definitions, reminders.Settings));
        var ladder = reminders.Settings.For(Domain.Problems.Problem.Lifecycle)!;
        var scenario = new Scenario(rows, 0, now.UtcDateTime, ladder, catalog.Current(Domain.Problems.Problem.Lifecycle).Version);
        await using (var db = new RectificationDbContext(contextOptions))
        {
            db.Units.AddRange(scenario.Units);
            db.Users.AddRange(scenario.Users);
            db.Rounds.Add(scenario.Round);
            db.Inspections.AddRange(scenario.Inspections);
            await db.SaveChangesAsync(ct);
        }

        await database.PrepareForLoadAsync();
        await database.LoadProblemsAsync(scenario, _ => { });
        await database.AfterLoadAsync();
        var root = scenario.Units.OrderBy(u => u.Path.Length).First();
        var office = new ActingUser(null, "office", Domain.Organization.Role.InspectionOffice, root.Id, root.Path);
        var importFolder = Path.Combine(Path.GetTempPath(), $"rect-bench-imports-{Environment.ProcessId}");

        var services = new ServiceCollection();
        services.AddDbContext<RectificationDbContext>(o => Infrastructure.DependencyInjection.Configure(o, dbOptions));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<RectificationDbContext>());
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ILifecycleCatalog>(catalog);
        services.AddSingleton<IReminderCatalog>(reminders);
        services.AddSingleton<IVisibilityCatalog>(visibility);
        services.AddSingleton<ICurrentUser>(office);
        services.AddSingleton<ISpreadsheetWriter, SpreadCheetahWriter>();
        services.AddSingleton<ISpreadsheetReader, MiniExcelReader>();
        services.AddSingleton<IImportFileStore>(new ImportFileStore(importFolder, clock));
        services.AddScoped<Application.Lifecycles.ScopeResolver>();
        services.AddScoped<Application.Visibility.ReadPolicy>();
        services.AddScoped<Deadlines>();
        services.AddScoped<ProblemSheet>();
        services.AddValidatorsFromAssembly(typeof(SheetImports).Assembly, ServiceLifetime.Scoped);
        Application.Localization.FieldLabels.Install();
        await using var provider = services.BuildServiceProvider();
        var writer = provider.GetRequiredService<ISpreadsheetWriter>();

        // Unmeasured warm-up, as a running server has had: the JIT, EF's model and query compilation, the writer's first sheet.
        await using (var scope = provider.CreateAsyncScope())
        {
            var handler = ActivatorUtilities.CreateInstance<ExportLedgerHandler>(scope.ServiceProvider);
            await (await handler.Handle(new ExportLedger(Text: "no such problem"), ct)).Value.WriteAsync(Stream.Null, ct);
        }

        var results = new List<(string Name, double Ms, long Bytes, long ExtraRss, long Heap)>();
        for (var run = 1; run <= runs; run++)
        {
            // Floor: the same number of rows, of the same width, through the same writer, with no database.
            var (floorMs, floorBytes, floorProbe) = await Measure(async sink =>
            {
                await using var sheet = await writer.StartAsync(sink, new SheetLayout("整改台账", "整改台账", ExportLedgerHandler.Columns.Select(c => new SheetColumn(c.Key, c.Width)).ToList()), ct);
                var cells = new SheetCell[ExportLedgerHandler.Columns.Length];
                for (var i = 0; i < rows; i++)
                {
                    cells[0] = SheetCell.Of(i + 1);
                    cells[1] = SheetCell.Of(scenario.ProblemCode(i));
                    cells[2] = SheetCell.Of("落实全面从严治党主体责任不到位");
                    cells[3] = SheetCell.Of((string?)null);
                    cells[4] = SheetCell.Of((string?)null);
                    cells[5] = SheetCell.Of((string?)null);
                    cells[6] = SheetCell.Of("限期整改");
                    cells[7] = SheetCell.Of(scenario.Today.AddDays(i % 90));
                    cells[8] = SheetCell.Of((string?)null);
                    cells[9] = SheetCell.Of("整改中");
                    cells[10] = SheetCell.Of("绿灯");
                    cells[11] = SheetCell.Of((DateOnly?)null);
                    await sheet.AddAsync(cells, ct);
                }

                await sheet.FinishAsync(ct);
                return rows;
            });
            results.Add(($"floor: {rows:N0} rows written, no database", floorMs, floorBytes, floorProbe.PeakRss - floorProbe.BaselineRss, floorProbe.MaxManagedHeap));

            var exported = 0;
            var (exportMs, exportBytes, exportProbe) = await Measure(async sink =>
            {
                await using var scope = provider.CreateAsyncScope();
                var handler = ActivatorUtilities.CreateInstance<ExportLedgerHandler>(scope.ServiceProvider);
                var export = (await handler.Handle(new ExportLedger(), ct)).Value;
                exported = await export.WriteAsync(sink, ct);
                return exported;
            });
            if (exported != rows)
            {
                throw new InvalidOperationException($"The export wrote {exported} rows, not {rows}.");
            }

            results.Add(($"ExportLedger: {exported:N0} rows from the database", exportMs, exportBytes, exportProbe.PeakRss - exportProbe.BaselineRss, exportProbe.MaxManagedHeap));
        }

        // The problem sheet to check: every row valid, under the template's headers.
        var inspection = scenario.Inspections[0];
        var sheetPath = Path.Combine(importFolder, "problems.xlsx");
        Directory.CreateDirectory(importFolder);
        await using (var file = File.Create(sheetPath))
        {
            var sheetKind = provider.CreateScope().ServiceProvider.GetRequiredService<ProblemSheet>();
            await using var sheet = await writer.StartAsync(file, new SheetLayout("导入", null,
                sheetKind.Columns.Select(c => new SheetColumn(Glossary.SheetColumn(c.Key).ZhCn)).ToList()), ct);
            var cells = new SheetCell[sheetKind.Columns.Count];
            for (var i = 0; i < rows; i++)
            {
                cells[0] = SheetCell.Of($"IMP-{i + 1:D6}");
                cells[1] = SheetCell.Of("落实全面从严治党主体责任不到位");
                cells[2] = SheetCell.Of("班子成员履行一岗双责不力，党委会研究党风廉政建设次数少");
                cells[3] = SheetCell.Of("党的领导");
                cells[4] = SheetCell.Of((i % 3) switch { 0 => "一般", 1 => "较重", _ => "重大" });
                cells[5] = SheetCell.Of("抽查2025年党委会会议记录12份，涉及党风廉政建设的仅1次");
                cells[6] = SheetCell.Of("《中国共产党问责条例》第七条");
                cells[7] = SheetCell.Of("调阅资料、个别谈话");
                await sheet.AddAsync(cells, ct);
            }

            await sheet.FinishAsync(ct);
        }

        var reader = provider.GetRequiredService<ISpreadsheetReader>();
        for (var run = 1; run <= runs; run++)
        {
            var (readMs, _, readProbe) = await Measure(sink =>
            {
                using var stream = File.OpenRead(sheetPath);
                var count = reader.Rows(stream).Count();
                return Task.FromResult(count);
            });
            results.Add(($"floor: {rows:N0} rows read, nothing checked", readMs, 0, readProbe.PeakRss - readProbe.BaselineRss, readProbe.MaxManagedHeap));

            ImportCheck? check = null;
            var (checkMs, _, checkProbe) = await Measure(async sink =>
            {
                await using var scope = provider.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var imports = new SheetImports(sp.GetRequiredService<ISpreadsheetReader>(), writer, sp.GetRequiredService<IImportFileStore>(), office, null!);
                await using var content = File.OpenRead(sheetPath);
                var fileId = await imports.UploadAsync(content, ct);
                check = (await imports.CheckAsync(sp.GetRequiredService<ProblemSheet>(), inspection.Id, fileId, ct)).Value;
                return check.Rows;
            });
            if (check is not { Valid: true } || check.Rows != rows)
            {
                throw new InvalidOperationException($"The check found {check?.Rows} rows, {check?.RowErrors.Count} refused: {string.Join("; ", check?.RowErrors.Take(3).SelectMany(r => r.Errors) ?? [])}");
            }

            results.Add(($"CheckProblemImport: {rows:N0} rows checked (RegisterProblem rules)", checkMs, 0, checkProbe.PeakRss - checkProbe.BaselineRss, checkProbe.MaxManagedHeap));
        }

        Directory.Delete(importFolder, recursive: true);
        Console.WriteLine();
        Console.WriteLine("| phase | time | sheet size | peak RSS above start | max managed heap |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Name} | {r.Ms / 1000:F2} s | {(r.Bytes == 0 ? "—" : $"{r.Bytes / 1048576.0:F1} MB")} | {r.ExtraRss / 1048576.0:F1} MB | {r.Heap / 1048576.0:F1} MB |");
        }

        var exports = results.Where(r => r.Name.StartsWith("ExportLedger", StringComparison.Ordinal)).ToList();
        var checks = results.Where(r => r.Name.StartsWith("CheckProblemImport", StringComparison.Ordinal)).ToList();
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        var met = Median(exports.Select(e => e.Ms)) < 3000 && exports.All(e => e.ExtraRss < 50L * 1048576) && Median(checks.Select(c => c.Ms)) < 10_000;
        Console.WriteLine();
        Console.WriteLine($"Median export {Median(exports.Select(e => e.Ms)) / 1000:F2} s (floor {Median(results.Where(r => r.Name.StartsWith("floor: " + rows.ToString("N0") + " rows written", StringComparison.Ordinal)).Select(r => r.Ms)) / 1000:F2} s), " +
            $"median check {Median(checks.Select(c => c.Ms)) / 1000:F2} s (floor {Median(results.Where(r => r.Name.Contains("rows read", StringComparison.Ordinal)).Select(r => r.Ms)) / 1000:F2} s); " +
            $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"Targets (export < 3 s and < 50 MB extra; check < 10 s): {(met ? "met" : "NOT met")}");
        return met ? 0 : 1;
    }

    private static async Task<(double Ms, long Bytes, MemoryProbe Probe)> Measure(Func<Stream, Task<int>> work)
    {
        var sink = new CountingStream();
        using var probe = MemoryProbe.Start();
        var watch = Stopwatch.StartNew();
        await work(sink);
        watch.Stop();
        probe.Stop();
        return (watch.Elapsed.TotalMilliseconds, sink.Bytes, probe);
    }

    /// <summary>A write-only sink that counts the bytes, as a response body to a fast client would take them.</summary>
    private sealed class CountingStream : Stream
    {
        public long Bytes { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Bytes;
        public override long Position { get => Bytes; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Bytes += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Bytes += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Bytes += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
