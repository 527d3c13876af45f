using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rectification.Application.Abstractions;
using Rectification.Application.Administration;
using Rectification.Infrastructure.Evidence;
using Rectification.Infrastructure.Jobs;

namespace Rectification.Infrastructure.Operations;

/// <summary>What a backup holds besides the files: the audit chain's head when it was taken, so a restore can be proved whole.</summary>
public sealed record BackupManifest(DateTime TakenAt, string Provider, string? DatabaseFile, string AuditHead, int EvidenceFiles);

/// <summary>
/// The host's <c>backup --to FOLDER</c>: the SQLite file by SQLite's online backup (the system keeps serving), the evidence folder, the
/// audit digests file, and a manifest with the audit chain's head. A server database is backed up with its own tools (pg_dump, BACKUP
/// DATABASE: deploy/OPERATIONS.md), taken after the manifest so that it holds at least the chain the manifest names.
/// </summary>
public static class Backup
{
    public const string DatabaseFileName = "rectification.db";
    public const string EvidenceFolderName = "evidence";
    public const string ManifestFileName = "manifest.json";

    public static async Task<BackupManifest> TakeAsync(IServiceProvider services, string destination, ILogger logger, CancellationToken ct = default)
    {
        Directory.CreateDirectory(destination);
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var head = await new AuditChainVerifier(db, scope.ServiceProvider.GetRequiredService<TimeProvider>()).HeadAsync(ct);

        string? databaseFile = null;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            databaseFile = Path.Combine(destination, DatabaseFileName);
            await using var source = new SqliteConnection(database.ConnectionString);
            await source.OpenAsync(ct);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString());
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }
        else
        {
            logger.LogWarning("The {Provider} database is backed up with its own tools (deploy/OPERATIONS.md); this backup holds the files and the manifest", database.Provider);
        }

        var evidence = scope.ServiceProvider.GetRequiredService<EvidenceStorage>().Folder;
        var copied = CopyFolder(evidence, Path.Combine(destination, EvidenceFolderName));
        var digests = scope.ServiceProvider.GetRequiredService<AuditDigestJob>().File;
        if (File.Exists(digests))
        {
            File.Copy(digests, Path.Combine(destination, Path.GetFileName(digests)), overwrite: true);
        }

        var manifest = new BackupManifest(head.TakenAt, database.Provider.ToString(), databaseFile is null ? null : DatabaseFileName, head.Digest, copied);
        await File.WriteAllTextAsync(Path.Combine(destination, ManifestFileName), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }), ct);
        logger.LogInformation("Backup taken to {Destination}: audit head {Head}, {Files} evidence files", destination, manifest.AuditHead,
            copied.ToString(CultureInfo.InvariantCulture));
        return manifest;
    }

    private static int CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            count++;
        }

        return count;
    }
}
