using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Rectification.Domain.Auditing;

/// <summary>The fields of an audit entry that its hash covers, with the hash itself: the entry, or a row read back to verify it.</summary>
public interface IAuditRecord
{
    long Sequence { get; }
    string PreviousHash { get; }
    DateTime At { get; }
    Guid? UserId { get; }
    string UserName { get; }
    string Role { get; }
    string Command { get; }
    string EntityType { get; }
    Guid EntityId { get; }
    string? Trigger { get; }
    string? FromState { get; }
    string? ToState { get; }
    string Before { get; }
    string After { get; }
    string Payload { get; }
    string Hash { get; }
}

/// <summary>
/// The hash of an audit entry: SHA-256 over a canonical serialization of its fields, as lower-case hex.
/// <para>
/// The serialization is unambiguous: a version tag, then every field in a fixed order, integers as big-endian 64-bit
/// values, the instant as UTC ticks (whole microseconds, see <see cref="Storable"/>), GUIDs as their 16 big-endian bytes,
/// an optional GUID as a 0/1 marker byte followed by it, and every string as its UTF-8 byte length (big-endian 32-bit;
/// −1 for null, so null and "" differ) followed by its bytes. No two different entries serialize alike.
/// </para>
/// <para>
/// Covered: Sequence, PreviousHash, At, UserId, UserName, Role, Command, EntityType, EntityId, Trigger, FromState, ToState,
/// Before, After, Payload. Not covered: the row id, which the database assigns on insert; the chain is ordered by Sequence.
/// </para>
/// <para>
/// The version tag is the string <c>rectification.audit-entry.v1</c>, written like every other string; the instant is
/// <see cref="DateTime.Ticks"/> (100 ns since 0001-01-01T00:00:00 UTC); a GUID's 16 bytes are in the order its text is written
/// (RFC 4122). Known answers computed with coreutils, and the commands, are in
/// tests/Rectification.Integration.Tests/Support/audit-chain-vectors.txt; changing this form breaks every stored chain.
/// </para>
/// </summary>
public static class AuditChainHash
{
    /// <summary>The previous hash of the first entry of the chain.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version = "rectification.audit-entry.v1";
    private const int StackLimit = 2048;

    public static string Compute<T>(T entry) where T : IAuditRecord
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Compute(entry, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Whether the entry's stored hash is the hash of its stored fields.</summary>
    public static bool IsSealed<T>(T entry) where T : IAuditRecord => entry.Hash.Length == 64 && string.Equals(Compute(entry), entry.Hash, StringComparison.Ordinal);

    /// <summary>An instant as every supported database keeps it: UTC (as the model's converter stores it), whole microseconds (PostgreSQL's precision).</summary>
    public static DateTime Storable(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Utc ? at : at.ToUniversalTime();
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
    }

    public static void Compute<T>(T entry, Span<byte> destination) where T : IAuditRecord
    {
        var size = Measure(Version) + sizeof(long) + Measure(entry.PreviousHash) + sizeof(long) + 1 + 16
            + Measure(entry.UserName) + Measure(entry.Role) + Measure(entry.Command) + Measure(entry.EntityType) + 16
            + Measure(entry.Trigger) + Measure(entry.FromState) + Measure(entry.ToState)
            + Measure(entry.Before) + Measure(entry.After) + Measure(entry.Payload);

        byte[]? rented = null;
        var buffer = size <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var writer = new Writer(buffer);
            writer.Write(Version);
            writer.Write(entry.Sequence);
            writer.Write(entry.PreviousHash);
            writer.Write(entry.At.Ticks);
            writer.Write(entry.UserId);
            writer.Write(entry.UserName);
            writer.Write(entry.Role);
            writer.Write(entry.Command);
            writer.Write(entry.EntityType);
            writer.Write(entry.EntityId);
            writer.Write(entry.Trigger);
            writer.Write(entry.FromState);
            writer.Write(entry.ToState);
            writer.Write(entry.Before);
            writer.Write(entry.After);
            writer.Write(entry.Payload);
            SHA256.HashData(buffer[..writer.Position], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int Measure(string? value) => sizeof(int) + (value is null ? 0 : Encoding.UTF8.GetByteCount(value));

    private ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> buffer = buffer;

        public int Position { get; private set; }

        public void Write(long value)
        {
            BinaryPrimitives.WriteInt64BigEndian(buffer[Position..], value);
            Position += sizeof(long);
        }

        public void Write(Guid value)
        {
            value.TryWriteBytes(buffer[Position..], bigEndian: true, out var written);
            Position += written;
        }

        public void Write(Guid? value)
        {
            buffer[Position++] = value.HasValue ? (byte)1 : (byte)0;
            Write(value ?? Guid.Empty);
        }

        public void Write(string? value)
        {
            if (value is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(buffer[Position..], -1);
                Position += sizeof(int);
                return;
            }

            var length = Encoding.UTF8.GetBytes(value, buffer[(Position + sizeof(int))..]);
            BinaryPrimitives.WriteInt32BigEndian(buffer[Position..], length);
            Position += sizeof(int) + length;
        }
    }
}
