using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Rectification.Domain.Auditing;

/// <summary>
/// The head of the audit chain at one moment, written <c>sequence:hash</c>. Kept outside the database (a file, a mail),
/// it lets a later verification prove that the chain still holds that entry unchanged: removing the newest entries, or
/// rewriting the chain and recomputing every hash, is then detected.
/// </summary>
public sealed record AuditDigest(long Sequence, string Hash)
{
    /// <summary>The digest of an empty chain.</summary>
    public static AuditDigest Empty { get; } = new(0, AuditChainHash.Genesis);

    public override string ToString() => $"{Sequence.ToString(CultureInfo.InvariantCulture)}:{Hash}";

    /// <summary>Reads <c>sequence:hash</c>: a sequence of 0 or more and a 64-digit hex hash (empty only for an entry older than the chain).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out AuditDigest? digest)
    {
        digest = null;
        if (text is null)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !long.TryParse(text.AsSpan(0, colon).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        var hash = text[(colon + 1)..].Trim();
        if (hash.Length != 0 && (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit)))
        {
            return false;
        }

        digest = new AuditDigest(sequence, hash.ToLowerInvariant());
        return true;
    }
}
