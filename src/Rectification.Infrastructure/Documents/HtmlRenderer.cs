using System.Net;
using System.Text;
using Rectification.Application.Documents;

namespace Rectification.Infrastructure.Documents;

/// <summary>A printable, self-contained page (inline styles only, as the API's content security policy allows); the browser prints it to PDF.</summary>
internal static class HtmlRenderer
{
    public static string Render(PrintedDocument document)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="{document.Language}"><head><meta charset="utf-8"><title>{E(document.Title)}</title>
            <style>
            body {"{"} font-family: 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'SimSun', serif; margin: 2cm; color: #111; line-height: 1.7; {"}"}
            h1 {"{"} text-align: center; font-size: 22pt; letter-spacing: .2em; font-family: 'SimHei', 'Noto Sans CJK SC', sans-serif; {"}"}
            h2 {"{"} font-size: 16pt; font-family: 'SimHei', 'Noto Sans CJK SC', sans-serif; {"}"}
            h3 {"{"} font-size: 14pt; {"}"}
            table {"{"} width: 100%; border-collapse: collapse; margin: 12px 0; {"}"}
            th, td {"{"} border: 1px solid #333; padding: 6px 8px; text-align: left; vertical-align: top; {"}"}
            th {"{"} background: #f3f3f3; {"}"}
            table.form th {"{"} width: 22%; {"}"}
            p.right {"{"} text-align: right; {"}"}
            p {"{"} text-indent: 2em; margin: .4em 0; {"}"}
            p.right, p.plain {"{"} text-indent: 0; {"}"}
            @media print {"{"} body {"{"} margin: 1cm; {"}"} h2, h3 {"{"} break-after: avoid; {"}"} tr {"{"} break-inside: avoid; {"}"} {"}"}
            </style></head><body>

            """);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    html.Append($"<h{h.Level}>{E(h.Text)}</h{h.Level}>\n");
                    break;
                case Paragraph p:
                    var text = p.Bold ? $"<strong>{E(p.Text)}</strong>" : E(p.Text);
                    html.Append($"<p class=\"{(p.AlignRight ? "right" : p.Bold ? "plain" : "body")}\">{text}</p>\n");
                    break;
                case Table t:
                    html.Append(t.RowHeaders ? "<table class=\"form\">\n" : "<table>\n");
                    if (t.Header.Count > 0)
                    {
                        html.Append("<tr>").AppendJoin("", t.Header.Select(c => $"<th>{E(c)}</th>")).Append("</tr>\n");
                    }

                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        for (var i = 0; i < row.Count; i++)
                        {
                            html.Append(t.RowHeaders && i == 0 ? $"<th>{E(row[i])}</th>" : $"<td>{E(row[i])}</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</table>\n");
                    break;
            }
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }
}
