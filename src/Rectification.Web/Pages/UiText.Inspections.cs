namespace Rectification.Web.Pages;

public static partial class UiText
{
    /// <summary>The words of the inspection pages (register, problems, feedback, look-back) and of the evidence on the problem page.</summary>
    // Every key starts with "insp-" or "evidence-", so the words of pages written in parallel cannot clash with these.
    private static Dictionary<string, (string ZhCn, string En)> InspectionWords() => new()
    {
        ["insp-list"] = ("巡察列表", "List of inspections"),
        ["insp-none"] = ("暂无巡察。", "No inspections."),
        ["insp-register"] = ("登记巡察", "Register an inspection"),
        ["insp-choose"] = ("请选择", "Choose"),
        ["insp-inspected-unit"] = ("被巡察单位", "Inspected unit"),
        ["insp-kind"] = ("巡察类型", "Kind of inspection"),
        ["insp-group"] = ("巡察组", "Inspection group"),
        ["insp-start"] = ("进驻日期", "Start date"),
        ["insp-end"] = ("结束日期", "End date"),
        ["insp-period"] = ("巡察时间", "Period"),
        ["insp-counts"] = ("问题数 / 已销号", "Problems / closed"),
        ["insp-count-value"] = ("{0} 个问题，已销号 {1} 个", "{0} problems, {1} closed"),
        ["insp-refused"] = ("请按提示修改后再提交。", "Correct the marked fields and send again."),
        ["insp-back"] = ("返回巡察列表", "Back to the inspections"),
        ["insp-registered"] = ("已登记巡察。", "The inspection is registered."),
        ["insp-problem-added"] = ("已登记问题。", "The problem is registered."),
        ["insp-fed-back"] = ("已反馈，反馈意见已生成。", "Fed back; the feedback letter is generated."),
        ["insp-feedback"] = ("反馈", "Feedback"),
        ["insp-fed-back-at"] = ("已于 {0} 反馈", "Fed back at {0}"),
        ["insp-not-fed-back"] = ("尚未反馈", "Not fed back yet"),
        ["insp-feedback-letter"] = ("巡察反馈意见", "Feedback letter"),
        ["insp-new-round"] = ("新建巡察轮次", "New inspection round"),
        ["insp-round-name"] = ("轮次名称", "Name of the round"),
        ["insp-round-year"] = ("年度", "Year"),
        ["insp-round-number"] = ("轮次序号", "Number"),
        ["insp-round-term"] = ("届次", "Term"),
        ["insp-round-term-hint"] = ("如十二届填 12，可不填", "e.g. 12 for the 12th committee; optional"),
        ["insp-round-created"] = ("已新建巡察轮次：{0}。", "The round is created: {0}."),
        ["insp-status-report"] = ("整改情况报告", "Status report"),
        ["insp-docx"] = ("Word 文档", "Word document"),
        ["insp-plan"] = ("整改方案", "Rectification plan"),
        ["insp-problems"] = ("发现的问题", "Problems found"),
        ["insp-problems-none"] = ("尚未登记问题。", "No problems registered yet."),
        ["insp-feed-back"] = ("反馈问题", "Feed back"),
        ["insp-feed-back-note"] = ("将已登记的全部问题反馈给被巡察单位，生成反馈意见并启动整改方案。", "Feeds back every registered problem to the unit, generates the feedback letter and opens the rectification plan."),
        ["insp-add-problem"] = ("登记问题", "Register a problem"),
        ["insp-problem-title"] = ("问题标题", "Title of the problem"),
        ["insp-process-record"] = ("过程记录（调阅、谈话等）", "Process record (documents read, talks held)"),
        ["insp-raised-during"] = ("边巡边改（巡察期间即交办）", "Raised during the inspection (rectify at once)"),
        ["evidence-file"] = ("佐证材料（可选，一个文件）", "Evidence file (optional, one file)"),
    };
}
