namespace Rectification.Web.Pages;

public static partial class UiText
{
    /// <summary>The words of the common-problem push (未巡先改): the push form on a problem, the push's progress and the self-check tasks.</summary>
    // Every key starts with "cp-", so the words of pages written in parallel cannot clash with these.
    private static Dictionary<string, (string ZhCn, string En)> CommonProblemWords() => new()
    {
        ["cp-push"] = ("作为共性问题推送", "Push as a common problem"),
        ["cp-push-help"] = ("推送给尚未巡察的单位对号入座、自查自纠（未巡先改）；本问题所在单位不在推送之列，每个问题只能推送一次。",
            "Pushed to units not yet inspected as a self-check task (未巡先改); the problem's own unit is left out, and a problem is pushed once."),
        ["cp-mode"] = ("推送范围", "Push to"),
        ["cp-mode-list"] = ("指定单位", "The units ticked below"),
        ["cp-mode-below"] = ("某单位下属的全部单位（可限定层级）", "Every unit below one unit (optionally of one level)"),
        ["cp-units"] = ("推送单位（指定单位时）", "Units (when ticking units)"),
        ["cp-units-required"] = ("请至少勾选一个单位。", "Tick at least one unit."),
        ["cp-under"] = ("所属上级单位（按下属单位推送时）", "Below the unit (when pushing below one)"),
        ["cp-under-mine"] = ("我的全部范围", "My whole scope"),
        ["cp-level"] = ("单位层级", "Level of unit"),
        ["cp-level-all"] = ("全部层级", "Every level"),
        ["cp-note"] = ("推送说明（可选）", "Note to the units (optional)"),
        ["cp-push-existing"] = ("本问题已作为共性问题推送。", "This problem is pushed as a common problem."),
        ["cp-view-push"] = ("查看推送与作答情况", "See the push and its answers"),
        ["cp-pushed"] = ("已作为共性问题推送至 {0} 个单位。", "Pushed as a common problem to {0} units."),

        ["cp-title"] = ("共性问题推送", "Common problem push"),
        ["cp-source"] = ("来源问题", "Source problem"),
        ["cp-pushed-at"] = ("推送时间", "Pushed"),
        ["cp-due"] = ("作答期限", "Answer by"),
        ["cp-answers"] = ("各单位作答情况", "Answers of the units"),
        ["cp-count-units"] = ("推送单位", "Units"),
        ["cp-count-not-present"] = ("无此问题", "Not present"),
        ["cp-count-opened"] = ("已登记问题", "Opened as a problem"),
        ["cp-count-pending"] = ("待作答", "Pending"),
        ["cp-count-overdue"] = ("逾期未答", "Overdue"),
        ["cp-count-late"] = ("逾期作答", "Answered late"),
        ["cp-none-in-scope"] = ("您的范围内没有接收此推送的单位。", "No unit in your scope received this push."),
        ["cp-answer"] = ("作答", "Answer"),
        ["cp-answered"] = ("{0} 作答", "Answered {0}"),
        ["cp-late"] = ("逾期作答", "late"),
        ["cp-overdue"] = ("已逾期", "overdue"),
        ["cp-opened-problem"] = ("登记的问题", "Opened problem"),
        ["cp-state-Pending"] = ("待作答", "Pending"),
        ["cp-state-NotPresent"] = ("本单位无此问题", "Not present"),
        ["cp-state-Opened"] = ("已登记为本单位问题", "Opened as a problem"),

        ["cp-nav"] = ("未巡先改", "Self-checks"),
        ["cp-self-checks"] = ("未巡先改自查任务", "Self-check tasks (未巡先改)"),
        ["cp-self-checks-none"] = ("暂无自查任务。", "No self-check tasks."),
        ["cp-self-checks-help"] = ("对照推送的共性问题自查：本单位不存在的，报告无此问题并说明；存在的，登记为本单位问题，随即进入整改方案。",
            "Check your unit against the common problem: if it is not present, say so in a statement; if it is, open it as your unit's problem, which goes into a rectification plan at once."),
        ["cp-not-present"] = ("报告本单位无此问题", "Answer: not present"),
        ["cp-statement"] = ("情况说明", "Statement"),
        ["cp-open"] = ("登记为本单位问题", "Open as our problem"),
        ["cp-description"] = ("问题描述", "Description"),
        ["cp-facts"] = ("事实", "Facts"),
        ["cp-severity"] = ("严重程度", "Severity"),
        ["cp-done-not-present"] = ("已报告本单位无此问题。", "Answered: not present in your unit."),
        ["cp-done-opened"] = ("已登记为本单位问题，整改方案已开启。", "Opened as your unit's problem; its rectification plan is open."),
        ["cp-view-problem"] = ("查看问题", "Open the problem"),
        ["cp-note-label"] = ("推送说明", "Note"),
    };
}
