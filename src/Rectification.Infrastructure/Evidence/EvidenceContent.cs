using System.IO.Compression;
using System.Text;

namespace Rectification.Infrastructure.Evidence;

/// <summary>
/// Decides what a file is from its bytes, never from its name or the type the client claimed: PDF, JPEG, PNG, a Word or Excel
/// document (an OOXML zip container holding the part that makes it one, without macros), or plain UTF-8 text. Anything else,
/// an executable renamed to .pdf included, is refused.
/// </summary>
public static class EvidenceContent
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Text = "text/plain; charset=utf-8";

    /// <summary>The detected content type, or null when the content is not of an allowed type.</summary>
    public static string? Detect(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> head = stackalloc byte[8];
        var count = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..count];
        file.Position = 0;

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficeDocument(file);
        }

        return IsPlainText(file) ? Text : null;
    }

    private static string? OfficeDocument(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1024 * 1024)
            {
                return null;
            }

            string manifest;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8))
            {
                manifest = reader.ReadToEnd();
            }

            // A macro-enabled document (.docm/.xlsm) renamed to .docx carries code: not evidence.
            if (manifest.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || zip.GetEntry("word/vbaProject.bin") is not null || zip.GetEntry("xl/vbaProject.bin") is not null)
            {
                return null;
            }

            if (zip.GetEntry("word/document.xml") is not null && manifest.Contains("wordprocessingml.document.main", StringComparison.Ordinal))
            {
                return Docx;
            }

            if (zip.GetEntry("xl/workbook.xml") is not null && manifest.Contains("spreadsheetml.sheet.main", StringComparison.Ordinal))
            {
                return Xlsx;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Well-formed UTF-8 (a BOM allowed) with no control characters but tab, line breaks and form feed.</summary>
    private static bool IsPlainText(Stream file)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        var any = false;
        try
        {
            int read;
            while ((read = file.Read(bytes, 0, bytes.Length)) > 0)
            {
                any = true;
                var n = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                if (HasControl(chars.AsSpan(0, n)))
                {
                    return false;
                }
            }

            var last = decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return any && !HasControl(chars.AsSpan(0, last));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool HasControl(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if ((c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) || c == 0x7F)
            {
                return true;
            }
        }

        return false;
    }
}
