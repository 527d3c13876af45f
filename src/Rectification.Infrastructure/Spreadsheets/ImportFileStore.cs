using System.Text.Json;
using Rectification.Application.Abstractions;
using Rectification.Application.Imports;

namespace Rectification.Infrastructure.Spreadsheets;

/// <summary>
/// Uploaded import sheets in a folder of the machine's temporary directory, one folder per uploader, with the check's mark beside
/// each file as JSON. Files older than a day go at the next upload. One instance only: behind a load balancer the upload and the
/// import must reach the same instance (sticky sessions), or point <c>Imports:Folder</c> at a shared folder.
/// </summary>
public sealed class ImportFileStore(string folder, TimeProvider clock) : IImportFileStore
{
    private string Folder(Guid owner) => Path.Combine(folder, owner.ToString("N"));

    private string FileOf(Guid owner, Guid id) => Path.Combine(Folder(owner), id.ToString("N") + ".xlsx");

    private string MarkOf(Guid owner, Guid id) => Path.Combine(Folder(owner), id.ToString("N") + ".json");

    public async Task<Guid> SaveAsync(Guid ownerId, Stream content, CancellationToken ct)
    {
        RemoveOld();
        Directory.CreateDirectory(Folder(ownerId));
        var id = Guid.CreateVersion7();
        await using var file = File.Create(FileOf(ownerId, id));
        await content.CopyToAsync(file, ct);
        return id;
    }

    public Stream? Open(Guid ownerId, Guid fileId) => File.Exists(FileOf(ownerId, fileId)) ? File.OpenRead(FileOf(ownerId, fileId)) : null;

    public ImportMark? Mark(Guid ownerId, Guid fileId) =>
        File.Exists(MarkOf(ownerId, fileId)) ? JsonSerializer.Deserialize<ImportMark>(File.ReadAllText(MarkOf(ownerId, fileId))) : null;

    public void SetMark(Guid ownerId, Guid fileId, ImportMark? mark)
    {
        if (mark is null)
        {
            File.Delete(MarkOf(ownerId, fileId));
            return;
        }

        File.WriteAllText(MarkOf(ownerId, fileId), JsonSerializer.Serialize(mark));
    }

    private void RemoveOld()
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var before = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < before)
                {
                    File.Delete(file);
                }
            }
            catch (IOException)
            {
                // In use or gone already: the next upload tries again.
            }
        }
    }
}
