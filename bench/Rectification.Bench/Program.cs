using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.Logging;
using Rectification.Bench;
using Rectification.Infrastructure;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }

    if (args.FirstOrDefault() == "pages")
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var perPage = args.Length > 2 && args[1] == "--requests" && int.TryParse(args[2], out var n) && n > 0 ? n : 200;
        return await new PageBenchmark(perPage).RunAsync(stop.Token);
    }

    if (args.FirstOrDefault() == "excel")
    {
        using var stop = new CancellationTokenSource();
        var excelRows = args.Length > 2 && args[1] == "--rows" && int.TryParse(args[2], out var r) && r > 0 ? r : 100_000;
        return await new ExcelBenchmark(excelRows, BenchOptions.Parse([]).WorkflowsFolder, runs: 3).RunAsync(stop.Token);
    }

    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

using var logging = LoggerFactory.Create(b => b
    .AddSimpleConsole(o => o.SingleLine = true)
    .SetMinimumLevel(LogLevel.Warning)
    .AddFilter("Rectification", LogLevel.Information));

Console.WriteLine($"Reminder sweep benchmark: {options.Problems:N0} open problems, {options.Due:N0} due today; batch size {options.BatchSize}; " +
    $"{options.Runs} run(s); one command every {options.CommandIntervalMs} ms during the sweep");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F1} GiB, " +
    $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
    $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; workflows {options.WorkflowsFolder}");

var results = new List<ProviderResult>();
var failed = false;
foreach (var provider in options.Providers)
{
    BenchDatabase database = provider == DatabaseProvider.Sqlite
        ? new SqliteBenchDatabase(options.SqlitePragmas)
        : new PostgresBenchDatabase(options.PostgresServer);
    try
    {
        results.Add(await new SweepBenchmark(options, logging).RunAsync(database, cancel.Token));
    }
    catch (Exception e) when (e is not OperationCanceledException)
    {
        Console.Error.WriteLine($"{provider}: {e}");
        failed = true;
    }
    finally
    {
        if (options.Keep)
        {
            Console.WriteLine($"  kept {database.Name}");
        }
        else
        {
            await database.DropAsync();
        }
    }
}

Report.Print(results, options);
return failed ? 1 : 0;
