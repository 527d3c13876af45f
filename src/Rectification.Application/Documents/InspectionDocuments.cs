using System.Globalization;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Documents;

/// <summary>
/// The wording of the feedback letter (反馈意见) and the rectification status report (整改情况报告), in Simplified Chinese or
/// English. Every fact comes from <see cref="InspectionDocument"/>, i.e. from the ledger.
/// </summary>
public static class InspectionDocuments
{
    public static PrintedDocument FeedbackLetter(InspectionDocument d, bool en)
    {
        string L(string zh, string english) => en ? english : zh;
        var blocks = new List<Block>
        {
            new Heading(L("巡察反馈意见", "Inspection feedback"), 1),
            new Paragraph($"{d.RoundName}　{d.GroupName}", AlignRight: true),
            new Paragraph(L($"{d.UnitName}：", $"To {d.UnitName}:"), Bold: true),
            new Paragraph(L(
                $"根据统一部署，{d.GroupName}于{Day(d.StartDate, en)}至{Day(d.EndDate, en)}对{d.UnitName}开展了{KindOf(d.Kind, en)}，并于{Day(d.FedBackAt, en)}反馈了巡察发现的{d.FedBack}个问题。现将反馈意见函告如下。",
                $"As arranged, {d.GroupName} carried out a {KindOf(d.Kind, en)} of {d.UnitName} from {Day(d.StartDate, en)} to {Day(d.EndDate, en)} and on {Day(d.FedBackAt, en)} fed back the {d.FedBack} problems it found. They are set out below.")),
            new Heading(L("一、发现的问题", "1. Problems found"), 2),
            new Table(
                [L("序号", "No."), L("问题编号", "Code"), L("问题", "Problem"), L("类别", "Category"), L("严重程度", "Severity")],
                d.Problems.Select((p, i) => new[] { Number(i + 1), p.Summary.Code, p.Summary.Title, p.Summary.Category, SeverityOf(p.Summary.Severity, en) }).ToList()),
        };

        foreach (var (p, i) in d.Problems.Select((p, i) => (p, i)))
        {
            blocks.Add(new Heading(L($"（{Chinese(i + 1)}）", $"1.{i + 1} ") + $"{p.Summary.Code}　{p.Summary.Title}", 3));
            blocks.Add(new Paragraph(p.Description));
            if (p.Facts.Length > 0) blocks.Add(new Paragraph(L("主要事实：", "Facts: ") + p.Facts));
            if (p.Basis.Length > 0) blocks.Add(new Paragraph(L("认定依据：", "Basis: ") + p.Basis));
        }

        var due = d.PlanSubmissionDue is { } planDue ? Day(planDue, en) : L("规定时限", "the set time limit");
        blocks.Add(new Heading(L("二、整改要求", "2. What the unit must do"), 2));
        blocks.Add(new Paragraph(L(
            $"1. 对反馈的{d.FedBack}个问题逐条建立整改台账，明确整改措施、责任领导、责任部门、整改类型和时限，于{due}前报送整改方案，不得遗漏、不得以大化小、以虚代实。",
            $"1. Enter each of the {d.FedBack} problems in the rectification ledger with its measures, responsible leader and department, kind and deadline, and submit the plan by {due}; leave none out and do not turn big problems into small ones or real ones into empty ones.")));
        blocks.Add(new Paragraph(L(
            "2. 能立即整改的立行立改；限期整改的问题在承诺时限内完成；需长期坚持的问题明确阶段目标，定期报告整改进展。",
            "2. Fix at once what can be fixed at once; finish time-limited problems by their deadlines; for long-term problems set stage goals and report progress periodically.")));
        blocks.Add(new Paragraph(L(
            "3. 整改进展须附佐证材料；集中整改期结束时报送整改情况报告，每个问题经规定各方审核签字后方可销号。",
            "3. Support progress reports with evidence; at the end of the concentrated period submit the rectification status report. A problem is closed only when the required parties have signed.")));
        blocks.Add(new Paragraph($"{d.GroupName}　{Day(d.FedBackAt, en)}", AlignRight: true));
        return new PrintedDocument(L("巡察反馈意见", "Inspection feedback"), en ? "en" : "zh-CN", blocks, L("巡察反馈意见", "feedback-letter") + "-" + d.UnitCode);
    }

