using System.Globalization;
using System.Net;
using System.Text;
using Rectification.Application.Localization;
using Rectification.Application.Problems;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;

namespace Rectification.Web.Endpoints;

/// <summary>The printable write-off record (销号单); the browser's print turns it into the PDF a unit files.</summary>
public static class WriteOffPage
{
    public static string Render(WriteOffRecord r)
    {
        var en = Messages.IsEnglish(CultureInfo.CurrentUICulture);
        string L(string zh, string english) => en ? english : zh;
        static string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="{(en ? "en" : "zh-CN")}"><head><meta charset="utf-8"><title>{E(L("问题整改销号单", "Write-off record"))} {E(r.ProblemCode)}</title>
            <style>
            body {"{"} font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; margin: 2cm; color: #111; {"}"}
            h1 {"{"} text-align: center; font-size: 22pt; letter-spacing: .2em; {"}"}
            table {"{"} width: 100%; border-collapse: collapse; margin: 12px 0; {"}"}
            th, td {"{"} border: 1px solid #333; padding: 6px 8px; text-align: left; vertical-align: top; {"}"}
            th {"{"} width: 22%; background: #f3f3f3; {"}"}
            .seal {"{"} font-family: monospace; word-break: break-all; {"}"}
            @media print {"{"} body {"{"} margin: 1cm; {"}"} {"}"}
            </style></head><body>
            <h1>{E(L("问题整改销号单", "Write-off record"))}</h1>
            <table>
            <tr><th>{E(L("被巡察单位", "Unit"))}</th><td>{E(r.UnitName)}</td></tr>
            <tr><th>{E(L("巡察组", "Inspection group"))}</th><td>{E(r.InspectionGroup)}</td></tr>
            <tr><th>{E(L("问题编号", "Problem"))}</th><td>{E(r.ProblemCode)}　{E(r.Title)}</td></tr>
            <tr><th>{E(L("问题描述", "Description"))}</th><td>{E(r.Description)}</td></tr>
            <tr><th>{E(L("整改措施", "Measures"))}</th><td>{E(r.Measures)}</td></tr>
            <tr><th>{E(L("责任领导 / 责任部门", "Responsible leader / department"))}</th><td>{E(r.ResponsibleLeader)} / {E(r.ResponsibleDepartment)}</td></tr>
            <tr><th>{E(L("整改类型 / 时限", "Kind / deadline"))}</th><td>{E(r.Kind is { } kind && Enum.TryParse<RectificationKind>(kind, out var k) ? L(Glossary.Of(k).ZhCn, Glossary.Of(k).En) : "—")} / {E(r.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}</td></tr>
            <tr><th>{E(L("销号时间", "Closed"))}</th><td>{E(OfficeTime.LocalOf(r.ClosedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</td></tr>
            </table>
            <h2>{E(L("佐证材料", "Evidence"))}</h2><table><tr><th>{E(L("文件", "File"))}</th><td>SHA-256</td></tr>
            """);
        foreach (var e in r.Evidence)
        {
            html.Append($"<tr><th>{E(e.FileName)}</th><td class=\"seal\">{E(e.Sha256)}</td></tr>\n");
        }

        html.Append($"</table><h2>{E(L("签字", "Signatures"))}</h2><table>\n");
        foreach (var s in r.Signatures)
        {
            html.Append($"<tr><th>{E(L(Glossary.Of(s.Party).ZhCn, Glossary.Of(s.Party).En))}</th><td>{E(s.Signer)}　{E(OfficeTime.LocalOf(s.SignedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}　{E(s.Comment)}</td></tr>\n");
        }

        html.Append($"</table><p>{E(L("校验码", "Seal"))}: <span class=\"seal\">{E(r.Seal)}</span></p></body></html>\n");
        return html.ToString();
    }
}
