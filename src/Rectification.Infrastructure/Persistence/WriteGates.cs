using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rectification.Application.Abstractions;

namespace Rectification.Infrastructure.Persistence;

/// <summary>One writer at a time, in arrival order (the async waiters of a <see cref="SemaphoreSlim"/> are served first come, first served).</summary>
public sealed class SingleWriterGate : IWriteGate
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}

/// <summary>Server databases lock rows, not the whole file: their writers need no queue.</summary>
public sealed class OpenWriteGate : IWriteGate
{
    public static OpenWriteGate Instance { get; } = new();

    private static readonly IDisposable Nothing = new NoTurn();

    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Nothing);

    private sealed class NoTurn : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

/// <summary>Runs PRAGMA statements on every SQLite connection the context opens (they are per connection, not per file).</summary>
public sealed class SqlitePragmas(string sql) : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5000;

    /// <summary>
    /// Connections wait for a busy database inside SQLite (busy_timeout) rather than in the driver, whose retry loop sleeps
    /// 150 ms between attempts; writers that are not queued by the gate (the mail dispatcher) use it.
    /// </summary>
    public static SqlitePragmas BusyTimeout { get; } = new($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
