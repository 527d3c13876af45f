using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Domain.Auditing;

namespace Rectification.Application.Administration;

/// <summary>Why the chain breaks at an entry.</summary>
public enum AuditChainFault
{
    /// <summary>Entries before this one are missing: the sequence jumps.</summary>
    Gap,

    /// <summary>The entry does not belong at this place: neither its hash nor its link fits (moved, renumbered or inserted),
    /// its sequence comes before the start of the chain, or several entries share its sequence.</summary>
    OutOfOrder,

    /// <summary>The entry's fields no longer give its hash: it was changed in place (or carries no hash inside the chain).</summary>
    HashMismatch,

    /// <summary>The entry is intact but does not link to the entry before it, which was changed or replaced.</summary>
    PreviousHashMismatch,

    /// <summary>The chain ends before the entry an exported digest names: the newest entries were deleted.</summary>
    Truncated,

    /// <summary>The entry an exported digest names differs from it: the chain up to it was rewritten.</summary>
    DigestMismatch,
}

/// <summary>The first place where the chain breaks. <paramref name="EntryId"/> is null when no row is there (a truncated chain).</summary>
public sealed record AuditChainBreak(long Sequence, long? EntryId, AuditChainFault Fault, string Detail);

/// <summary>The head of the chain as a digest (<c>sequence:hash</c>) to keep outside the database, and when it was taken.</summary>
public sealed record AuditDigestDto(string Digest, long Sequence, string Hash, DateTime? HeadAt, DateTime TakenAt);

/// <summary>
/// The outcome of a verification. <paramref name="Checked"/> counts the entries read (up to the first break);
/// <paramref name="Unchained"/> those older than the chain (no hash; they precede its first entry); <paramref name="DigestConfirmed"/>
/// is null when no digest was given.
/// </summary>
public sealed record AuditChainReport(bool Intact, long Checked, long Unchained, AuditDigestDto? Head, AuditChainBreak? FirstBreak,
    bool? DigestConfirmed, TimeSpan Elapsed);

/// <summary>
/// Walks the audit chain in sequence order, in batches read by sequence range (so memory stays flat however long the chain
/// is), recomputes every hash (in parallel, while the next batch is read), and checks that sequences run 1, 2, 3, … and
/// that every entry links to the one before. Optionally checks an exported digest, which detects what the chain alone cannot:
/// deleted newest entries, or a chain rewritten with every hash recomputed.
/// </summary>
public sealed class AuditChainVerifier(IAppDbContext db, TimeProvider clock)
{
    public const int DefaultBatchSize = 10_000;

