using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Rectification.Infrastructure;

namespace Rectification.Bench;

/// <summary>A fresh database on one provider: created, bulk-loaded outside EF, described, dropped.</summary>
internal abstract class BenchDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract string Name { get; }

    public abstract Task CreateAsync();

    public abstract Task DropAsync();

    /// <summary>Before the bulk load (after migration): what the load needs first; nothing by default.</summary>
    public virtual Task PrepareForLoadAsync() => Task.CompletedTask;

    /// <summary>
    /// Writes every problem of the scenario with one prepared statement or COPY, not through EF change tracking. The
    /// secondary indexes of the table are dropped first and re-created afterwards from their own definitions as the
    /// migrations made them (read back from the catalog), which builds each one in a single sorted pass.
    /// </summary>
    public async Task LoadProblemsAsync(Scenario scenario, Action<string> log)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = OpenConnection();
        await ExecuteAsync(connection, BulkSessionSettings);
        var indexes = await SecondaryIndexesAsync(connection, "Problems");
        await ExecuteAsync(connection, string.Join(";\n", indexes.Select(i => $"DROP INDEX \"{i.Name}\"")));
        await WriteProblemsAsync(connection, scenario, n => log($"  {n,9:N0} problems, {watch.Elapsed.TotalSeconds:F1} s"));
        log($"  rows written in {watch.Elapsed.TotalSeconds:F1} s; re-creating {indexes.Count} indexes: {string.Join(", ", indexes.Select(i => i.Name))}");
        await ExecuteAsync(connection, string.Join(";\n", indexes.Select(i => i.Definition)));
        var after = await SecondaryIndexesAsync(connection, "Problems");
        if (!after.Select(i => i.Definition).Order().SequenceEqual(indexes.Select(i => i.Definition).Order()))
        {
            throw new InvalidOperationException("The indexes of Problems differ after the load.");
        }

        log($"  indexes built, {watch.Elapsed.TotalSeconds:F1} s");
    }

    protected abstract Task WriteProblemsAsync(DbConnection connection, Scenario scenario, Action<int> progress);

    protected abstract string IndexQuery { get; }

    /// <summary>Settings of the load's own session: memory for index sorts, no durability wait for a throw-away load.</summary>
    protected abstract string BulkSessionSettings { get; }

    private async Task<IReadOnlyList<(string Name, string Definition)>> SecondaryIndexesAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = IndexQuery;
        var p = command.CreateParameter();
        p.ParameterName = "table";
        p.Value = table;
        command.Parameters.Add(p);
        var list = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add((reader.GetString(0), reader.GetString(1)));
        }

        return list;
    }

    protected static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 900; // never 0: on SQLite that retries a busy database for ever
        await command.ExecuteNonQueryAsync();
    }

    protected async Task ExecuteAsync(string sql)
    {
        await using var connection = OpenConnection();
        await ExecuteAsync(connection, sql);
    }

    /// <summary>After the load: what a running system would have done by itself (checkpoint; vacuum and statistics).</summary>
    public abstract Task AfterLoadAsync();

    /// <summary>After a sweep run, before the next one on the same data.</summary>
    public abstract Task AfterResetAsync();

    public abstract Task<string> DescribeAsync();

    public abstract string ExplainPrefix { get; }

    /// <summary>The connections' own setting for the run (SQLite busy timeout), if any.</summary>
    public virtual string? ConnectionPragma => null;

    public abstract DbParameter Clone(DbParameter parameter);

    public abstract DbConnection OpenConnection();

    public async Task<IReadOnlyList<string>> ExplainAsync(CapturedCommand command)
    {
        await using var connection = OpenConnection();
        await using var explain = connection.CreateCommand();
        explain.CommandText = ExplainPrefix + command.Text;
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(Clone(parameter));
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }

        return lines;
    }

    public async ValueTask DisposeAsync() => await DropAsync();

    // Column values shared by both loaders: a typical ledger entry, not empty strings.
    protected const string Description = "检查发现该单位落实主体责任不到位，相关制度执行不严格，台账资料不完整，整改措施针对性不强，需限期整改并报送整改进展。";
    protected const string Facts = "巡察组查阅资料、个别谈话、实地走访，发现问题事实清楚。";
    protected const string Basis = "依据巡察工作条例及有关规定。";
    protected const string Process = "经巡察组集体研究定性。";

    protected static string Category(int i) => (i % 4) switch { 0 => "党的建设", 1 => "廉政建设", 2 => "作风建设", _ => "业务管理" };

    protected static string Severity(int i) => i % 20 == 0 ? "Serious" : "General";
}

