using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Rectification.Domain.Auditing;
using Rectification.Infrastructure;

namespace Rectification.Email.Tests.Support;

/// <summary>
/// Per test: a real database migrated like production (a SQLite file; PostgreSQL too for the fixtures that take a
/// provider, when RECTIFICATION_TEST_POSTGRES names a server), the SMTP test server on loopback, the seeded world
/// and one application instance sending to that server. Back-off and breaker times are short or moved by the test clock.
/// </summary>
public abstract class DeliveryTest(DatabaseProvider provider = DatabaseProvider.Sqlite)
{
    public const string PostgresVariable = "RECTIFICATION_TEST_POSTGRES";
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private readonly List<AppInstance> instances = [];
    private string folder = "";
    private string? postgresDatabase;

    public static IEnumerable<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    protected TestClock Clock { get; private set; } = null!;
    protected SmtpTestServer Smtp { get; private set; } = null!;
    protected DatabaseOptions Database { get; private set; } = null!;
    protected AppInstance App { get; private set; } = null!;
    protected World World { get; private set; } = null!;
    protected string PickupFolder => Path.Combine(folder, "pickup");
    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [SetUp]
    public async Task SetUpDeliveryAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), "rectification-email-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Clock = new TestClock(Start);
        Smtp = SmtpTestServer.Start();
        Database = provider == DatabaseProvider.Sqlite
            ? new DatabaseOptions
            {
                Provider = DatabaseProvider.Sqlite,
                ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "test.db") }.ToString(),
            }
            : await CreatePostgresDatabaseAsync();
        App = NewInstance();
        await App.MigrateAsync();
        World = await App.Query(db => World.SeedAsync(db, Now));
    }

    [TearDown]
    public async Task TearDownDeliveryAsync()
    {
        // App is unset when set-up was ignored (no PostgreSQL server configured).
        if (instances.Count > 0)
        {
            await App.DisposeAsync();
        }

        foreach (var instance in instances.Where(i => i != App))
        {
            await instance.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task<DatabaseOptions> CreatePostgresDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Ignore($"PostgreSQL is not configured: set {PostgresVariable} to a server connection string (CI sets it).");
        }

        postgresDatabase = "rect_mail_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ToString(),
        };
    }

    /// <summary>The settings of these tests; <paramref name="overrides"/> win.</summary>
    protected Dictionary<string, string?> Settings(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Mode"] = "Smtp",
            ["Email:BaseUrl"] = "https://zhenggai.example.gov.cn/",
            ["Email:TemplatesFolder"] = Repo.TemplatesFolder,
            ["Email:PickupFolder"] = PickupFolder,
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:From"] = "xunchaban@example.gov.cn",
            ["Email:Smtp:FromName"] = "市委巡察办",
            ["Email:Smtp:Resilience:Timeout"] = "00:00:05",
            ["Email:Smtp:Resilience:RetryAttempts"] = "1",
            ["Email:Smtp:Resilience:RetryDelay"] = "00:00:00.010",
            ["Email:Smtp:Resilience:BreakerFailureRatio"] = "0.5",
            ["Email:Smtp:Resilience:BreakerMinimumThroughput"] = "3",
            ["Email:Smtp:Resilience:BreakerSamplingDuration"] = "00:00:30",
            ["Email:Smtp:Resilience:BreakDuration"] = "00:00:30",
            ["Email:Outbox:BatchSize"] = "4",
            ["Email:Outbox:MaxAttempts"] = "8",
            ["Email:Outbox:RetryBaseDelay"] = "00:01:00",
            ["Email:Outbox:RetryMaxDelay"] = "00:10:00",
            ["Email:Outbox:ClaimDuration"] = "00:02:00",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    protected AppInstance NewInstance(IReadOnlyDictionary<string, string?>? settings = null, params IInterceptor[] interceptors)
    {
        var instance = AppInstance.Create(Database, Clock, settings ?? Settings(), interceptors);
        instances.Add(instance);
        return instance;
    }

    /// <summary>Replaces <see cref="App"/>, e.g. with other settings; the database and the world stay.</summary>
    protected void Reconfigure(params (string Key, string? Value)[] overrides) => App = NewInstance(Settings(overrides));

    protected Task AddAsync(params OutboxMessage[] messages) => App.Query(async db =>
    {
        db.Outbox.AddRange(messages);
        return await db.SaveChangesAsync();
    });

    protected Task<List<OutboxMessage>> OutboxAsync() =>
        App.Query(db => db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    /// <summary>Distinct notifications for the world's unit leader, one per (event, case) so each has its own Message-ID.</summary>
    protected OutboxMessage[] ManyNotifications(int count) => Enumerable.Range(0, count)
        .Select(i => World.Notification(Now.AddSeconds(i), "problem-closed", "Close", "problem", World.Problem.Id,
            i % 2 == 0 ? World.Leader : World.Office, copy: i % 2 == 1, "Closed"))
        .ToArray();
}
