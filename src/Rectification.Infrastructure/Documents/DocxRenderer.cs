using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Rectification.Application.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Rectification.Infrastructure.Documents;

/// <summary>
/// The same document as a Word file (.docx, Office Open XML) the unit can edit, stamp and file. Chinese text is set in 仿宋 /
/// 宋体 with the East Asian font slot, so Word and WPS render it without substituting fonts; A4 with the usual margins.
/// </summary>
internal static class DocxRenderer
{
    public static byte[] Render(PrintedDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new W.Styles(new W.DocDefaults(
                new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                    new W.RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "FangSong", ComplexScript = "Times New Roman" },
                    new W.FontSize { Val = "28" },
                    new W.Languages { Val = document.Language == "en" ? "en-US" : "zh-CN", EastAsia = "zh-CN" })),
                new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(new W.SpacingBetweenLines { After = "80", Line = "360", LineRule = W.LineSpacingRuleValues.Auto }))));

            var body = new W.Body();
            foreach (var block in document.Blocks)
            {
                body.Append(block switch
                {
                    Heading h => Para(h.Text, bold: true, size: h.Level switch { 1 => 44, 2 => 32, _ => 28 },
                        h.Level == 1 ? W.JustificationValues.Center : W.JustificationValues.Left, font: h.Level < 3 ? "SimHei" : null),
                    Paragraph p => Para(p.Text, p.Bold, 28, p.AlignRight ? W.JustificationValues.Right : W.JustificationValues.Both, indent: !p.Bold && !p.AlignRight),
                    Table t => Grid(t),
                    _ => throw new ArgumentOutOfRangeException(nameof(document), block, "Unknown block."),
                });
            }

            body.Append(new W.SectionProperties(
                new W.PageSize { Width = 11906U, Height = 16838U },
                new W.PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U }));
            main.Document = new W.Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static W.Paragraph Para(string text, bool bold, int size, W.JustificationValues align, bool indent = false, string? font = null)
    {
        // The schema fixes the order of paragraph properties (ind before jc); Word calls a file with them swapped corrupt.
        var properties = new W.ParagraphProperties();
        if (indent)
        {
            // Two characters' first-line indent, the layout of Chinese official documents.
            properties.Append(new W.Indentation { FirstLineChars = 200 });
        }

        properties.Append(new W.Justification { Val = align });

        var run = new W.RunProperties();
        if (font is not null) run.Append(new W.RunFonts { EastAsia = font, Ascii = font, HighAnsi = font });
        if (bold) run.Append(new W.Bold());
        run.Append(new W.FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var paragraph = new W.Paragraph(properties);
        paragraph.Append(Runs(text, run));
        return paragraph;
    }

    private static W.Table Grid(Table t)
    {
        // Borders in the schema's order (top, left, bottom, right, inside): Word is strict about it.
        var borders = new W.TableBorders(
            new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 });
        var table = new W.Table(new W.TableProperties(new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct }, borders,
            new W.TableLayout { Type = W.TableLayoutValues.Autofit }));
        table.Append(Columns(t));
        if (t.Header.Count > 0)
        {
            table.Append(Row(t.Header, _ => true, header: true));
        }

        foreach (var row in t.Rows)
        {
            table.Append(Row(row, i => t.RowHeaders && i == 0, header: false));
        }

        return table;
    }

    /// <summary>The grid the schema requires: a form gives its labels a quarter of the text width, other tables share it evenly.</summary>
    private static W.TableGrid Columns(Table t)
    {
        const int textWidth = 11906 - 1588 - 1474;
        var count = Math.Max(1, Math.Max(t.Header.Count, t.Rows.Count == 0 ? 0 : t.Rows.Max(r => r.Count)));
        var widths = t.RowHeaders && count == 2 ? [textWidth / 4, textWidth - textWidth / 4] : Enumerable.Repeat(textWidth / count, count).ToArray();
        return new W.TableGrid(widths.Select(w => new W.GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    private static W.TableRow Row(IReadOnlyList<string> cells, Func<int, bool> bold, bool header)
    {
        var row = new W.TableRow();
        if (header)
        {
            // Repeated at the top of every page the table runs onto.
            row.Append(new W.TableRowProperties(new W.TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var properties = new W.RunProperties();
            if (bold(i)) properties.Append(new W.Bold());
            properties.Append(new W.FontSize { Val = "24" });
            var paragraph = new W.Paragraph(new W.ParagraphProperties(new W.SpacingBetweenLines { After = "0" }));
            paragraph.Append(Runs(cells[i], properties));
            row.Append(new W.TableCell(paragraph));
        }

        return row;
    }

    /// <summary>One run per line of the text, with breaks between; characters XML cannot hold are dropped rather than failing the document.</summary>
    private static IEnumerable<W.Run> Runs(string text, W.RunProperties properties)
    {
        var lines = XmlSafe(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new W.Run((W.RunProperties)properties.CloneNode(true));
            if (i > 0) run.Append(new W.Break());
            run.Append(new W.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            yield return run;
        }
    }

    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }

        return safe.ToString();
    }
}
