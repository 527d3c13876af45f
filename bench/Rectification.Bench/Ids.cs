namespace Rectification.Bench;

internal enum IdKind : byte { Unit = 1, User = 2, Round = 3, Inspection = 4, Problem = 5 }

/// <summary>
/// Deterministic version-7-shaped identifiers: the id of problem <c>n</c> can be recomputed from <c>n</c>, so the
/// command load picks random problems without keeping a million ids in memory. Time-ordered like the domain's
/// <see cref="Guid.CreateVersion7()"/>, so primary-key inserts append as they do in production.
/// </summary>
internal static class Ids
{
    private static readonly long BaseMs = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static Guid For(IdKind kind, long sequence)
    {
        Span<byte> b = stackalloc byte[16];
        var ms = BaseMs + ((long)kind << 36) + sequence;
        for (var i = 0; i < 6; i++)
        {
            b[i] = (byte)(ms >> (8 * (5 - i)));
        }

        b[6] = 0x70;
        b[7] = (byte)kind;
        b[8] = (byte)(0x80 | ((sequence >> 56) & 0x3F));
        for (var i = 9; i < 16; i++)
        {
            b[i] = (byte)(sequence >> (8 * (15 - i)));
        }

        return new Guid(b, bigEndian: true);
    }
}
