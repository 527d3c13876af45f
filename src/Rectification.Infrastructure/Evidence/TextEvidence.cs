using System.Text;
using System.Text.RegularExpressions;

namespace Rectification.Infrastructure.Evidence;

/// <summary>
/// Judges a file that is not of a binary type: well-formed UTF-8 (a BOM allowed) with no control characters but tab, line
/// breaks and form feed, and not markup a browser would run. A downloaded "report.html" or "chart.svg" opens in the browser
/// from disk and runs its script there, so HTML, SVG, XHTML and anything with a script element, an event-handler attribute
/// or a script URL in a tag is refused, wherever in the text it stands.
/// </summary>
internal static partial class TextEvidence
{
    private const int ChunkBytes = 64 * 1024;

    // Re-scanned with the next chunk, so a marker cut by a chunk boundary is still seen; a single tag longer than this is not
    // something an editor writes.
    private const int CarryChars = 4096;

    public static ContentVerdict Inspect(Stream file)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[ChunkBytes];
        var chars = new char[ChunkBytes + 4];
        var carry = "";
        var any = false;
        try
        {
            int read;
            while (true)
            {
                read = file.Read(bytes, 0, bytes.Length);
                var last = read == 0;
                any |= read > 0;
                var n = decoder.GetChars(bytes, 0, read, chars, 0, flush: last);
                var text = chars.AsSpan(0, n);
                if (HasControl(text))
                {
                    return NotText("the text has control characters");
                }

                var window = string.Concat(carry, text);
                if (ActiveMarkup().Match(window) is { Success: true } markup)
                {
                    return ContentVerdict.Refused(ContentRefusal.ActiveMarkup, $"the text is active markup: \"{Shorten(markup.Value)}\"");
                }

                if (last)
                {
                    return any ? ContentVerdict.Accepted(EvidenceContent.Text) : NotText("the file is empty");
                }

                carry = window.Length > CarryChars ? window[^CarryChars..] : window;
            }
        }
        catch (DecoderFallbackException)
        {
            return NotText("not UTF-8");
        }
    }

    private static ContentVerdict NotText(string reason) => ContentVerdict.Refused(ContentRefusal.TypeNotAllowed, reason);

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

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    // Elements that run or load code or documents, an HTML doctype, an XSLT stylesheet, a namespaced script element, the XHTML
    // and SVG namespaces, an on…= handler or a javascript:/vbscript: URL inside a tag. Linear time whatever the input.
    [GeneratedRegex("""
        <(?:script|iframe|frame|frameset|object|embed|applet|svg|html|meta|base|link|form)\b
        | <!doctype\s+html
        | <\?xml-stylesheet
        | <[a-z][\w.-]*:script\b
        | http://www\.w3\.org/(?:1999/xhtml|2000/svg)
        | <[a-z][^<>]*[\s/"']on[a-z]+\s*=
        | <[a-z][^<>]*(?:java|vb)script\s*:
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.NonBacktracking)]
    private static partial Regex ActiveMarkup();
}
