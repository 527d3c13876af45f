using Rectification.Application.Reminders;
using Rectification.Infrastructure;

namespace Rectification.Bench;

/// <summary>Command-line options. Every figure the benchmark prints depends on these, so they are printed too.</summary>
internal sealed record BenchOptions
{
    public const string DefaultPostgresServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    public IReadOnlyList<DatabaseProvider> Providers { get; init; } = [DatabaseProvider.Sqlite];
    public int Problems { get; init; } = 1_000_000;
    public int Due { get; init; } = 10_000;
    public int BatchSize { get; init; } = ReminderSweep.DefaultBatchSize;

    /// <summary>Sweeps per provider on the same data: the first is cold (JIT, EF model and query caches), later ones warm.</summary>
    public int Runs { get; init; } = 2;
    public int FloorRepeats { get; init; } = 5;

    /// <summary>The concurrent command load: one command started every this many milliseconds (open loop).</summary>
    public int CommandIntervalMs { get; init; } = 20;

    /// <summary>
    /// PRAGMAs run on every EF connection the benchmark opens, e.g. "busy_timeout=5000,synchronous=NORMAL"; empty = none,
    /// as the application configures SQLite today. For trying a configuration fix without changing src/.
    /// </summary>
    public string SqlitePragmas { get; init; } = "";

    public string PostgresServer { get; init; } = DefaultPostgresServer;
    public string WorkflowsFolder { get; init; } = "";
    public bool Keep { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions
        {
            PostgresServer = Environment.GetEnvironmentVariable("RECTIFICATION_TEST_POSTGRES") is { Length: > 0 } pg ? pg : DefaultPostgresServer,
            WorkflowsFolder = FindWorkflows(),
        };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.TryParse(Value(), out var n) && n >= 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a non-negative integer");
            options = args[i] switch
            {
                "--provider" => options with
                {
                    Providers = Value().ToLowerInvariant() switch
                    {
                        "sqlite" => [DatabaseProvider.Sqlite],
                        "postgresql" or "postgres" or "pg" => [DatabaseProvider.PostgreSql],
                        "both" => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql],
                        var other => throw new ArgumentException($"unknown provider '{other}' (sqlite, postgresql, both)"),
                    },
                },
                "--problems" => options with { Problems = Int() },
                "--due" => options with { Due = Int() },
                "--batch-size" => options with { BatchSize = Int() },
                "--runs" => options with { Runs = Int() },
                "--floor-repeats" => options with { FloorRepeats = Int() },
                "--command-interval-ms" => options with { CommandIntervalMs = Int() },
                "--sqlite-pragmas" => options with { SqlitePragmas = Value() },
                "--postgres" => options with { PostgresServer = Value() },
                "--workflows" => options with { WorkflowsFolder = Path.GetFullPath(Value()) },
                "--keep" => options with { Keep = true },
                var other => throw new ArgumentException($"unknown option '{other}'"),
            };
        }

        if (options.Due > options.Problems)
        {
            throw new ArgumentException("--due cannot exceed --problems");
        }

        if (options.BatchSize < 1 || options.Runs < 1 || options.CommandIntervalMs < 1)
        {
            throw new ArgumentException("--batch-size, --runs and --command-interval-ms must be at least 1");
        }

        return options;
    }

    public const string Usage = """
        Reminder sweep benchmark.

          dotnet run -c Release --project bench/Rectification.Bench -- --provider sqlite|postgresql|both [options]

          --problems N              open problems in state Rectifying (default 1000000)
          --due N                   of which due today for the 'due-today' step (default 10000)
          --batch-size N            ReminderSweep batch size (default: ReminderSweep.DefaultBatchSize)
          --runs N                  sweeps per provider on the same data; run 1 is cold, later runs warm (default 2)
          --floor-repeats N         timed repeats of the floor query (default 5)
          --command-interval-ms N   concurrent command load: one command every N ms (default 20)
          --sqlite-pragmas LIST     PRAGMAs for every EF connection, e.g. busy_timeout=5000,synchronous=NORMAL
                                    (default none beyond what the application sets: busy_timeout=5000)
          --postgres CONNSTR        server (default: env RECTIFICATION_TEST_POSTGRES, else local postgres/postgres)
          --workflows DIR           workflows folder (default: found upwards from the current directory)
          --keep                    keep the database afterwards

        Page benchmark (the workplace pages over HTTP against the built host with the demo deployment):

          dotnet run -c Release --project bench/Rectification.Bench -- pages [--requests N]   (default 200 per page and user)
        """;

    private static string FindWorkflows()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (File.Exists(Path.Combine(candidate, "reminders.yaml")))
                {
                    return candidate;
                }
            }
        }

        return Path.GetFullPath("workflows");
    }
}
