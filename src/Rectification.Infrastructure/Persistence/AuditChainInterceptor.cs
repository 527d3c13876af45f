using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rectification.Domain.Auditing;

namespace Rectification.Infrastructure.Persistence;

/// <summary>
/// Appends the audit entries of a save to the hash chain, at the last moment before they are written and inside the
/// caller's transaction: take the chain lock (<see cref="IAuditChainLock"/>), read the head (highest sequence and its
/// hash), then give the new entries the next sequences, each linked to the one before. The lock is held until the
/// transaction ends, so the next writer reads this head only once it is committed; should two writers still read the
/// same head, the unique index on the sequence refuses the second (a <c>concurrency.conflict</c>). Either way the chain
/// never forks. Audit entries are append-only: a save that changes or deletes one is refused.
/// </summary>
public sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    public static AuditChainInterceptor Instance { get; } = new();

    private AuditChainInterceptor() { }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && NewEntries(context) is { Count: > 0 } entries)
        {
            AuditChainLocks.For(context).Acquire(context);
            Append(entries, Head(context).FirstOrDefault());
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && NewEntries(context) is { Count: > 0 } entries)
        {
            await AuditChainLocks.For(context).AcquireAsync(context, cancellationToken);
            Append(entries, await Head(context).FirstOrDefaultAsync(cancellationToken));
        }

        return result;
    }

    private static List<AuditEntry> NewEntries(DbContext context)
    {
        var tracked = context.ChangeTracker.Entries<AuditEntry>().ToList();
        if (tracked.Count == 0)
        {
            return [];
        }

        if (tracked.Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: a save may add them, never change or delete one.");
        }

        var added = tracked.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count > 0 && context.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "Audit entries are chained inside a transaction, which holds the chain lock from reading the head to the commit; begin one before saving them.");
        }

        return added;
    }

    private static IQueryable<ChainHead> Head(DbContext context) =>
        context.Set<AuditEntry>().AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new ChainHead(a.Sequence, a.Hash));

    /// <summary>In the order they were added; a head older than the chain (a legacy entry, no hash) is followed by the genesis hash.</summary>
    private static void Append(List<AuditEntry> entries, ChainHead? head)
    {
        var sequence = head?.Sequence ?? 0;
        var previous = string.IsNullOrEmpty(head?.Hash) ? AuditChainHash.Genesis : head.Hash;
        foreach (var entry in entries)
        {
            entry.Chain(++sequence, previous);
            previous = entry.Hash;
        }
    }

    private sealed record ChainHead(long Sequence, string Hash);
}
