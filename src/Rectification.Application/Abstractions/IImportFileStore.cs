using Rectification.Application.Imports;

namespace Rectification.Application.Abstractions;

/// <summary>
/// Uploaded import sheets between the upload, the preview and the import, each kept for its uploader only (another user's file
/// id finds nothing), with the mark a successful check leaves and the import's progress. Files older than a day are removed.
/// </summary>
public interface IImportFileStore
{
    Task<Guid> SaveAsync(Guid ownerId, Stream content, CancellationToken ct);

    /// <summary>The file, or null when this owner has no such file.</summary>
    Stream? Open(Guid ownerId, Guid fileId);

    /// <summary>The mark of a check that found every row valid, with the progress of the import since; null when none.</summary>
    ImportMark? Mark(Guid ownerId, Guid fileId);

    void SetMark(Guid ownerId, Guid fileId, ImportMark? mark);
}