    public static PrintedDocument StatusReport(InspectionDocument d, bool en)
    {
        string L(string zh, string english) => en ? english : zh;
        var rate = d.CompletionRate.ToString("0.00", CultureInfo.InvariantCulture);
        var running = d.FedBack - d.Closed - d.UnderReview;
        var plan = d.PlanStateLabel is null ? L("尚未建立", "not opened") :
            d.PlanAcceptedAt is { } accepted ? L($"{d.PlanStateLabel}（{Day(accepted, en)}通过审核）", $"{d.PlanStateLabel} (accepted {Day(accepted, en)})") : d.PlanStateLabel;
        var blocks = new List<Block>
        {
            new Heading(L("整改情况报告", "Rectification status report"), 1),
            new Paragraph($"{d.UnitName}　{d.RoundName}　{d.GroupName}", AlignRight: true),
            new Table([], [
                [L("被巡察单位", "Unit"), d.UnitName],
                [L("巡察时间", "Inspection"), $"{Day(d.StartDate, en)} – {Day(d.EndDate, en)}（{KindOf(d.Kind, en)}）"],
                [L("反馈时间", "Fed back"), Day(d.FedBackAt, en)],
                [L("整改方案", "Plan"), plan],
                [L("统计截至", "As of"), Day(d.Today, en)],
            ], RowHeaders: true),
            new Heading(L("一、总体情况", "1. Overview"), 2),
            new Paragraph(L(
                $"巡察反馈问题{d.FedBack}个，已整改销号{d.Closed}个，整改完成率{rate}%；待审核销号{d.UnderReview}个；正在整改{running}个，其中逾期{d.Overdue}个；需长期坚持的{d.LongTerm}个。共提交佐证材料{d.EvidenceCount}份。",
                $"{d.FedBack} problems were fed back; {d.Closed} are rectified and closed, a completion rate of {rate}%; {d.UnderReview} await sign-off; {running} are being rectified, {d.Overdue} of them overdue; {d.LongTerm} are long-term. {d.EvidenceCount} pieces of evidence were submitted.")),
            new Table(
                [L("序号", "No."), L("问题编号", "Code"), L("问题", "Problem"), L("整改类型 / 时限", "Kind / deadline"), L("状态", "State"), L("佐证材料", "Evidence"), L("尚需完成", "What remains")],
                d.Problems.Select((p, i) => new[] { Number(i + 1), p.Summary.Code, p.Summary.Title, KindAndDeadline(p, en), p.StateLabel, Number(p.EvidenceCount), Remaining(p, en) }).ToList()),
            new Heading(L("二、逐项整改情况", "2. Problem by problem"), 2),
        };

        foreach (var (p, i) in d.Problems.Select((p, i) => (p, i)))
        {
            blocks.Add(new Heading(L($"（{Chinese(i + 1)}）", $"2.{i + 1} ") + $"{p.Summary.Code}　{p.Summary.Title}", 3));
            var latest = p.LatestProgress is null ? L("尚无进展报告", "no progress report yet")
                : $"{Day(p.LatestProgressAt!.Value, en)}{(p.LatestPercent is { } percent ? $"（{Number(percent)}%）" : "")}：{p.LatestProgress}";
            blocks.Add(new Table([], [
                [L("整改措施", "Measures"), p.Measures],
                [L("责任领导 / 责任部门", "Responsible leader / department"), $"{p.ResponsibleLeader} / {p.ResponsibleDepartment}"],
                [L("整改类型 / 时限", "Kind / deadline"), KindAndDeadline(p, en)],
                [L("当前状态", "State"), p.StateLabel + (p.ClosedAt is { } closed ? L($"（{Day(closed, en)}销号）", $" (closed {Day(closed, en)})") : "")],
                [L("进展报告", "Progress reports"), Number(p.ProgressReports)],
                [L("最新进展", "Latest progress"), latest],
                [L("佐证材料", "Evidence"), L($"{Number(p.EvidenceCount)}份", Number(p.EvidenceCount))],
                [L("尚需完成", "What remains"), Remaining(p, en)],
            ], RowHeaders: true));
        }

        blocks.Add(new Heading(L("三、长期坚持事项及安排", "3. Long-term items and arrangements"), 2));
        var longTerm = d.Problems.Where(p => p.IsLongTerm && !p.IsClosed).ToList();
        if (longTerm.Count == 0)
        {
            blocks.Add(new Paragraph(L("无需长期坚持的事项。", "No long-term items.")));
        }

        foreach (var p in longTerm)
        {
            blocks.Add(new Paragraph(L(
                $"{p.Summary.Code}　{p.Summary.Title}：{p.Measures}。责任领导{p.ResponsibleLeader}，责任部门{p.ResponsibleDepartment}；下次进展报告{Due(p.Summary.ReminderDue, en)}前提交，完成时限{Due(p.Summary.Deadline, en)}。",
                $"{p.Summary.Code} {p.Summary.Title}: {p.Measures}. Responsible: {p.ResponsibleLeader}, {p.ResponsibleDepartment}; next progress report by {Due(p.Summary.ReminderDue, en)}, to be completed by {Due(p.Summary.Deadline, en)}.")));
        }

        blocks.Add(new Paragraph(L($"本报告由整改台账生成，统计截至{Day(d.Today, en)}。", $"Generated from the rectification ledger as of {Day(d.Today, en)}."), AlignRight: true));
        return new PrintedDocument(L("整改情况报告", "Rectification status report"), en ? "en" : "zh-CN", blocks, L("整改情况报告", "status-report") + "-" + d.UnitCode);
    }

