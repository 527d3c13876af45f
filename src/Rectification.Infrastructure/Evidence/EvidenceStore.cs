using Rectification.Application.Abstractions;

namespace Rectification.Infrastructure.Evidence;

/// <summary>
/// The application's evidence store for one scope (one command): files are staged and judged by <see cref="EvidenceStorage"/> and
/// <see cref="EvidenceContent"/>, and the files kept are remembered until the command is committed or not.
/// </summary>
internal sealed class EvidenceStore(EvidenceStorage storage) : IEvidenceStore
{
    private readonly List<string> kept = [];

    public EvidenceLimits Limits { get; } = new(storage.Options.MaxFileBytes, storage.Options.Package.MaxEntries, storage.Options.Package.MaxUnpackedBytes);

    public async Task<IReceivedEvidence> ReceiveAsync(Stream content, CancellationToken ct)
    {
        var staged = await storage.StageAsync(content, ct);
        if (staged.TooLarge)
        {
            return new Received(this, staged, null);
        }

        try
        {
            return new Received(this, staged, EvidenceContent.Judge(staged.TempPath, storage.Options.Package));
        }
        catch
        {
            EvidenceStorage.Discard(staged.TempPath);
            throw;
        }
    }

    public void DiscardKept()
    {
        foreach (var path in kept)
        {
            EvidenceStorage.Discard(path);
        }

        kept.Clear();
    }

    public void AcceptKept() => kept.Clear();

    /// <summary>The file moved under its id's name: where it now is.</summary>
    private string Commit(StagedEvidence staged, Guid fileId) => storage.PathOf(storage.Commit(staged, fileId));

    private sealed class Received(EvidenceStore store, StagedEvidence staged, ContentVerdict? verdict) : IReceivedEvidence
    {
        private bool isKept;

        public bool TooLarge => staged.TooLarge;

        public long Length => staged.Length;

        public string Sha256 => staged.Sha256;

        public string? ContentType => verdict?.ContentType;

        public string? RefusalCode => verdict is { IsAccepted: false } ? verdict.Code : null;

        public string RefusalReason => verdict?.Reason ?? "";

        public void Keep(Guid fileId)
        {
            if (verdict is not { IsAccepted: true })
            {
                throw new InvalidOperationException("Only a file whose content is accepted is kept.");
            }

            store.kept.Add(store.Commit(staged, fileId));
            isKept = true;
        }

        public void Dispose()
        {
            if (!isKept && !staged.TooLarge)
            {
                EvidenceStorage.Discard(staged.TempPath);
            }
        }
    }
}
