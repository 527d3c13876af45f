using Microsoft.EntityFrameworkCore;
using Rectification.Domain.Lifecycles;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Infrastructure.Lifecycles;

/// <summary>
/// Publishes the definition files into the database. A version, once published, is frozen: its text is kept so
/// that running cases stay on it after the file moves on, and changing a published version without raising its
/// number stops start-up.
/// </summary>
public static class LifecyclePublisher
{
    public static async Task<IReadOnlyList<LifecycleDefinition>> PublishAsync(RectificationDbContext db, IReadOnlyList<LifecycleDefinition> files, DateTime utcNow, CancellationToken ct = default)
    {
        var published = await db.PublishedLifecycles.AsNoTracking().ToListAsync(ct);
        foreach (var file in files)
        {
            var existing = published.FirstOrDefault(p => p.Name == file.Name && p.Version == file.Version);
            if (existing is null)
            {
                db.PublishedLifecycles.Add(new PublishedLifecycle
                {
                    Name = file.Name, Version = file.Version, ContentHash = file.ContentHash, Source = file.Source, PublishedAt = utcNow,
                });
            }
            else if (existing.ContentHash != file.ContentHash)
            {
                throw new LifecycleFileException($"{file.Name}.yaml", 1,
                    $"version {file.Version} of lifecycle '{file.Name}' was published on {existing.PublishedAt:yyyy-MM-dd} with different content; raise 'version' to publish a change");
            }
        }

        await db.SaveChangesAsync(ct);
        var fromFiles = files.ToDictionary(f => (f.Name, f.Version));
        return (await db.PublishedLifecycles.AsNoTracking().ToListAsync(ct))
            .Select(p => fromFiles.TryGetValue((p.Name, p.Version), out var f) ? f : LifecycleFileReader.Parse(p.Source, $"{p.Name} v{p.Version} (published)"))
            .ToList();
    }
}
