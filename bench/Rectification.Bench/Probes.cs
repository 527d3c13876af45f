using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rectification.Bench;

/// <summary>A command as EF sent it, with detached copies of its parameters, to be explained afterwards.</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<DbParameter> Parameters);

/// <summary>
/// What happened inside one sweep, from EF's own interception points on the sweep's context only: each batch's
/// selection query, each SaveChanges, and each transaction from the moment the database granted it (on SQLite,
/// BEGIN IMMEDIATE: the write lock) to the moment the commit returned.
/// </summary>
internal sealed class SweepProbe
{
    private long selectStarted;
    private long saveStarted;
    private long transactionRequested;
    private long transactionGranted;
    private long writeStarted;

    public List<double> SelectMs { get; } = [];
    public List<double> SaveMs { get; } = [];

    /// <summary>Write commands (the INSERT batches of SaveChanges): how many, and their time in the database driver.</summary>
    public int WriteCommands { get; private set; }
    public double WriteCommandMs { get; private set; }
    public int WriteStatements { get; private set; }

    /// <summary>BEGIN granted → COMMIT returned: the write lock on SQLite.</summary>
    public List<double> LockHoldMs { get; } = [];

    /// <summary>BEGIN requested → granted: time spent waiting for another writer.</summary>
    public List<double> LockWaitMs { get; } = [];
    public int Rollbacks { get; private set; }

    public void Reset()
    {
        SelectMs.Clear();
        SaveMs.Clear();
        WriteCommands = 0;
        WriteCommandMs = 0;
        WriteStatements = 0;
        LockHoldMs.Clear();
        LockWaitMs.Clear();
        Rollbacks = 0;
    }

    public Func<DbParameter, DbParameter>? CloneParameter { get; set; }

    /// <summary>When set, the next SELECT is captured (for EXPLAIN) before it runs.</summary>
    public bool CaptureNext { get; set; }

    public CapturedCommand? Captured { get; private set; }

    public IInterceptor[] Interceptors => [new Commands(this), new Saves(this), new Transactions(this)];

    private static double Since(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    private static bool IsSelect(DbCommand command) => command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private void Executing(DbCommand command)
    {
        if (!IsSelect(command))
        {
            writeStarted = Stopwatch.GetTimestamp();
            WriteCommands++;
            WriteStatements += command.CommandText.AsSpan().Count("INSERT ");
            return;
        }

        if (CaptureNext && CloneParameter is { } clone)
        {
            Captured = new CapturedCommand(command.CommandText, command.Parameters.Cast<DbParameter>().Select(clone).ToList());
            CaptureNext = false;
        }

        selectStarted = Stopwatch.GetTimestamp();
    }

    private void ReaderDisposing(DbCommand command)
    {
        if (IsSelect(command) && selectStarted != 0)
        {
            SelectMs.Add(Since(selectStarted));
            selectStarted = 0;
        }
        else if (!IsSelect(command) && writeStarted != 0)
        {
            WriteCommandMs += Since(writeStarted);
            writeStarted = 0;
        }
    }

    private sealed class Commands(SweepProbe probe) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            probe.Executing(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            probe.Executing(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            probe.Executing(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            probe.Executing(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            probe.ReaderDisposing(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            probe.ReaderDisposing(command);
            return result;
        }
    }

    private sealed class Saves(SweepProbe probe) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            probe.saveStarted = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            probe.SaveMs.Add(Since(probe.saveStarted));
            return ValueTask.FromResult(result);
        }
    }

    private sealed class Transactions(SweepProbe probe) : DbTransactionInterceptor
    {
        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            probe.transactionRequested = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
            CancellationToken cancellationToken = default)
        {
            probe.transactionGranted = Stopwatch.GetTimestamp();
            probe.LockWaitMs.Add(Stopwatch.GetElapsedTime(probe.transactionRequested, probe.transactionGranted).TotalMilliseconds);
            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            probe.LockHoldMs.Add(Since(probe.transactionGranted));
            return Task.CompletedTask;
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            probe.LockHoldMs.Add(Since(probe.transactionGranted));
            probe.Rollbacks++;
            return Task.CompletedTask;
        }
    }
}

/// <summary>Today at 09:00 UTC, for the whole run: the sweep, the commands and the data agree on "today".</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class Stats
{
    /// <summary>Nearest-rank percentile (no interpolation: every reported figure was observed).</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    public static double Max(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Max();
}
