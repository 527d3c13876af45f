using System.Buffers;
using System.Globalization;
using System.Text;

namespace Rectification.Domain.Common;

/// <summary>
/// The characters no text of this application may hold: control characters other than tab, line feed and carriage return, and
/// the invisible format characters, among them the direction overrides and isolates (U+202A–U+202E, U+2066–U+2069, which can make
/// a text read differently from what it holds, e.g. U+202E turns "cod.exe" into "exe.doc" on screen), the direction marks, the
/// zero-width characters (U+200B–U+200D, U+2060) and the byte-order mark U+FEFF; likewise the line and paragraph separators and
/// halves of surrogate pairs. Private-use and not-yet-assigned characters stay allowed: rare characters in people's and places'
/// names are often encoded there.
/// </summary>
/// <remarks>Evidence file names (Application/Problems/EvidenceFileName) apply this rule too, dropping what it forbids instead of refusing it.</remarks>
public static class PlainText
{
    public sealed record Violation(int Position, string CodePoint);

    /// <summary>The first character <paramref name="text"/> may not hold (its 1-based position in characters, and "U+XXXX"), or null.</summary>
    public static Violation? FirstForbidden(string text)
    {
        var rest = text.AsSpan();
        var position = 1;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
            {
                return new Violation(position, string.Create(CultureInfo.InvariantCulture, $"U+{(int)rest[0]:X4}"));
            }

            if (IsForbidden(rune))
            {
                return new Violation(position, string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}"));
            }

            rest = rest[consumed..];
            position += consumed;
        }

        return null;
    }

    public static bool IsForbidden(Rune rune) => rune.Value is not ('\t' or '\n' or '\r') && Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
