namespace Rectification.Infrastructure;

public enum DatabaseProvider { Sqlite, SqlServer, PostgreSql }

/// <summary>Which database, from configuration (<c>Database:Provider</c>, <c>ConnectionStrings:Rectification</c>), never from the OS.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqlite = "Data Source=data/rectification.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = DefaultSqlite;

    public static string MigrationsAssembly(DatabaseProvider provider) => $"Rectification.Migrations.{provider}";
}

/// <summary>The folder of the workflow files (lifecycles, ladders, calendar, templates).</summary>
public sealed record WorkflowsFolder(string Path);
