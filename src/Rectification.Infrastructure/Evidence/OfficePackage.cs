using System.IO.Compression;
using System.Xml;

namespace Rectification.Infrastructure.Evidence;

/// <summary>
/// Judges a zip that claims to be a Word or Excel document by what is inside, read once: the entry list (no duplicates, not
/// too many), <c>[Content_Types].xml</c> (no macro-enabled, VBA, ActiveX, OLE or embedded-package types, for any part),
/// every <c>.rels</c> part (no code relationships whatever the target is called, nothing fetched from outside when opened),
/// and every entry's first bytes (no Windows or Linux executable, no OLE compound file) and name (no program extension),
/// all while counting the bytes really unpacked. Only then is it recognized as a document by its main part.
/// </summary>
internal static class OfficePackage
{
    private static readonly HashSet<string> ProgramExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".bin", ".exe", ".dll", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".hta", ".ps1", ".bat", ".cmd", ".scr", ".com", ".msi", ".jar", ".lnk", ".cpl",
    };

    public static ContentVerdict Inspect(Stream file, PackageLimits limits)
    {
        if (ZipDirectory.DeclaredEntryCount(file) is { } declared && declared > limits.MaxEntries)
        {
            return TooLarge($"the zip declares {declared} entries, more than {limits.MaxEntries}");
        }

        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            return Inspect(zip, limits);
        }
        catch (UnpackLimitExceededException e)
        {
            return TooLarge(e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or NotSupportedException)
        {
            return ContentVerdict.Refused(ContentRefusal.PackageMalformed, $"unreadable package: {e.Message}");
        }
    }

    /// <summary>An entry name as Office compares part names: forward slashes, no leading slash (case is compared ignoring it).</summary>
    public static string Normalize(string name) => name.Replace('\\', '/').TrimStart('/');

    private static ContentVerdict Inspect(ZipArchive zip, PackageLimits limits)
    {
        var entries = zip.Entries;
        if (entries.Count > limits.MaxEntries)
        {
            return TooLarge($"the zip has {entries.Count} entries, more than {limits.MaxEntries}");
        }

        // Two entries of one name (or of names Windows takes for one) are read differently by different readers: the one
        // checked here need not be the one Office opens.
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (!names.Add(Normalize(entry.FullName)))
            {
                return ContentVerdict.Refused(ContentRefusal.PackageMalformed, $"the entry {entry.FullName} appears more than once");
            }
        }

        var manifest = entries.FirstOrDefault(e => Normalize(e.FullName).Equals(OfficeContentTypes.PartName, StringComparison.OrdinalIgnoreCase));
        if (manifest is null)
        {
            return ContentVerdict.Refused(ContentRefusal.TypeNotAllowed, "a zip without [Content_Types].xml is not an Office document");
        }

        var budget = new UnpackBudget(limits.MaxUnpackedBytes);
        OfficeContentTypes types;
        using (var part = Open(budget, manifest))
        {
            types = OfficeContentTypes.Read(part);
        }

        if (types.FirstActive() is { } active)
        {
            return ContentVerdict.Refused(ContentRefusal.ActiveContent, $"[Content_Types].xml declares {active}");
        }

        foreach (var entry in entries)
        {
            if (entry == manifest || entry.FullName.EndsWith('/'))
            {
                continue;
            }

            if (Judge(entry, budget, types) is { } refused)
            {
                return refused;
            }
        }

        return Recognize(names, types);
    }

    private static ContentVerdict? Judge(ZipArchiveEntry entry, UnpackBudget budget, OfficeContentTypes types)
    {
        var name = Normalize(entry.FullName);
        var extension = Path.GetExtension(name);

        // Office keeps embedded objects and packages (OLE objects, a chart's data workbook) in an "embeddings" folder.
        if (name.Split('/').Contains("embeddings", StringComparer.OrdinalIgnoreCase))
        {
            return ContentVerdict.Refused(ContentRefusal.ActiveContent, $"{name} is an embedded object");
        }

        // Excel's printer settings are the one ".bin" part Office writes in macro-free files; their bytes are still checked below.
        if (ProgramExtensions.Contains(extension)
            && !(extension.Equals(".bin", StringComparison.OrdinalIgnoreCase) && types.TypeOf(name) == OfficeContentTypes.PrinterSettings))
        {
            return ContentVerdict.Refused(ContentRefusal.ActiveContent, $"{name} has a program's extension");
        }

        using var part = Open(budget, entry);
        if (extension.Equals(".rels", StringComparison.OrdinalIgnoreCase))
        {
            if (OfficeRelationships.Judge(part, name) is { } refused)
            {
                return refused;
            }
        }
        else
        {
            Span<byte> head = stackalloc byte[8];
            head = head[..part.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
            if (head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F'])
                || head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            {
                return ContentVerdict.Refused(ContentRefusal.ActiveContent, $"{name} is an executable or an OLE compound file");
            }
        }

        // Read to the end, so every byte the entry unpacks to is counted.
        part.CopyTo(Stream.Null);
        return null;
    }

    private static ContentVerdict Recognize(HashSet<string> names, OfficeContentTypes types)
    {
        if (names.Contains("word/document.xml") && types.TypeOf("word/document.xml") == OfficeContentTypes.WordMain)
        {
            return ContentVerdict.Accepted(EvidenceContent.Docx);
        }

        if (names.Contains("xl/workbook.xml") && types.TypeOf("xl/workbook.xml") == OfficeContentTypes.ExcelMain)
        {
            return ContentVerdict.Accepted(EvidenceContent.Xlsx);
        }

        return ContentVerdict.Refused(ContentRefusal.TypeNotAllowed, "a zip without a Word or Excel main part");
    }

    private static Stream Open(UnpackBudget budget, ZipArchiveEntry entry) => budget.Open(entry.Open(), entry.FullName, entry.CompressedLength);

    private static ContentVerdict TooLarge(string reason) => ContentVerdict.Refused(ContentRefusal.PackageTooLarge, reason);
}
