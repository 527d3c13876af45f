using System.Globalization;
using System.Text;
using Rectification.Domain.Common;

namespace Rectification.Application.Problems;

/// <summary>
/// The name an uploader gave a file, made safe to store and to offer back as a download name. A name that tries to be a path
/// (separators, "..", a drive) is refused outright: a client that sends one is broken or hostile, and guessing the meant name
/// would hide that. Otherwise invisible and direction-changing characters are dropped (U+202E can make "exe.pdf" read as
/// "fdp.exe"), characters Windows forbids become "_", trailing dots and spaces go, and the name is kept to 120 characters
/// with its extension. The name is never used as a path: files are stored under their id.
/// </summary>
public static class EvidenceFileName
{
    private const int MaxLength = 120;
    private static readonly string[] WindowsDevices = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    /// <summary>The safe name, or null when the name is refused.</summary>
    public static string? Sanitize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var name = raw.Trim().Trim('"').Normalize(NormalizationForm.FormC);
        if (name.Contains('/') || name.Contains('\\') || name == "." || name == ".." || name.StartsWith("..", StringComparison.Ordinal)
            || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
        {
            return null;
        }

        var safe = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            // The texts' rule, and stricter: a file name also loses tab and line breaks, and characters other systems may not show.
            if (PlainText.IsForbidden(rune) || rune.Value is '\t' or '\n' or '\r'
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            safe.Append(rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? "_" : rune.ToString());
        }

        var cleaned = safe.ToString().TrimEnd('.', ' ').TrimStart(' ');
        if (cleaned.Length == 0 || cleaned.All(c => c == '.'))
        {
            return null;
        }

        var extension = Path.GetExtension(cleaned);
        if (extension.Length > 16)
        {
            extension = "";
        }

        var stem = cleaned[..^extension.Length];
        if (WindowsDevices.Contains(stem.Split('.')[0], StringComparer.OrdinalIgnoreCase))
        {
            stem = "_" + stem;
        }

        if (stem.Length + extension.Length > MaxLength)
        {
            // Cut by text elements, so a Chinese character or an emoji is never split in half.
            var info = new StringInfo(stem);
            var keep = Math.Max(1, MaxLength - extension.Length);
            stem = info.LengthInTextElements > keep ? info.SubstringByTextElements(0, keep) : stem;
            while (stem.Length + extension.Length > MaxLength && stem.Length > 1)
            {
                stem = new StringInfo(stem).SubstringByTextElements(0, new StringInfo(stem).LengthInTextElements - 1);
            }
        }

        return stem.Length == 0 ? null : stem + extension;
    }
}
