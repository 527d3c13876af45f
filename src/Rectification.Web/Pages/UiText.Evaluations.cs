namespace Rectification.Web.Pages;

public static partial class UiText
{
    /// <summary>The words of the effect evaluation page of an inspection and of the evaluation overview.</summary>
    // Every key starts with "eval-", so the words of pages written in parallel cannot clash with these.
    private static Dictionary<string, (string ZhCn, string En)> EvaluationWords() => new()
    {
        ["eval-nav"] = ("整改效果评价", "Effect evaluation"),
        ["eval-title"] = ("整改效果评价", "Effect evaluation"),
        ["eval-of"] = ("整改效果评价：{0}", "Effect evaluation: {0}"),
        ["eval-overview-title"] = ("整改效果评价总览", "Effect evaluations"),
        ["eval-overview-note"] = ("按巡察轮次和单位列出各次巡察的评价进度、综合得分和等次。", "Each inspection by round and unit: how far its evaluation is, its composite score and its grade."),
        ["eval-link"] = ("整改效果评价", "Effect evaluation"),
        ["eval-back"] = ("返回巡察", "Back to the inspection"),
        ["eval-to-overview"] = ("评价总览", "All evaluations"),
        ["eval-note"] = ("综合得分为各评价来源得分按权重加总，全部来源评分后计算并评定等次。", "The composite is the weighted sum of the sources' scores; it and the grade appear once every source has scored."),
        ["eval-sources"] = ("评价来源", "Sources"),
        ["eval-source"] = ("评价来源", "Source"),
        ["eval-weight"] = ("权重", "Weight"),
        ["eval-by"] = ("评分方", "Scored by"),
        ["eval-recorded"] = ("评分", "Score"),
        ["eval-not-scored"] = ("尚未评分", "Not scored yet"),
        ["eval-scored-by"] = ("{0}（{1}）评定", "by {0} ({1})"),
        ["eval-scored-at"] = ("于{0}", "on {0}"),
        ["eval-your-score"] = ("您的评分", "Your score"),
        ["eval-score"] = ("得分（0–100）", "Score (0–100)"),
        ["eval-comment"] = ("评价意见（选填）", "Comment (optional)"),
        ["eval-record"] = ("提交评分", "Record the score"),
        ["eval-rescore"] = ("重新评分", "Score again"),
        ["eval-scored"] = ("评分已记录。", "The score is recorded."),
        ["eval-score-not-number"] = ("请填写0到100之间的数字。", "Enter a number from 0 to 100."),
        ["eval-result"] = ("评价结果", "Result"),
        ["eval-composite"] = ("综合得分", "Composite score"),
        ["eval-grade"] = ("评价等次", "Grade"),
        ["eval-pending"] = ("已评 {0} 项，共 {1} 项；全部评分后计算综合得分。", "{0} of {1} sources scored; the composite follows once all have scored."),
        ["eval-progress"] = ("{0}/{1}", "{0}/{1}"),
        ["eval-state"] = ("评价进度", "Evaluation"),
        ["eval-state-NotStarted"] = ("未开始", "Not started"),
        ["eval-state-InProgress"] = ("评分中", "In progress"),
        ["eval-state-Complete"] = ("已完成", "Complete"),
        ["eval-group"] = ("巡察组", "Group"),
        ["eval-none"] = ("暂无巡察。", "No inspections."),
        ["eval-all-rounds"] = ("全部轮次", "All rounds"),
        ["eval-print"] = ("打印", "Print"),
    };
}
