using Microsoft.Data.Sqlite;
using Npgsql;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// A fresh, real database per fixture: a SQLite file, or a new PostgreSQL database on the server named by
/// RECTIFICATION_TEST_POSTGRES. Without that variable the PostgreSQL fixtures are ignored, saying so.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "RECTIFICATION_TEST_POSTGRES";

    private readonly string? sqliteFolder;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private TestDatabase(DatabaseOptions options, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Options = options;
        this.sqliteFolder = sqliteFolder;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public DatabaseOptions Options { get; }

    public static IEnumerable<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    /// <param name="sqliteRoot">Where the SQLite file goes (default: the temporary folder), e.g. a memory-backed file system for a suite of many thousand commits.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? sqliteRoot = null)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(sqliteRoot ?? Path.GetTempPath(), "rectification-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "test.db") }.ToString();
            return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = connection }, folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Ignore($"PostgreSQL is not configured: set {PostgresVariable} to a server connection string (CI installs PostgreSQL and sets it).");
        }

        var name = "rect_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = builder.ToString() }, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(sqliteFolder, recursive: true); } catch (IOException) { }
        }

        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
