using System.Globalization;
using Rectification.Application.Problems;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;

namespace Rectification.Application.Documents;

/// <summary>
/// The wording of the write-off record (问题整改销号单), in Simplified Chinese or English: what was fixed, with which evidence
/// (by hash), who signed, and the seal over all of it, so the printed page and the filed .docx state the same record.
/// </summary>
public static class WriteOffDocument
{
    public static PrintedDocument Of(WriteOffRecord r, bool en)
    {
        string L(string zh, string english) => en ? english : zh;
        static string Time(DateTime utc) => OfficeTime.LocalOf(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var kind = r.Kind is { } k && Enum.TryParse<RectificationKind>(k, out var parsed) ? Glossary.Of(parsed).For(en ? "en" : "zh-CN") : "—";
        var blocks = new List<Block>
        {
            new Heading(L("问题整改销号单", "Write-off record"), 1),
            new Table([], [
                [L("被巡察单位", "Unit"), r.UnitName],
                [L("巡察组", "Inspection group"), r.InspectionGroup],
                [L("问题编号", "Problem"), $"{r.ProblemCode}　{r.Title}"],
                [L("问题描述", "Description"), r.Description],
                [L("整改措施", "Measures"), r.Measures],
                [L("责任领导 / 责任部门", "Responsible leader / department"), $"{r.ResponsibleLeader} / {r.ResponsibleDepartment}"],
                [L("整改类型 / 时限", "Kind / deadline"), $"{kind} / {r.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"}"],
                [L("销号时间", "Closed"), Time(r.ClosedAt) + L("（北京时间）", " (Beijing time)")],
            ], RowHeaders: true),
            new Heading(L("佐证材料", "Evidence"), 2),
            new Table([L("文件", "File"), "SHA-256"], [.. r.Evidence.Select(e => (IReadOnlyList<string>)[e.FileName, e.Sha256])]),
            new Heading(L("签字", "Signatures"), 2),
            new Table([L("签字方", "Party"), L("签字人", "Signer"), L("时间", "Time"), L("意见", "Comment")],
                [.. r.Signatures.Select(s => (IReadOnlyList<string>)[Glossary.Of(s.Party).For(en ? "en" : "zh-CN"), s.Signer, Time(s.SignedAt), s.Comment])]),
            new Paragraph(L("校验码：", "Seal: ") + r.Seal),
        };
        return new PrintedDocument(L("问题整改销号单", "Write-off record") + " " + r.ProblemCode, en ? "en" : "zh-CN", blocks, L("问题整改销号单", "write-off") + "-" + r.ProblemCode);
    }
}
