namespace Rectification.Infrastructure.Evidence;

/// <summary>
/// Decides what a file is from its bytes, never from its name or the type the client claimed: PDF, JPEG, PNG, a Word or Excel
/// document (an OOXML package judged by <see cref="OfficePackage"/>), or plain UTF-8 text that is not active markup
/// (<see cref="TextEvidence"/>). Anything else, an executable renamed to .pdf included, is refused, with the reason.
/// </summary>
public static class EvidenceContent
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Text = "text/plain; charset=utf-8";

    public static ContentVerdict Judge(string path, PackageLimits limits)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> head = stackalloc byte[8];
        head = head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        file.Position = 0;

        if (head.StartsWith("%PDF-"u8))
        {
            return ContentVerdict.Accepted(Pdf);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ContentVerdict.Accepted(Jpeg);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ContentVerdict.Accepted(Png);
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficePackage.Inspect(file, limits);
        }

        return TextEvidence.Inspect(file);
    }
}
