namespace Rectification.Infrastructure.Evidence;

/// <summary>How far a package (a zip) is unpacked before it is refused: entries counted, bytes really read.</summary>
public sealed record PackageLimits(int MaxEntries, long MaxUnpackedBytes)
{
    public const int DefaultMaxEntries = 10_000;

    /// <summary>Ten times the default file limit: a 20 MB document of text and XML unpacks to far less.</summary>
    public const long DefaultMaxUnpackedBytes = 200L * 1024 * 1024;
}
