using Rectification.Application.Behaviors;
using Rectification.Application.Lifecycles;
using Rectification.Application.Statistics;
using Rectification.Application.Abstractions;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Rectification.Application.Reminders;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Reminders;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Lifecycles;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Bench;

internal sealed record SweepRun(
    int Run, double WallMs, SweepReport Report, int OutboxRows, int StepsRecorded, int Batches, double SelectTotalMs, double SelectMaxMs,
    double SaveTotalMs, double LockMaxMs, double LockP95Ms, double LockMedianMs, double LockTotalMs, double WaitMaxMs, long BaselineRss, long PeakRss,
    bool PeakFromKernel, long MaxManagedHeap, long Allocated, int Gen2, CommandStats Commands, double CpuMs, string LoadAverage);

internal sealed record ProviderResult(
    DatabaseProvider Provider, string Description, double MigrateMs, double SeedMs, double LoadMs, double AfterLoadMs, int FloorRows,
    double FloorMedianMs, double FloorMinMs, IReadOnlyList<double> FloorAllMs, CommandStats Idle, IReadOnlyList<SweepRun> Runs);

/// <summary>One provider: fresh database, migrate, load, measure the floor, then sweep (with the command load) once per run.</summary>
internal sealed class SweepBenchmark(BenchOptions options, ILoggerFactory logging)
{
    public async Task<ProviderResult> RunAsync(BenchDatabase database, CancellationToken ct)
    {
        var now = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero);
        var clock = new FixedTimeProvider(now);
        var dbOptions = new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString };
        DbContextOptions<RectificationDbContext> ContextOptions(params IInterceptor[] interceptors)
        {
            var builder = new DbContextOptionsBuilder<RectificationDbContext>();
            Rectification.Infrastructure.DependencyInjection.Configure(builder, dbOptions);
            if (database.ConnectionPragma is { } pragma)
            {
                builder.AddInterceptors(new SqlitePragmas(pragma));
            }

            builder.AddInterceptors(interceptors);
            return builder.Options;
        }

        var plain = ContextOptions();
        // As the application registers it: SQLite's writers queue at one gate, a server's do not.
        IWriteGate gate = database.Provider == DatabaseProvider.Sqlite ? new SingleWriterGate() : OpenWriteGate.Instance;
        Log($"{database.Provider}: database {database.Name}");
        await database.CreateAsync();

        var watch = Stopwatch.StartNew();
        IReadOnlyList<LifecycleDefinition> definitions;
        await using (var db = new RectificationDbContext(plain))
        {
            await db.Database.MigrateAsync(ct);
            definitions = await LifecyclePublisher.PublishAsync(db, LifecycleCatalog.ReadFolder(options.WorkflowsFolder), now.UtcDateTime, ct);
        }

        var migrateMs = Lap(watch);
        var catalog = new LifecycleCatalog();
        catalog.Load(definitions);
        var reminders = new ReminderCatalog();
        reminders.Load(ReminderFileReader.ReadLadders(Path.Combine(options.WorkflowsFolder, ReminderFileReader.LaddersFile), definitions));
        var visibility = new VisibilityCatalog();
        visibility.Load(VisibilityFileReader.Read(Path.Combine(options.WorkflowsFolder, VisibilityFileReader.FileName), definitions, reminders.Settings));
        BenchVisibility.Catalog = visibility;
        var problemDefinition = catalog.Current(Domain.Problems.Problem.Lifecycle);
        var ladder = reminders.Settings.For(Domain.Problems.Problem.Lifecycle) ?? throw new InvalidOperationException("No problem ladder.");
        var scenario = new Scenario(options.Problems, options.Due, now.UtcDateTime, ladder, problemDefinition.Version);

        await using (var db = new RectificationDbContext(plain))
        {
            db.Units.AddRange(scenario.Units);
            db.Users.AddRange(scenario.Users);
            db.Rounds.Add(scenario.Round);
            db.Inspections.AddRange(scenario.Inspections);
            await db.SaveChangesAsync(ct);
        }

        var seedMs = Lap(watch);
        Log($"  migrated and published in {migrateMs:F0} ms; {scenario.Units.Count} units, {scenario.Users.Count} users, {scenario.Inspections.Count} inspections in {seedMs:F0} ms");

        await database.PrepareForLoadAsync();
        watch.Restart();
        await database.LoadProblemsAsync(scenario, Log);
        await using (var db = new RectificationDbContext(plain))
        {
            // The before-due steps of today's cases were taken on their day; only the measured step is left for today.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var step in scenario.EarlierStepsForToday)
            {
                var takenAt = now.UtcDateTime.AddDays(step.OffsetDays);
                for (var i = 0; i < scenario.Problems; i++)
                {
                    if (scenario.IsDue(i))
                    {
                        db.ReminderSteps.Add(ReminderStepRecord.Take(ladder.Lifecycle, scenario.ProblemId(i), scenario.Targets[scenario.TargetOf(i)].Id,
                            step.Name, scenario.Today, takenAt, skipped: false));
                    }
                }
            }

            await db.SaveChangesAsync(ct);
        }

        var loadMs = Lap(watch);
        await database.AfterLoadAsync();
        var afterLoadMs = Lap(watch);
        var description = await database.DescribeAsync();
        Log($"  loaded {scenario.Problems:N0} problems ({scenario.Due:N0} due) in {loadMs / 1000:F1} s ({scenario.Problems / (loadMs / 1000):N0} rows/s), " +
            $"then {(database.Provider == DatabaseProvider.Sqlite ? "journal mode" : "VACUUM ANALYZE, CHECKPOINT")} {afterLoadMs / 1000:F1} s");
        Log($"  {description}");

        // The floor: the bare indexed selection of the due cases, all of them, once to warm up and then timed.
        var explainProbe = new SweepProbe { CloneParameter = database.Clone };
        var explainOptions = ContextOptions(explainProbe.Interceptors);
        var latestDue = scenario.Step.LatestDueDateFiringBy(scenario.Today);
        var floorRows = 0;
        await using (var db = new RectificationDbContext(explainOptions))
        {
            explainProbe.CaptureNext = true;
            floorRows = (await DueCases.Query(db, ladder, scenario.Step.Name, latestDue).ToListAsync(ct)).Count;
        }

        if (floorRows != scenario.Due)
        {
            throw new InvalidOperationException($"The floor query found {floorRows} due problems, not {scenario.Due}: the loaded data does not match EF's mapping.");
        }

        await PrintPlanAsync(database, "floor query (DueCases.Query, all rows)", explainProbe.Captured);
        await using (var db = new RectificationDbContext(explainOptions))
        {
            explainProbe.CaptureNext = true;
            _ = await DueCases.Query(db, ladder, scenario.Step.Name, latestDue).Take(options.BatchSize).ToListAsync(ct);
        }

        await PrintPlanAsync(database, $"sweep batch query (Take({options.BatchSize}))", explainProbe.Captured);

        var floor = new List<double>();
        for (var r = 0; r < options.FloorRepeats; r++)
        {
            watch.Restart();
            await using var db = new RectificationDbContext(plain);
            var rows = await DueCases.Query(db, ladder, scenario.Step.Name, latestDue).ToListAsync(ct);
            floor.Add(Lap(watch));
            floorRows = rows.Count;
        }

        Log($"  floor: {floorRows:N0} rows, median {Stats.Median(floor):F1} ms (runs: {string.Join(", ", floor.Select(f => f.ToString("F1")))})");

        // The statistics (整改完成率 and the rest) over the whole deployment, as the inspection office at the root asks for them.
        var root = scenario.Units.OrderBy(u => u.Path.Length).First();
        var office = new ActingUser(null, "office", Domain.Organization.Role.InspectionOffice, root.Id, root.Path);
        var statistics = new List<double>();
        StatisticsDto? totals = null;
        for (var r = 0; r < options.FloorRepeats; r++)
        {
            watch.Restart();
            await using var db = new RectificationDbContext(plain);
            var result = await new GetStatisticsHandler(db, office, new Application.Visibility.ReadPolicy(BenchVisibility.Catalog, office, db, new ScopeResolver(db)), clock).Handle(new GetStatistics(), ct);
            statistics.Add(Lap(watch));
            totals = result.Value;
        }

        Log($"  statistics over the whole deployment: {totals!.ProblemsFedBack:N0} fed back, completion {totals.CompletionRate}%, {totals.ProblemsOverdue:N0} overdue; " +
            $"median {Stats.Median(statistics):F1} ms (runs: {string.Join(", ", statistics.Select(f => f.ToString("F1")))})");

        var interval = TimeSpan.FromMilliseconds(options.CommandIntervalMs);
        _ = new CommandLoad(plain, scenario, problemDefinition, clock, interval, gate).RunAlone(10); // warm-up: EF compiles the command's queries
        var idle = new CommandLoad(plain, scenario, problemDefinition, clock, interval, gate).RunAlone(Math.Max(100, 4000 / options.CommandIntervalMs));
        Log($"  commands alone: {idle.Count} at one per {options.CommandIntervalMs} ms, p50 {idle.P50:F1} ms, p99 {idle.P99:F1} ms, max {idle.Max:F1} ms" +
            (idle.Failures > 0 ? $", {idle.Failures} failed: {idle.FirstError}" : ""));

        var runs = new List<SweepRun>();
        for (var run = 1; run <= options.Runs; run++)
        {
            if (run > 1)
            {
                await using (var db = new RectificationDbContext(plain))
                {
                    await db.Outbox.ExecuteDeleteAsync(ct);
                    await db.Tasks.ExecuteDeleteAsync(ct);
                    await db.ReminderSteps.Where(r => r.Step == scenario.Step.Name).ExecuteDeleteAsync(ct);
                }

                await database.AfterResetAsync();
            }

            runs.Add(await SweepOnceAsync(run, plain, ContextOptions, scenario, problemDefinition, reminders, clock, interval, gate, ct));
        }

        return new ProviderResult(database.Provider, description, migrateMs, seedMs, loadMs, afterLoadMs, floorRows, Stats.Median(floor), floor.Min(), floor, idle, runs);
    }

    private async Task<SweepRun> SweepOnceAsync(int run, DbContextOptions<RectificationDbContext> plain, Func<IInterceptor[], DbContextOptions<RectificationDbContext>> contextOptions,
        Scenario scenario, LifecycleDefinition problemDefinition, ReminderCatalog reminders, TimeProvider clock, TimeSpan interval, IWriteGate gate, CancellationToken ct)
    {
        var probe = new SweepProbe();
        var sweepOptions = contextOptions(probe.Interceptors);
        var load = new CommandLoad(plain, scenario, problemDefinition, clock, interval, gate);
        var memory = MemoryProbe.Start();
        var loadBefore = LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        load.Start();
        var watch = Stopwatch.StartNew();
        SweepReport report;
        await using (var db = new RectificationDbContext(sweepOptions))
        {
            var sweep = new ReminderSweep(db, reminders, BenchVisibility.Catalog, clock, ReminderFileReader.ReadCalendar(Path.Combine(options.WorkflowsFolder, ReminderFileReader.CalendarFile)),
                new AtomicSave(db, new DatabaseErrors(), gate), logging.CreateLogger<ReminderSweep>());
            report = await sweep.RunAsync(options.BatchSize, ct);
        }

        var wallMs = watch.Elapsed.TotalMilliseconds;
        var commands = load.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        memory.Stop();
        var loadAverage = $"{loadBefore} → {LoadAverage()}";

        int outbox, steps;
        await using (var db = new RectificationDbContext(plain))
        {
            outbox = await db.Outbox.CountAsync(ct);
            steps = await db.ReminderSteps.CountAsync(r => r.Step == scenario.Step.Name && !r.Skipped, ct);
        }

        var expectedOutbox = scenario.Due * scenario.Step.To.Count;
        if (outbox != expectedOutbox || steps != scenario.Due || report.StepsTaken != scenario.Due)
        {
            throw new InvalidOperationException($"Run {run}: expected {expectedOutbox} outbox rows and {scenario.Due} steps, found {outbox} rows, {steps} steps ({report}).");
        }

        var result = new SweepRun(run, wallMs, report, outbox, steps, probe.LockHoldMs.Count, probe.SelectMs.Sum(), Stats.Max(probe.SelectMs), probe.SaveMs.Sum(),
            Stats.Max(probe.LockHoldMs), Stats.Percentile(probe.LockHoldMs, 95), Stats.Median(probe.LockHoldMs), probe.LockHoldMs.Sum(), Stats.Max(probe.LockWaitMs),
            memory.BaselineRss, memory.PeakRss, memory.PeakReset, memory.MaxManagedHeap, memory.Allocated, memory.Gen2Collections, commands, cpuMs, loadAverage);
        Log($"  run {run} ({(run == 1 ? "cold" : "warm")}): sweep {wallMs:F0} ms, {outbox:N0} outbox rows, {steps:N0} steps, {result.Batches} batches; " +
            $"selects {result.SelectTotalMs:F0} ms (max {result.SelectMaxMs:F1}), saves {result.SaveTotalMs:F0} ms, lock held {result.LockTotalMs:F0} ms " +
            $"(max {result.LockMaxMs:F1}, p95 {result.LockP95Ms:F1}, median {result.LockMedianMs:F1}), longest wait for the lock {result.WaitMaxMs:F1} ms");
        Log($"         memory: RSS {Mb(result.BaselineRss)} → peak {Mb(result.PeakRss)} MB, managed heap max {Mb(result.MaxManagedHeap)} MB, " +
            $"allocated {Mb(result.Allocated)} MB, gen2 GCs {result.Gen2}; commands: {commands.Count}, p50 {commands.P50:F1} ms, p99 {commands.P99:F1} ms, " +
            $"max {commands.Max:F1} ms (p99 from due time {commands.ResponseP99:F1} ms){(commands.Failures > 0 ? $", {commands.Failures} failed: {commands.FirstError}" : "")}");
        Log($"         this process used {cpuMs:F0} ms CPU in {wallMs:F0} ms (sweep, command load, GC); machine load average (1 min) {loadAverage}");
        Log($"         write commands: {probe.WriteCommands} ({probe.WriteStatements} INSERT statements), {probe.WriteCommandMs:F0} ms in the driver of {result.SaveTotalMs:F0} ms in SaveChanges");
        Log($"         selects per batch: {string.Join(" ", probe.SelectMs.Select(s => s.ToString("F0")))}");
        Log($"         lock hold per batch: {string.Join(" ", probe.LockHoldMs.Select(s => s.ToString("F0")))}");
        return result;
    }

    private static async Task PrintPlanAsync(BenchDatabase database, string title, CapturedCommand? captured)
    {
        if (captured is null)
        {
            return;
        }

        Log($"  plan of the {title}:");
        foreach (var line in captured.Text.Split('\n'))
        {
            Log($"      {line.TrimEnd()}");
        }

        foreach (var line in await database.ExplainAsync(captured))
        {
            Log($"    > {line}");
        }
    }

    /// <summary>The 1-minute load average: other work on the machine (2 cores) shows here and in the figures.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0");

    private static double Lap(Stopwatch watch)
    {
        var ms = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        return ms;
    }

    private static void Log(string line) => Console.WriteLine(line);
}

/// <summary>The bench runs outside the host: the visibility rules as the product's own file states them.</summary>
internal static class BenchVisibility
{
    public static Application.Abstractions.IVisibilityCatalog Catalog { get; set; } = new Infrastructure.Lifecycles.VisibilityCatalog();
}
