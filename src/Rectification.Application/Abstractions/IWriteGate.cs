namespace Rectification.Application.Abstractions;

/// <summary>
/// Queues the writers of a database that has a single write lock (SQLite): a writer enters before it begins its
/// transaction and leaves when the transaction ends. Without it the writers poll for the lock and a long run of
/// sweep batches can starve a user's command; with it each waits its turn, at most one batch.
/// </summary>
public interface IWriteGate
{
    ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);
}
