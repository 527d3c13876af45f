namespace Rectification.Domain.Problems;

/// <summary>
/// An uploaded evidence file (佐证材料) of a problem. The bytes live outside the database and the web root under a
/// generated name; the row keeps what the user called the file, what its content turned out to be and its SHA-256,
/// so that progress reports and the write-off record can cite the real hash. Files are never changed, only added.
/// </summary>
public sealed class EvidenceFile
{
    public Guid Id { get; private set; }
    public Guid ProblemId { get; private set; }

    /// <summary>The problem's unit, copied so that scope is checked without a join.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The name the uploader gave, sanitized; only ever shown and offered as the download name, never used as a path.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The type detected from the content, not the one the client claimed.</summary>
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";

    /// <summary>Relative to the evidence folder, derived from the id: nothing the client sent reaches the file system.</summary>
    public string StoredName { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public Guid UploadedBy { get; private set; }

    private EvidenceFile() { }

    public static EvidenceFile Record(Guid id, Guid problemId, Guid unitId, string fileName, string contentType, long length, string sha256,
        string storedName, DateTime utcNow, Guid uploadedBy) => new()
    {
        Id = id,
        ProblemId = problemId,
        UnitId = unitId,
        FileName = fileName,
        ContentType = contentType,
        Length = length,
        Sha256 = sha256,
        StoredName = storedName,
        UploadedAt = utcNow,
        UploadedBy = uploadedBy,
    };

    /// <summary>Where the bytes of a file with this id are kept, below the evidence folder: two levels spread the files over folders.</summary>
    public static string StoredNameFor(Guid id)
    {
        var hex = id.ToString("N");
        // The last characters of a version-7 id are random; the first are a timestamp and would put a day's files in one folder.
        return $"{hex[^2..]}/{hex}";
    }
}