    public async Task<AuditChainReport> VerifyAsync(AuditDigest? digest = null, int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var watch = Stopwatch.StartNew();
        var walk = new Walk();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The next batch is read while the current one is hashed; the connection only ever runs one command at a time.
            var next = Task.Run(() => ReadAfter(long.MinValue, batchSize, ct), ct);
            while (true)
            {
                var batch = await next;
                next = batch.Count == batchSize ? Task.Run(() => ReadAfter(batch[^1].Sequence, batchSize, ct), ct) : Task.FromResult(new List<Row>());
                var hashed = new bool[batch.Count];
                Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = ct }, i => hashed[i] = AuditChainHash.IsSealed(batch[i]));
                if (batch.Count == 0 || !walk.Check(batch, hashed))
                {
                    await next;
                    break;
                }
            }

            return await ReportAsync(walk, digest, watch, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<AuditChainReport> ReportAsync(Walk walk, AuditDigest? digest, Stopwatch watch, CancellationToken ct)
    {
        var firstBreak = walk.Break;
        if (walk.Last is { } last && await CountUpTo(last.Sequence, ct) != walk.Checked
            && await FirstSharedSequence(last.Sequence, ct) is { } shared
            && (firstBreak is null || shared <= firstBreak.Sequence))
        {
            var count = await db.AuditEntries.CountAsync(a => a.Sequence == shared, ct);
            firstBreak = new AuditChainBreak(shared, null, AuditChainFault.OutOfOrder, $"{count} entries carry sequence {shared}.");
        }

        bool? confirmed = null;
        if (digest is not null)
        {
            var held = digest.Sequence == 0
                ? AuditChainHash.Genesis
                : await db.AuditEntries.AsNoTracking().Where(a => a.Sequence == digest.Sequence).Select(a => a.Hash).FirstOrDefaultAsync(ct);
            confirmed = held == digest.Hash;
            if (!confirmed.Value && firstBreak is null)
            {
                var end = walk.Last?.Sequence ?? 0;
                firstBreak = held is null
                    ? new AuditChainBreak(end + 1, null, AuditChainFault.Truncated,
                        $"The chain ends at {end}, but the digest names entry {digest.Sequence}: entries {end + 1} to {digest.Sequence} were deleted.")
                    : new AuditChainBreak(digest.Sequence, null, AuditChainFault.DigestMismatch,
                        $"Entry {digest.Sequence} has hash {held}, the digest says {digest.Hash}: the chain up to it was rewritten.");
            }
        }

        return new AuditChainReport(firstBreak is null, walk.Checked, walk.Unchained, await HeadAsync(ct), firstBreak, confirmed, watch.Elapsed);
    }

    /// <summary>The newest entry as a digest; an empty chain gives <c>0:</c> and the genesis hash.</summary>
    public async Task<AuditDigestDto> HeadAsync(CancellationToken ct = default)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash, a.At }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return head is null
            ? new AuditDigestDto(AuditDigest.Empty.ToString(), 0, AuditDigest.Empty.Hash, null, now)
            : new AuditDigestDto(new AuditDigest(head.Sequence, head.Hash).ToString(), head.Sequence, head.Hash, head.At, now);
    }

    /// <summary>
    /// One batch, by sequence range. EF writes the command (so it is right for every provider) and the rows are read straight
    /// off the data reader, which is about twice as fast as materializing entities; columns are named like the properties.
    /// </summary>
    private async Task<List<Row>> ReadAfter(long sequence, int batchSize, CancellationToken ct)
    {
        await using var command = db.AuditEntries.AsNoTracking().Where(a => a.Sequence > sequence).OrderBy(a => a.Sequence).Take(batchSize).CreateDbCommand();
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new Columns(reader);
        var rows = new List<Row>(batchSize);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(columns.Read(reader));
        }

        return rows;
    }

    private Task<int> CountUpTo(long sequence, CancellationToken ct) => db.AuditEntries.CountAsync(a => a.Sequence <= sequence, ct);

    private Task<long?> FirstSharedSequence(long upTo, CancellationToken ct) =>
        db.AuditEntries.Where(a => a.Sequence <= upTo).GroupBy(a => a.Sequence).Where(g => g.Count() > 1)
            .Select(g => (long?)g.Key).OrderBy(k => k).FirstOrDefaultAsync(ct);

    /// <summary>An entry as read back for verification.</summary>
    private sealed class Row : IAuditRecord
    {
        public long Id { get; init; }
        public long Sequence { get; init; }
        public string PreviousHash { get; init; } = "";
        public DateTime At { get; init; }
        public Guid? UserId { get; init; }
        public string UserName { get; init; } = "";
        public string Role { get; init; } = "";
        public string Command { get; init; } = "";
        public string EntityType { get; init; } = "";
        public Guid EntityId { get; init; }
        public string? Trigger { get; init; }
        public string? FromState { get; init; }
        public string? ToState { get; init; }
        public string Before { get; init; } = "";
        public string After { get; init; } = "";
        public string Payload { get; init; } = "";
        public string Hash { get; init; } = "";
    }

    /// <summary>
    /// The ordinals of the columns, and how each is read: instants are stored as UTC (the model's converter only marks them so
    /// on the way back), identifiers by the provider's own Guid reading (uuid, uniqueidentifier, or text in SQLite).
    /// </summary>
    private sealed class Columns(DbDataReader reader)
    {
        private readonly int id = reader.GetOrdinal(nameof(AuditEntry.Id));
        private readonly int sequence = reader.GetOrdinal(nameof(AuditEntry.Sequence));
        private readonly int previousHash = reader.GetOrdinal(nameof(AuditEntry.PreviousHash));
        private readonly int at = reader.GetOrdinal(nameof(AuditEntry.At));
        private readonly int userId = reader.GetOrdinal(nameof(AuditEntry.UserId));
        private readonly int userName = reader.GetOrdinal(nameof(AuditEntry.UserName));
        private readonly int role = reader.GetOrdinal(nameof(AuditEntry.Role));
        private readonly int command = reader.GetOrdinal(nameof(AuditEntry.Command));
        private readonly int entityType = reader.GetOrdinal(nameof(AuditEntry.EntityType));
        private readonly int entityId = reader.GetOrdinal(nameof(AuditEntry.EntityId));
        private readonly int trigger = reader.GetOrdinal(nameof(AuditEntry.Trigger));
        private readonly int fromState = reader.GetOrdinal(nameof(AuditEntry.FromState));
        private readonly int toState = reader.GetOrdinal(nameof(AuditEntry.ToState));
        private readonly int before = reader.GetOrdinal(nameof(AuditEntry.Before));
        private readonly int after = reader.GetOrdinal(nameof(AuditEntry.After));
        private readonly int payload = reader.GetOrdinal(nameof(AuditEntry.Payload));
        private readonly int hash = reader.GetOrdinal(nameof(AuditEntry.Hash));

        public Row Read(DbDataReader r) => new()
        {
            Id = r.GetInt64(id),
            Sequence = r.GetInt64(sequence),
            PreviousHash = r.GetString(previousHash),
            At = DateTime.SpecifyKind(r.GetDateTime(at), DateTimeKind.Utc),
            UserId = r.IsDBNull(userId) ? null : r.GetGuid(userId),
            UserName = r.GetString(userName),
            Role = r.GetString(role),
            Command = r.GetString(command),
            EntityType = r.GetString(entityType),
            EntityId = r.GetGuid(entityId),
            Trigger = r.IsDBNull(trigger) ? null : r.GetString(trigger),
            FromState = r.IsDBNull(fromState) ? null : r.GetString(fromState),
            ToState = r.IsDBNull(toState) ? null : r.GetString(toState),
            Before = r.GetString(before),
            After = r.GetString(after),
            Payload = r.GetString(payload),
            Hash = r.GetString(hash),
        };
    }

    /// <summary>The state carried from one entry to the next.</summary>
    private sealed class Walk
    {
        private long expected = 1;
        private string? previousHash;

        public long Checked { get; private set; }
        public long Unchained { get; private set; }
        public Row? Last { get; private set; }
        public AuditChainBreak? Break { get; private set; }

        /// <summary>False at the first break, which is then in <see cref="Break"/>.</summary>
        public bool Check(List<Row> batch, bool[] hashed)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var entry = batch[i];
                Checked++;
                Last = entry;
                Break = Fault(entry, hashed[i]);
                if (Break is not null)
                {
                    return false;
                }

                expected = entry.Sequence + 1;
            }

            return true;
        }

        private AuditChainBreak? Fault(Row entry, bool hashed)
        {
            if (entry.Sequence < expected)
            {
                return At(entry, AuditChainFault.OutOfOrder, $"Sequence {entry.Sequence} where {expected} was expected: the chain starts at 1 and only rises.");
            }

            if (entry.Sequence > expected)
            {
                var missing = entry.Sequence - 1 == expected ? $"entry {expected} is" : $"entries {expected} to {entry.Sequence - 1} are";
                return At(entry, AuditChainFault.Gap, $"The sequence jumps from {expected - 1} to {entry.Sequence}: {missing} missing.");
            }

            if (entry.Hash.Length == 0)
            {
                if (previousHash is null)
                {
                    // Written before the chain existed: only its place in the sequence can be checked.
                    Unchained++;
                    return null;
                }

                return At(entry, AuditChainFault.HashMismatch, "The entry carries no hash, but the chain started before it.");
            }

            var link = entry.PreviousHash == (previousHash ?? AuditChainHash.Genesis);
            previousHash = entry.Hash;
            return (hashed, link) switch
            {
                (true, true) => null,
                (false, false) => At(entry, AuditChainFault.OutOfOrder,
                    "Neither the entry's hash nor its link to the entry before fits this place: it was moved, renumbered or inserted."),
                (false, true) => At(entry, AuditChainFault.HashMismatch, "The entry's fields do not give its hash: it was changed."),
                (true, false) => At(entry, AuditChainFault.PreviousHashMismatch,
                    "The entry is intact but does not link to the entry before it, which was changed, replaced or inserted."),
            };
        }

        private static AuditChainBreak At(Row entry, AuditChainFault fault, string detail) => new(entry.Sequence, entry.Id, fault, detail);
    }
}