internal sealed class SqliteBenchDatabase(string pragmas) : BenchDatabase
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"rect-bench-{Environment.ProcessId}-{DateTime.UtcNow:HHmmss}");

    private string File => Path.Combine(folder, "bench.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // As the application builds it: a file, pooled connections, nothing else.
    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = File }.ToString();

    public override string Name => File;

    public override string ExplainPrefix => "EXPLAIN QUERY PLAN ";

    public override string? ConnectionPragma => string.IsNullOrWhiteSpace(pragmas)
        ? null
        : string.Concat(pragmas.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"PRAGMA {p};"));

    public override Task CreateAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public override Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>The benchmark's own connections stay out of the pool, so that the load's big page cache never serves EF.</summary>
    public override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public override DbParameter Clone(DbParameter parameter) =>
        new SqliteParameter(parameter.ParameterName, parameter.Value ?? DBNull.Value) { SqliteType = ((SqliteParameter)parameter).SqliteType };

    public override Task PrepareForLoadAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    // Indexes the migrations created (autoindexes of constraints have no SQL and stay).
    protected override string IndexQuery => "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL";

    // No journal for the throw-away load (WAL would write every page twice: to the log, then to the file). Leaving WAL
    // needs the only connection to the file: EF's pooled ones are closed first (PrepareForLoadAsync).
    protected override string BulkSessionSettings => "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY;";

    protected override Task WriteProblemsAsync(DbConnection dbConnection, Scenario s, Action<int> progress)
    {
        var connection = (SqliteConnection)dbConnection;
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        string[] columns =
        [
            "Id", "InspectionId", "UnitId", "Code", "Title", "Description", "Category", "Severity", "DossierFacts", "DossierBasis",
            "DossierProcessRecord", "RaisedDuringInspection", "State", "DefinitionVersion", "Kind", "Deadline", "ReminderDue", "RegisteredAt",
            "FedBackAt", "RectificationStartedAt", "ClosedAt", "ReviewRound", "ReopenCount", "ProgressBaseline", "Version",
        ];
        command.CommandText = $"INSERT INTO \"Problems\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))});";
        var p = columns.ToDictionary(c => c, c => command.Parameters.Add(new SqliteParameter("$" + c, null)));
        command.Prepare();

        // EF's SQLite mappings: GUIDs as upper-case TEXT, enums by name, DateOnly 'yyyy-MM-dd', DateTime 'yyyy-MM-dd HH:mm:ss.FFFFFFF'.
        string Text(Guid g) => g.ToString("D").ToUpperInvariant();
        var inspections = s.Inspections.Select(i => Text(i.Id)).ToArray();
        var units = s.Targets.Select(u => Text(u.Id)).ToArray();
        var dates = new Dictionary<DateOnly, string>();
        string Date(DateOnly d) => dates.TryGetValue(d, out var t) ? t : dates[d] = d.ToString("yyyy-MM-dd");
        p["Description"].Value = Description;
        p["DossierFacts"].Value = Facts;
        p["DossierBasis"].Value = Basis;
        p["DossierProcessRecord"].Value = Process;
        p["RaisedDuringInspection"].Value = 0;
        p["State"].Value = "Rectifying";
        p["DefinitionVersion"].Value = s.ProblemDefinitionVersion;
        p["Kind"].Value = "TimeLimited";
        p["RegisteredAt"].Value = s.Now.AddDays(-150);
        p["FedBackAt"].Value = s.Now.AddDays(-120);
        p["RectificationStartedAt"].Value = s.Now.AddDays(-90);
        p["ClosedAt"].Value = DBNull.Value;
        p["ReviewRound"].Value = 0;
        p["ReopenCount"].Value = 0;
        p["ProgressBaseline"].Value = 0;
        p["Version"].Value = 0L;
        for (var i = 0; i < s.Problems; i++)
        {
            var target = s.TargetOf(i);
            var due = Date(s.ReminderDueOf(i));
            p["Id"].Value = Text(s.ProblemId(i));
            p["InspectionId"].Value = inspections[target];
            p["UnitId"].Value = units[target];
            p["Code"].Value = s.ProblemCode(i);
            p["Title"].Value = $"{Category(i)}方面问题第{i}项";
            p["Category"].Value = Category(i);
            p["Severity"].Value = Severity(i);
            p["Deadline"].Value = due;
            p["ReminderDue"].Value = due;
            command.ExecuteNonQuery();
            if ((i + 1) % 100_000 == 0) progress(i + 1);
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    /// <summary>Back to WAL, the mode EF Core gives a SQLite database it creates, so the one the application runs on.</summary>
    public override Task AfterLoadAsync()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        if (command.ExecuteScalar() is not "wal")
        {
            throw new InvalidOperationException("Could not put the SQLite file back into WAL mode.");
        }

        return Task.CompletedTask;
    }

    public override Task AfterResetAsync()
    {
        using var connection = OpenConnection();
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return Task.CompletedTask;
    }

    public override Task<string> DescribeAsync()
    {
        using var connection = OpenConnection();
        string Scalar(string sql)
        {
            using var c = connection.CreateCommand();
            c.CommandText = sql;
            return Convert.ToString(c.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        var size = new FileInfo(File).Length;
        return Task.FromResult($"SQLite {Scalar("select sqlite_version()")}, journal_mode={Scalar("PRAGMA journal_mode")}, " +
            $"synchronous={Scalar("PRAGMA synchronous")} (connection default), busy_timeout {Rectification.Infrastructure.Persistence.SqlitePragmas.BusyTimeoutMilliseconds} ms on the application's connections, file {size / 1048576.0:F0} MB");
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read() || reader.NextResult())
        {
        }
    }
}

internal sealed class PostgresBenchDatabase(string server) : BenchDatabase
{
    private readonly string database = $"rect_bench_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
    private bool created;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();

    public override string Name => database;

    public override string ExplainPrefix => "EXPLAIN (ANALYZE, BUFFERS) ";

    private string Admin => new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();

    public override async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
        created = true;
    }

    public override async Task DropAsync()
    {
        if (!created)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
        created = false;
    }

    public override DbConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public override DbParameter Clone(DbParameter parameter) => ((NpgsqlParameter)parameter).Clone();

    // Every index but the primary key's.
    protected override string IndexQuery => "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = @table AND schemaname = current_schema() AND indexname NOT LIKE 'PK_%'";

    protected override string BulkSessionSettings => "SET synchronous_commit = off; SET maintenance_work_mem = '512MB';\n";

    protected override Task WriteProblemsAsync(DbConnection dbConnection, Scenario s, Action<int> progress)
    {
        var connection = (NpgsqlConnection)dbConnection;

        const string copy = """
            COPY "Problems" ("Id", "InspectionId", "UnitId", "Code", "Title", "Description", "Category", "Severity", "DossierFacts", "DossierBasis",
              "DossierProcessRecord", "RaisedDuringInspection", "State", "DefinitionVersion", "Kind", "Deadline", "ReminderDue", "RegisteredAt",
              "FedBackAt", "RectificationStartedAt", "ClosedAt", "ReviewRound", "ReopenCount", "ProgressBaseline", "Version") FROM STDIN (FORMAT BINARY)
            """;
        var registered = DateTime.SpecifyKind(s.Now.AddDays(-150), DateTimeKind.Utc);
        var fedBack = DateTime.SpecifyKind(s.Now.AddDays(-120), DateTimeKind.Utc);
        var started = DateTime.SpecifyKind(s.Now.AddDays(-90), DateTimeKind.Utc);
        // The synchronous writer: one row is 25 small values, and an await per value would cost more than the row.
        using var writer = connection.BeginBinaryImport(copy);
        for (var i = 0; i < s.Problems; i++)
        {
            var target = s.TargetOf(i);
            var due = s.ReminderDueOf(i);
            writer.StartRow();
            writer.Write(s.ProblemId(i), NpgsqlDbType.Uuid);
            writer.Write(s.Inspections[target].Id, NpgsqlDbType.Uuid);
            writer.Write(s.Targets[target].Id, NpgsqlDbType.Uuid);
            writer.Write(s.ProblemCode(i), NpgsqlDbType.Varchar);
            writer.Write($"{Category(i)}方面问题第{i}项", NpgsqlDbType.Varchar);
            writer.Write(Description, NpgsqlDbType.Text);
            writer.Write(Category(i), NpgsqlDbType.Varchar);
            writer.Write(Severity(i), NpgsqlDbType.Varchar);
            writer.Write(Facts, NpgsqlDbType.Text);
            writer.Write(Basis, NpgsqlDbType.Text);
            writer.Write(Process, NpgsqlDbType.Text);
            writer.Write(false, NpgsqlDbType.Boolean);
            writer.Write("Rectifying", NpgsqlDbType.Varchar);
            writer.Write(s.ProblemDefinitionVersion, NpgsqlDbType.Integer);
            writer.Write("TimeLimited", NpgsqlDbType.Varchar);
            writer.Write(due, NpgsqlDbType.Date);
            writer.Write(due, NpgsqlDbType.Date);
            writer.Write(registered, NpgsqlDbType.TimestampTz);
            writer.Write(fedBack, NpgsqlDbType.TimestampTz);
            writer.Write(started, NpgsqlDbType.TimestampTz);
            writer.WriteNull();
            writer.Write(0, NpgsqlDbType.Integer);
            writer.Write(0, NpgsqlDbType.Integer);
            writer.Write(0, NpgsqlDbType.Integer);
            writer.Write(0L, NpgsqlDbType.Bigint);
            if ((i + 1) % 100_000 == 0) progress(i + 1);
        }

        writer.Complete();
        return Task.CompletedTask;
    }

    // Autovacuum would vacuum and analyze after a million inserts by itself; do it now rather than mid-measurement.
    // The checkpoint pays the bulk load's write-back debt now, so the first measured run does not (the load is not measured).
    public override async Task AfterLoadAsync()
    {
        await ExecuteAsync("VACUUM (ANALYZE)");
        await ExecuteAsync("CHECKPOINT");
    }

    public override async Task AfterResetAsync() => await ExecuteAsync("VACUUM (ANALYZE) \"Outbox\", \"ReminderSteps\"");

    public override async Task<string> DescribeAsync()
    {
        await using var connection = (NpgsqlConnection)OpenConnection();
        await using var command = new NpgsqlCommand(
            "select current_setting('server_version'), current_setting('shared_buffers'), current_setting('synchronous_commit'), pg_size_pretty(pg_database_size(current_database()))",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"PostgreSQL {reader.GetString(0)}, shared_buffers={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, database {reader.GetString(3)}";
    }

}
