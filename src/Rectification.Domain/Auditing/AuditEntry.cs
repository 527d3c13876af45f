namespace Rectification.Domain.Auditing;

/// <summary>
/// Who did what, when, to which case, with the state before and after. Written in the same transaction as the change.
/// Entries are append-only and hash-chained: each carries its place in the chain (<see cref="Sequence"/>, 1, 2, 3, … without
/// gaps), the hash of the entry before it and its own hash over all of its fields (see <see cref="AuditChainHash"/>), so a
/// changed, removed, reordered or inserted entry breaks the chain where it happened.
/// </summary>
public sealed class AuditEntry : IAuditRecord
{
    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public string Command { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public Guid EntityId { get; private set; }
    public string? Trigger { get; private set; }
    public string? FromState { get; private set; }
    public string? ToState { get; private set; }
    public string Before { get; private set; } = "";
    public string After { get; private set; } = "";
    public string Payload { get; private set; } = "";

    /// <summary>The place in the chain: 1, 2, 3, … without gaps, assigned when the entry is saved.</summary>
    public long Sequence { get; private set; }

    /// <summary>The hash of the entry at <see cref="Sequence"/> − 1, or <see cref="AuditChainHash.Genesis"/> for the first.</summary>
    public string PreviousHash { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of this entry's fields, <see cref="Sequence"/> and <see cref="PreviousHash"/> included.
    /// Empty only for entries written before the chain existed.</summary>
    public string Hash { get; private set; } = "";

    private AuditEntry() { }

    public AuditEntry(DateTime at, Guid? userId, string userName, string role, string command, string entityType, Guid entityId,
        string? trigger, string? fromState, string? toState, string before, string after, string payload)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        Role = role;
        Command = command;
        EntityType = entityType;
        EntityId = entityId;
        Trigger = trigger;
        FromState = fromState;
        ToState = toState;
        Before = before;
        After = after;
        Payload = payload;
    }

    /// <summary>
    /// Places this (unsaved) entry at <paramref name="sequence"/> after the entry whose hash is <paramref name="previousHash"/>
    /// and seals it. The instant is first brought to what every supported database stores (UTC, whole microseconds), so
    /// the hash computed now is the hash recomputed from the stored row.
    /// </summary>
    public void Chain(long sequence, string previousHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        At = AuditChainHash.Storable(At);
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditChainHash.Compute(this);
    }
}
