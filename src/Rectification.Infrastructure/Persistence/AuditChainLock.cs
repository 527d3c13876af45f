using Microsoft.EntityFrameworkCore;

namespace Rectification.Infrastructure.Persistence;

/// <summary>
/// Serializes the writers of the audit chain until the current transaction ends, so that a writer reads the chain's head
/// only after the previous writer committed its entries. Without it two writers would read the same head and one of them
/// would fail on the unique sequence (a conflict the caller may retry); with it they simply wait for each other.
/// </summary>
public interface IAuditChainLock
{
    void Acquire(DbContext context);

    Task AcquireAsync(DbContext context, CancellationToken cancellationToken);
}

internal static class AuditChainLocks
{
    public static IAuditChainLock For(DbContext context) => context.Database.ProviderName switch
    {
        "Npgsql.EntityFrameworkCore.PostgreSQL" => PostgreSqlAuditChainLock.Instance,
        "Microsoft.EntityFrameworkCore.SqlServer" => SqlServerAuditChainLock.Instance,
        "Microsoft.EntityFrameworkCore.Sqlite" => SqliteAuditChainLock.Instance,
        var other => throw new NotSupportedException($"No audit chain lock for the database provider {other}."),
    };
}

/// <summary>Runs one statement that takes the lock; the lock is released with the transaction.</summary>
internal abstract class SqlAuditChainLock(string sql) : IAuditChainLock
{
    public void Acquire(DbContext context) => context.Database.ExecuteSqlRaw(sql);

    public Task AcquireAsync(DbContext context, CancellationToken cancellationToken) => context.Database.ExecuteSqlRawAsync(sql, cancellationToken);
}

/// <summary>A transaction-scoped advisory lock on a constant key ("RECAUDIT" in ASCII).</summary>
internal sealed class PostgreSqlAuditChainLock() : SqlAuditChainLock("SELECT pg_advisory_xact_lock(5928218432385599828)")
{
    public static PostgreSqlAuditChainLock Instance { get; } = new();
}

/// <summary>An exclusive application lock owned by the transaction.</summary>
internal sealed class SqlServerAuditChainLock() : SqlAuditChainLock("""
    DECLARE @granted int;
    EXEC @granted = sp_getapplock @Resource = N'Rectification.AuditChain', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000;
    IF @granted < 0 THROW 50000, N'The audit chain lock was not granted.', 1;
    """)
{
    public static SqlServerAuditChainLock Instance { get; } = new();
}

/// <summary>
/// SQLite has one writer at a time; a statement that writes (even nothing) takes the write lock now, before the head is
/// read, instead of at the first insert, where a deferred transaction that read a stale head could no longer proceed.
/// </summary>
internal sealed class SqliteAuditChainLock() : SqlAuditChainLock("""UPDATE "AuditEntries" SET "Sequence" = "Sequence" WHERE 0""")
{
    public static SqliteAuditChainLock Instance { get; } = new();
}
