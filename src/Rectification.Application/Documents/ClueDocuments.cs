using System.Globalization;
using Rectification.Application.Clues;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;

namespace Rectification.Application.Documents;

/// <summary>The wording of the monthly clue report (线索月报), in Simplified Chinese or English, from <see cref="ClueReport"/> alone.</summary>
public static class ClueDocuments
{
    public static PrintedDocument MonthlyReport(ClueReport r, bool en)
    {
        string L(string zh, string english) => en ? english : zh;
        var month = en ? r.From.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en")) : $"{r.From.Year}年{r.From.Month}月";
        var t = r.Total;
        var blocks = new List<Block>
        {
            new Heading(L("问题线索月报", "Monthly clue report"), 1),
            new Paragraph(month, AlignRight: true),
            new Paragraph(L(
                $"{month}，移交问题线索{t.HandedOver}件，签收{t.Accepted}件，办结{t.Concluded}件，超过办理时限{t.Overdue}件。办结的线索中，立案{t.CasesFiled}件，给予党纪政务处分{t.PeopleDisciplined}人，移送司法机关{t.TransferredToJudicial}人，挽回经济损失{Money(t.MoneyRecovered)}元。",
                $"In {month}, {t.HandedOver} clues were handed over, {t.Accepted} accepted and {t.Concluded} concluded; {t.Overdue} went past their time limit. The clues concluded led to {t.CasesFiled} cases filed, {t.PeopleDisciplined} people disciplined and {t.TransferredToJudicial} transferred to the judicial authorities, and recovered {Money(t.MoneyRecovered)} yuan.")),
            new Table(
                [L("交办单", "Sheet"), L("移交", "Handed over"), L("签收", "Accepted"), L("办结", "Concluded"), L("超期", "Overdue"),
                    L("立案", "Cases filed"), L("处分人数", "Disciplined"), L("移送司法", "To judicial"), L("挽回损失（元）", "Recovered (yuan)")],
                r.ByColour.Append(t).Select(line => (IReadOnlyList<string>)
                [
                    line.Colour is { } c ? ColourOf(c, en) : L("合计", "Total"), N(line.HandedOver), N(line.Accepted), N(line.Concluded), N(line.Overdue),
                    N(line.CasesFiled), N(line.PeopleDisciplined), N(line.TransferredToJudicial), Money(line.MoneyRecovered),
                ]).ToList()),
            new Paragraph(L(
                "说明：时间按北京时间计；“超期”为办理时限在本月届满而届满时尚未办结的线索；办理成果为本月办结线索的成果。",
                "Notes: times in Beijing time; \"overdue\" counts the sheets whose time limit ended in the month before they were concluded; the outcome figures are those of the clues concluded in the month."), AlignRight: false),
            new Paragraph(L($"统计截至{Day(r.AsOf, en)}。", $"As of {Day(r.AsOf, en)}."), AlignRight: true),
        };
        return new PrintedDocument(L("问题线索月报", "Monthly clue report"), en ? "en" : "zh-CN", blocks, L("问题线索月报", "clue-report") + "-" + r.Month);
    }

    public static string ColourOf(SheetColour colour, bool en) => en
        ? SheetColours.Label(colour).En + " sheet"
        : SheetColours.Label(colour).ZhCn + "交办单";

    /// <summary>The handover sheet (问题线索交办单) in its colour, as the commission files it: what is handed over, by whom, by when.</summary>
    public static PrintedDocument HandoverSheet(ClueDetail d, bool en)
    {
        string L(string zh, string english) => en ? english : zh;
        string Day(DateTime utc) => OfficeTime.DayOf(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var c = d.Clue;
        var colour = Glossary.Of(c.Colour).For(en ? "en" : "zh-CN");
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { L("编号", "Code"), c.Code },
            new[] { L("被巡察单位", "Unit"), d.UnitName },
            new[] { L("巡察", "Inspection"), $"{d.RoundName}　{d.InspectionGroup}" },
            new[] { L("移交时间", "Handed over"), Day(c.HandedOverAt) },
            new[] { L("办理时限", "Due by"), c.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            new[] { L("办理状态", "State"), d.StateLabel },
            new[] { L("线索内容", "Clue"), c.Summary },
            new[] { L("涉及问题", "Problems concerned"), d.Problems.Count == 0 ? "—" : string.Join(L("；", "; "), d.Problems.Select(p => $"{p.Code} {p.Title}")) },
        };
        if (c.Outcome is { } o)
        {
            rows.Add(new[] { L("办理结果", "Outcome"), L(
                $"立案 {o.CasesFiled} 件，处分 {o.PeopleDisciplined} 人，移送司法机关 {o.TransferredToJudicial} 人，挽回经济损失 {Money(o.MoneyRecovered)} 元",
                $"{o.CasesFiled} cases filed, {o.PeopleDisciplined} people disciplined, {o.TransferredToJudicial} transferred to the judiciary, {Money(o.MoneyRecovered)} yuan recovered") });
        }

        var blocks = new List<Block>
        {
            new Heading(L($"问题线索交办单（{colour}）", $"Clue handover sheet ({colour})"), 1),
            new Table([], rows, RowHeaders: true),
        };
        return new PrintedDocument(L("问题线索交办单", "Clue handover sheet") + " " + c.Code, en ? "en" : "zh-CN", blocks, L("问题线索交办单", "handover-sheet") + "-" + c.Code);
    }

    public static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day, bool en) =>
        en ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");
}
