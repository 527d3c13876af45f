using System.Text;
using Rectification.Infrastructure;

namespace Rectification.Bench;

/// <summary>The summary table and the verdict against the issue's targets.</summary>
internal static class Report
{
    public const double SweepTargetMs = 10_000;
    public const double LockTargetMs = 50;
    public const double CommandP99TargetMs = 100;

    public static void Print(IReadOnlyList<ProviderResult> results, BenchOptions options)
    {
        if (results.Count == 0)
        {
            return;
        }

        var table = new StringBuilder();
        table.AppendLine();
        table.AppendLine("| provider | run | floor (ms) | sweep (ms) | sweep/floor | process CPU (ms) | outbox rows | steps | batches | lock hold max / p95 (ms) | peak RSS (MB) | allocated (MB) | command p50 / p99 / max (ms), alone → during sweep | load avg |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var result in results)
        {
            foreach (var run in result.Runs)
            {
                var c = run.Commands;
                table.AppendLine($"| {Name(result.Provider, options)} | {run.Run} ({(run.Run == 1 ? "cold" : "warm")}) | {result.FloorMedianMs:F0} | {run.WallMs:F0} | " +
                    $"{run.WallMs / result.FloorMedianMs:F1}× | {run.CpuMs:F0} | {run.OutboxRows:N0} | {run.StepsRecorded:N0} | {run.Batches} | {run.LockMaxMs:F0} / {run.LockP95Ms:F0} | " +
                    $"{SweepBenchmark.Mb(run.PeakRss)} (+{SweepBenchmark.Mb(run.PeakRss - run.BaselineRss)}) | {SweepBenchmark.Mb(run.Allocated)} | " +
                    $"{result.Idle.P50:F1} / {result.Idle.P99:F1} / {result.Idle.Max:F0} → {c.P50:F1} / {c.P99:F1} / {c.Max:F0} (n={c.Count}{(c.Failures > 0 ? $", {c.Failures} failed" : "")}) | {run.LoadAverage} |");
            }
        }

        Console.WriteLine(table);
        foreach (var result in results)
        {
            Console.WriteLine($"{Name(result.Provider, options)}: {result.Description}; load {result.LoadMs / 1000:F1} s (+ {result.AfterLoadMs / 1000:F1} s " +
                $"{(result.Provider == DatabaseProvider.Sqlite ? "journal mode" : "VACUUM ANALYZE, CHECKPOINT")}), not measured");
            foreach (var run in result.Runs)
            {
                Console.WriteLine($"  run {run.Run}: sweep {Verdict(run.WallMs < SweepTargetMs)} (< 10 s: {run.WallMs / 1000:F2} s), " +
                    $"write lock per batch {Verdict(run.LockMaxMs <= LockTargetMs)} (≤ 50 ms: max {run.LockMaxMs:F1} ms), " +
                    $"command p99 {Verdict(run.Commands.P99 < CommandP99TargetMs)} (< 100 ms: {run.Commands.P99:F1} ms)");
            }
        }
    }

    private static string Name(DatabaseProvider provider, BenchOptions options) => provider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(options.SqlitePragmas) ? "SQLite" : $"SQLite ({options.SqlitePragmas})",
        _ => provider.ToString(),
    };

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
