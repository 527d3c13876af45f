namespace Rectification.Application.Abstractions;

/// <summary>
/// Where evidence bytes are kept: outside the web root, under a name made from the file's id, never the uploader's. A file is
/// received into a staging area (counted and hashed as it streams, never held in memory), kept under its id, and only then
/// recorded: a crash in between leaves an unreferenced file, never a row pointing at nothing.
/// </summary>
public interface IEvidenceStore
{
    EvidenceLimits Limits { get; }

    /// <summary>Streams the bytes to the staging area, stopping one byte past the limit, and judges what they are by their content.</summary>
    Task<IReceivedEvidence> ReceiveAsync(Stream content, CancellationToken ct);

    /// <summary>The command that kept files was not committed: they are deleted again, so no stored file is left without its row.</summary>
    void DiscardKept();

    /// <summary>The command that kept files was committed: they are evidence now.</summary>
    void AcceptKept();
}

/// <summary>The store's limits, as the refusals name them.</summary>
public sealed record EvidenceLimits(long MaxFileBytes, int MaxPackageEntries, long MaxUnpackedBytes);

/// <summary>A file received but not yet evidence. Disposing it deletes it unless it was kept.</summary>
public interface IReceivedEvidence : IDisposable
{
    /// <summary>Past the file limit: nothing of it was kept, and nothing else is known of it.</summary>
    bool TooLarge { get; }

    long Length { get; }

    string Sha256 { get; }

    /// <summary>The type its bytes are, whatever its name; null when its content is refused.</summary>
    string? ContentType { get; }

    /// <summary>The message catalog's code of the refusal (<c>evidence.active-content</c>, …), and why in English for the log.</summary>
    string? RefusalCode { get; }

    string RefusalReason { get; }

    /// <summary>Moves the file under the name its id gives; the id is new, so nothing is ever overwritten.</summary>
    void Keep(Guid fileId);
}
