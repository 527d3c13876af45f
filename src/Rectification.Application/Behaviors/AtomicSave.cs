using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;

namespace Rectification.Application.Behaviors;

/// <summary>What became of one atomic save: committed, or lost to a concurrent writer (its changes then discarded from the scope).</summary>
public sealed record SaveOutcome(bool Saved, string? ConflictingEntity)
{
    public static readonly SaveOutcome Committed = new(true, null);
}

/// <summary>
/// The one way anything writes: every pending change of the unit of work (the change, its audit entries, its outbox rows) in one
/// transaction, taken under the write gate so that SQLite's single writer never waits on itself. The command pipeline and the
/// reminder sweep both save through here, so their rules on conflicts and on what is left behind cannot drift apart.
/// </summary>
public sealed class AtomicSave(IAppDbContext db, IDatabaseErrors errors, IWriteGate gate)
{
    public async Task<SaveOutcome> SaveAsync(CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return SaveOutcome.Committed;
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || errors.IsUniqueViolation(e) || errors.IsDeadlock(e))
        {
            // Someone else changed the same rows first: a stale version, a key taken in the race, or a deadlock the server resolved
            // against this transaction (EF wraps that one as transient, hence the unwrapping).
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var update = e as DbUpdateException ?? e.InnerException as DbUpdateException;
            return new SaveOutcome(false, update?.Entries.FirstOrDefault()?.Metadata.ClrType.Name ?? "entity");
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
