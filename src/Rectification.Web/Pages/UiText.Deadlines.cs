namespace Rectification.Web.Pages;

public static partial class UiText
{
    /// <summary>The words of the deadlines page (extensions, reminder talks, overdue problems) and of the extension form on a problem.</summary>
    // Every key starts with "dl-", so the words of pages written in parallel cannot clash with these.
    private static Dictionary<string, (string ZhCn, string En)> DeadlineWords() => new()
    {
        ["dl-nav"] = ("延期与督办", "Deadlines"),
        ["dl-title"] = ("延期申请与逾期督办", "Deadline extensions and escalations"),
        ["dl-extensions"] = ("延期申请", "Deadline extensions"),
        ["dl-extensions-none"] = ("暂无延期申请。", "No extension requests."),
        ["dl-item"] = ("事项", "Item"),
        ["dl-deadline-change"] = ("原时限 → 申请时限", "Deadline → requested"),
        ["dl-reason"] = ("延期理由", "Reason for more time"),
        ["dl-status"] = ("状态", "Status"),
        ["dl-decision"] = ("审批", "Decision"),
        ["dl-requested-at"] = ("申请于 {0}", "Requested {0}"),
        ["dl-comment"] = ("审批意见", "Comment"),
        ["dl-approve"] = ("同意延期", "Approve"),
        ["dl-reject"] = ("不同意", "Reject"),
        ["dl-waiting"] = ("等待纪委监委或巡察办审批", "Waiting for the commission or the inspection office"),
        ["dl-approved"] = ("已同意延期，时限已调整，提醒按新时限重新计算。", "Approved: the deadline is moved and the reminders start again from it."),
        ["dl-rejected"] = ("已不同意延期，原时限不变。", "Rejected: the deadline stays."),
        ["dl-talks"] = ("提醒谈话", "Reminder talks"),
        ["dl-talks-none"] = ("暂无提醒谈话。", "No reminder talks."),
        ["dl-talk-by"] = ("谈话对象", "Held with"),
        ["dl-due"] = ("应于", "Due by"),
        ["dl-talk-record"] = ("谈话记录", "Record of the talk"),
        ["dl-talk-what"] = ("谈话情况", "What was said"),
        ["dl-record-talk"] = ("登记谈话情况", "Record the talk"),
        ["dl-talk-held"] = ("已于 {0} 谈话", "Held {0}"),
        ["dl-talk-open"] = ("待谈话", "To be held"),
        ["dl-talk-recorded"] = ("已登记谈话情况。", "The talk is recorded."),
        ["dl-overdue"] = ("逾期督办", "Overdue problems"),
        ["dl-overdue-none"] = ("暂无逾期问题。", "No overdue problems."),
        ["dl-must-act"] = ("须办理", "Must act"),
        ["dl-request"] = ("申请延期", "Ask for more time"),
        ["dl-new-deadline"] = ("申请延至", "New deadline"),
        ["dl-requested"] = ("已提交延期申请，等待审批。", "The extension request is sent for a decision."),
        ["dl-history"] = ("延期记录", "Extensions"),
    };
}
