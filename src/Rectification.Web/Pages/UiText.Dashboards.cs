namespace Rectification.Web.Pages;

public static partial class UiText
{
    /// <summary>The words of the dashboard (数据看板) and of the ledger filters its bars open.</summary>
    // Every key starts with "db-", so the words of pages written in parallel cannot clash with these.
    private static Dictionary<string, (string ZhCn, string En)> DashboardWords() => new()
    {
        ["db-nav"] = ("数据看板", "Dashboard"),
        ["db-title"] = ("数据看板", "Dashboard"),
        ["db-unit-title"] = ("本单位整改看板", "My unit's dashboard"),
        ["db-intro"] = ("点击图中的柱条或数据表中的数字，可打开对应筛选条件的整改台账。", "Click a bar, or a figure in a data table, to open the ledger filtered to it."),
        ["db-print"] = ("打印", "Print"),
        ["db-table"] = ("数据表", "Data table"),
        ["db-by-round"] = ("各轮次整改完成率", "Completion rate by round"),
        ["db-by-level"] = ("各层级单位整改完成率", "Completion rate by level of unit"),
        ["db-by-unit"] = ("各单位整改完成率", "Completion rate by unit"),
        ["db-level"] = ("单位层级", "Level of unit"),
        ["db-sort"] = ("排序：", "Sort:"),
        ["db-sort-rate"] = ("完成率由低到高", "lowest rate first"),
        ["db-sort-rate-desc"] = ("完成率由高到低", "highest rate first"),
        ["db-sort-name"] = ("单位名称", "unit name"),
        ["db-sort-fed-back"] = ("反馈问题数", "problems fed back"),
        ["db-units-shown"] = ("图中显示完成率排序前 {0} 个单位，共 {1} 个；数据表列出全部单位。", "The chart shows the first {0} of {1} units in this order; the data table lists them all."),
        ["db-lights-shown"] = ("图中显示红灯、黄灯最多的 {0} 个单位，共 {1} 个；数据表列出全部单位。", "The chart shows the {0} reddest of {1} units; the data table lists them all."),
        ["db-show-all"] = ("在图中显示全部单位", "Show every unit in the chart"),
        ["db-overdue-steps"] = ("逾期问题所处督办环节", "Overdue problems by escalation step"),
        ["db-no-step"] = ("尚未督办", "No step taken yet"),
        ["db-lights"] = ("各单位亮灯情况", "Lights by unit"),
        ["db-my-lights"] = ("本单位亮灯情况", "My unit's lights"),
        ["db-clues"] = ("在办问题线索交办单（按移交时长和颜色）", "Open clue sheets by days since handover and colour"),
        ["db-age"] = ("移交 {0}–{1} 天", "{0}–{1} days"),
        ["db-age-older"] = ("移交 {0} 天以上", "{0} days or more"),
        ["db-concluded"] = ("已办结", "Concluded"),
        ["db-colour"] = ("交办单颜色", "Sheet colour"),
        ["db-trend"] = ("每月反馈与销号问题数", "Problems fed back and closed per month"),
        ["db-month"] = ("月份", "Month"),
        ["db-reopen"] = ("回头看重新整改率", "Look-back reopen rate"),
        ["db-reopen-note"] = ("重新整改率 = 回头看后重新整改的问题 / 曾销号的问题（含已重新整改的）。", "Reopen rate = problems reopened after a look-back / problems ever closed (including those reopened)."),
        ["db-ever-closed"] = ("曾销号", "Ever closed"),
        ["db-reopen-rate"] = ("重新整改率", "Reopen rate"),
        ["db-all-rounds"] = ("全部轮次", "All rounds"),
        ["db-count"] = ("问题数", "Problems"),
        ["db-next-deadlines"] = ("即将到期", "Next deadlines"),
        ["db-next-none"] = ("暂无即将到期的问题。", "No deadlines ahead."),
        ["db-overdue-items"] = ("逾期问题", "Overdue problems"),
        ["db-all-overdue"] = ("在台账中查看全部逾期问题", "All overdue problems in the ledger"),
        ["db-only-reopened"] = ("仅看重新整改", "Reopened only"),
        ["db-nothing"] = ("暂无数据。", "No figures yet."),
    };
}
