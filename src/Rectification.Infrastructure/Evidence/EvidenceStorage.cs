using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Rectification.Domain.Problems;

namespace Rectification.Infrastructure.Evidence;

/// <summary>
/// Configuration: <c>Evidence:Folder</c> (default <c>data/evidence</c>, relative to the content root like the database file),
/// <c>Evidence:MaxFileBytes</c> (default 20 MB), and for Word and Excel files <c>Evidence:MaxPackageEntries</c> (default
/// 10,000) and <c>Evidence:MaxUnpackedBytes</c> (default 200 MB, counted as the entries are really unpacked).
/// </summary>
public sealed record EvidenceOptions(string Folder, long MaxFileBytes, PackageLimits Package)
{
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;

    /// <summary>Room for the multipart boundaries and part headers around the file, so the request limit never cuts a file within its own limit.</summary>
    public const long EnvelopeBytes = 64 * 1024;

    public long MaxRequestBytes => MaxFileBytes + EnvelopeBytes;

    public static EvidenceOptions Read(IConfiguration configuration)
    {
        var options = new EvidenceOptions(configuration["Evidence:Folder"] is { Length: > 0 } folder ? folder : Path.Combine("data", "evidence"),
            configuration.GetValue("Evidence:MaxFileBytes", DefaultMaxFileBytes),
            new PackageLimits(configuration.GetValue("Evidence:MaxPackageEntries", PackageLimits.DefaultMaxEntries),
                configuration.GetValue("Evidence:MaxUnpackedBytes", PackageLimits.DefaultMaxUnpackedBytes)));
        return options switch
        {
            { MaxFileBytes: <= 0 } => throw new InvalidOperationException("Evidence:MaxFileBytes must be positive."),
            { Package.MaxEntries: <= 0 } => throw new InvalidOperationException("Evidence:MaxPackageEntries must be positive."),
            { Package.MaxUnpackedBytes: <= 0 } => throw new InvalidOperationException("Evidence:MaxUnpackedBytes must be positive."),
            _ => options,
        };
    }
}

/// <summary>A file received and hashed, waiting under a temporary name for its row to be recorded.</summary>
public sealed record StagedEvidence(string TempPath, long Length, string Sha256, bool TooLarge);

/// <summary>
/// Keeps evidence bytes in a folder outside the web root under names derived from the file id. A file is received into
/// <c>.incoming/</c> (hashed and counted as it streams, never held in memory), moved to its final name, and only then recorded
/// in the database: a crash in between leaves an unreferenced file, never a row pointing at nothing.
/// </summary>
public sealed class EvidenceStorage
{
    private const string Incoming = ".incoming";

    public EvidenceStorage(IConfiguration configuration, IHostEnvironment environment)
    {
        Options = EvidenceOptions.Read(configuration);
        Folder = Path.GetFullPath(Options.Folder, environment.ContentRootPath);
        var webRoot = (environment as IWebHostEnvironment)?.WebRootPath is { Length: > 0 } w ? w : Path.Combine(environment.ContentRootPath, "wwwroot");
        if (IsWithin(Folder, Path.GetFullPath(webRoot)))
        {
            // Anything under the web root could one day be served as a static file, past every authorization check.
            throw new InvalidOperationException($"Evidence:Folder ({Folder}) lies inside the web root ({webRoot}); choose a folder outside it.");
        }
    }

    public EvidenceOptions Options { get; }

    public string Folder { get; }

    public string PathOf(string storedName)
    {
        var path = Path.GetFullPath(Path.Combine(Folder, storedName));
        return IsWithin(path, Folder) ? path : throw new InvalidOperationException("A stored name left the evidence folder.");
    }

    /// <summary>Streams <paramref name="source"/> to a temporary file, hashing it; stops (and deletes it) one byte past the limit.</summary>
    public async Task<StagedEvidence> StageAsync(Stream source, CancellationToken ct)
    {
        var folder = Path.Combine(Folder, Incoming);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        var buffer = new byte[81920];
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > Options.MaxFileBytes)
                    {
                        break;
                    }

                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (length > Options.MaxFileBytes)
            {
                File.Delete(path);
                return new StagedEvidence("", length, "", TooLarge: true);
            }

            return new StagedEvidence(path, length, Convert.ToHexStringLower(hash.GetHashAndReset()), TooLarge: false);
        }
        catch
        {
            Discard(path);
            throw;
        }
    }

    /// <summary>Moves a staged file to the name its id gives; the id is new, so nothing is ever overwritten.</summary>
    public string Commit(StagedEvidence staged, Guid id)
    {
        var storedName = EvidenceFile.StoredNameFor(id);
        var path = PathOf(storedName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(staged.TempPath, path, overwrite: false);
        return storedName;
    }

    public Stream OpenRead(string storedName) =>
        new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public static void Discard(string path)
    {
        try
        {
            if (path.Length > 0)
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // Left in .incoming/: unreferenced, and harmless.
        }
    }

    private static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Folder} (≤ {Options.MaxFileBytes} bytes)");
}