    /// <summary>What is still to be done for a problem, from its state, its last reported percentage and the signatures missing.</summary>
    public static string Remaining(DocumentProblem p, bool en)
    {
        string L(string zh, string english) => en ? english : zh;
        var late = p.Summary.DaysOverdue > 0 ? L($"，已逾期{Number(p.Summary.DaysOverdue)}天", $", {Number(p.Summary.DaysOverdue)} days overdue") : "";
        return p.Summary.State switch
        {
            ProblemStates.Closed => L("无（已销号）", "Nothing (closed)"),
            ProblemStates.UnderReview => L($"待{string.Join("、", p.MissingSignatures.Select(r => RoleOf(r, en)))}签字后销号",
                $"Sign-off by {string.Join(", ", p.MissingSignatures.Select(r => RoleOf(r, en)))}, then closure"),
            ProblemStates.FedBack => L("待整改方案审核通过后开始整改", "Starts when the plan is accepted"),
            _ when p.IsLongTerm => L($"长期坚持，下次进展报告{Due(p.Summary.ReminderDue, en)}前提交{late}", $"Long-term; next progress report by {Due(p.Summary.ReminderDue, en)}{late}"),
            _ => L($"完成剩余{Number(100 - (p.LatestPercent ?? 0))}%的整改，时限{Due(p.Summary.Deadline, en)}{late}",
                $"The remaining {Number(100 - (p.LatestPercent ?? 0))}% by {Due(p.Summary.Deadline, en)}{late}"),
        };
    }

    private static string KindAndDeadline(DocumentProblem p, bool en) =>
        p.Summary.Kind is { } kind ? $"{RectificationKindOf(kind, en)} / {Due(p.Summary.Deadline, en)}" : (en ? "not planned yet" : "尚未列入台账");

    public static string RectificationKindOf(RectificationKind kind, bool en) => Label(Glossary.Of(kind), en);

    private static string SeverityOf(Severity severity, bool en) => Label(Glossary.Of(severity), en);

    private static string KindOf(InspectionKind kind, bool en) => Label(Glossary.Of(kind), en);

    private static string RoleOf(Role role, bool en) => en ? "the " + Glossary.Of(role).En : Glossary.Of(role).ZhCn;

    private static string Label(LocalizedText text, bool en) => en ? text.En : text.ZhCn;

    private static string Due(DateOnly? date, bool en) => date is { } d ? Day(d, en) : en ? "(none)" : "（未定）";

    private static string Day(DateOnly date, bool en) =>
        en ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static string Day(DateTime instant, bool en) => Day(OfficeTime.DayOf(instant), en);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>一, 二 … 九十九: the numbering of items in Chinese official documents.</summary>
    private static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n is <= 0 or >= 100) return Number(n);
        if (n < 10) return digits[n].ToString();
        return (n / 10 == 1 ? "" : digits[n / 10].ToString()) + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
    }
}
