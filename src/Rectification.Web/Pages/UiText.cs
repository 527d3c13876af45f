using System.Globalization;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Web.Pages;

/// <summary>The words of the web pages in Simplified Chinese (default) and English; the language follows the request culture.</summary>
public static partial class UiText
{
    // Each group of pages keeps its words in a file of its own (UiText.*.cs); the parts are joined once here. Methods, not fields,
    // because the order in which partial files' static fields start is not defined.
    private static readonly Dictionary<string, (string ZhCn, string En)> Texts = Join(CommonWords(), PlanWords(), InspectionWords(), AdminWords(), ClueWords(),
        LifecycleWords(), DeadlineWords(), EvaluationWords(), CommonProblemWords(), DashboardWords(), ImportWords());

    private static Dictionary<string, (string ZhCn, string En)> Join(params Dictionary<string, (string ZhCn, string En)>[] parts)
    {
        var all = new Dictionary<string, (string ZhCn, string En)>(StringComparer.Ordinal);
        foreach (var (key, words) in parts.SelectMany(p => p))
        {
            // A key defined twice would silently show one page's words on another.
            if (!all.TryAdd(key, words))
            {
                throw new InvalidOperationException($"UI text key '{key}' is defined twice.");
            }
        }

        return all;
    }

    private static Dictionary<string, (string ZhCn, string En)> CommonWords() => new()
    {
        ["app"] = ("巡视巡察整改跟踪", "Rectification tracking"),
        ["ledger"] = ("整改台账", "Rectification ledger"),
        ["sign-in"] = ("登录", "Sign in"),
        ["sign-out"] = ("退出登录", "Sign out"),
        ["user-name"] = ("用户名", "User name"),
        ["password"] = ("密码", "Password"),
        ["sso"] = ("使用统一身份认证登录", "Sign in with single sign-on"),
        ["sso-failed"] = ("统一身份认证未能登录：本系统中没有与该身份对应的用户，或认证已失效。", "Single sign-on did not sign you in: no user of this system matches that identity, or the attempt expired."),
        ["code"] = ("编号", "Code"),
        ["title"] = ("问题", "Problem"),
        ["unit"] = ("单位", "Unit"),
        ["state"] = ("状态", "State"),
        ["kind"] = ("整改类型", "Kind"),
        ["deadline"] = ("整改时限", "Deadline"),
        ["light"] = ("亮灯", "Light"),
        ["escalation-step"] = ("督办", "Escalation"),
        ["sys-title"] = ("运行维护", "Operations"),
        ["sys-audit"] = ("审计链校验", "Audit chain"),
        ["sys-audit-intro"] = ("每条操作记录都与前一条以哈希相连；校验会重算全部哈希。把当前链头摘要另行保存，日后可据此发现被删除或整体改写的记录。", "Every audit entry is linked to the one before by its hash; verifying recomputes them all. Keep the current head's digest elsewhere: later it reveals deleted or rewritten entries."),
        ["sys-head"] = ("当前链头摘要", "Current head digest"),
        ["sys-head-at"] = ("链头时间", "Head written at"),
        ["sys-digest"] = ("此前保存的摘要（可不填）", "A digest kept earlier (optional)"),
        ["sys-digest-help"] = ("格式：序号:哈希，例如 1024:3f…", "Format: sequence:hash, e.g. 1024:3f…"),
        ["sys-verify"] = ("校验审计链", "Verify the chain"),
        ["sys-intact"] = ("审计链完整。", "The audit chain is intact."),
        ["sys-broken"] = ("审计链已被破坏。", "The audit chain is broken."),
        ["sys-checked"] = ("已校验 {0} 条记录（其中 {1} 条早于审计链启用）。", "{0} entries checked ({1} of them older than the chain)."),
        ["sys-digest-confirmed"] = ("与保存的摘要一致。", "It matches the digest kept."),
        ["sys-digest-not-confirmed"] = ("与保存的摘要不一致。", "It does not match the digest kept."),
        ["sys-break"] = ("第 {0} 条处断开：{1}", "Broken at entry {0}: {1}"),
        ["sys-fault-Gap"] = ("此前的记录缺失", "entries before it are missing"),
        ["sys-fault-OutOfOrder"] = ("记录位置不对（被移动、重编号或插入）", "the entry is out of place (moved, renumbered or inserted)"),
        ["sys-fault-HashMismatch"] = ("记录内容被修改", "the entry was changed"),
        ["sys-fault-PreviousHashMismatch"] = ("前一条记录被修改或替换", "the entry before it was changed or replaced"),
        ["sys-fault-Truncated"] = ("最新的记录被删除", "the newest entries were deleted"),
        ["sys-fault-DigestMismatch"] = ("审计链被整体改写", "the chain was rewritten"),
        ["sys-outbox"] = ("邮件队列", "Mail queue"),
        ["sys-failed-none"] = ("没有发送失败的邮件。", "No mail has failed."),
        ["sys-requeue"] = ("重新发送失败的邮件", "Send the failed mail again"),
        ["sys-requeued"] = ("已将 {0} 封邮件重新排队发送。", "{0} messages are queued again."),
        ["sys-created"] = ("生成时间", "Written"),
        ["sys-about"] = ("事项", "About"),
        ["sys-recipient"] = ("收件人", "Recipient"),
        ["sys-error"] = ("错误", "Error"),
        ["sys-attempts"] = ("已尝试 {0} 次：", "{0} attempts:"),
        ["st-title"] = ("整改统计", "Rectification figures"),
        ["st-nav"] = ("统计", "Figures"),
        ["st-apply"] = ("统计", "Show"),
        ["st-top"] = ("回到本级", "Back to my level"),
        ["st-none"] = ("暂无可统计的数据。", "Nothing to count."),
        ["st-fed-back"] = ("反馈问题", "Fed back"),
        ["st-closed"] = ("已销号", "Closed"),
        ["st-rate"] = ("整改完成率", "Completion rate"),
        ["st-overdue"] = ("逾期", "Overdue"),
        ["st-reopened"] = ("重新整改", "Reopened"),
        ["st-clues"] = ("移交问题线索", "Clue sheets handed over"),
        ["st-outcomes"] = ("线索办结", "Clues concluded"),
        ["st-outcome-value"] = ("办结 {0} 件，立案 {1} 件", "{0} concluded, {1} cases filed"),
        ["st-by-unit"] = ("下级单位整改情况", "Units below"),
        ["st-by-unit-none"] = ("没有下级单位。", "No units below."),
        ["up-title"] = ("报送统计", "Figures for reporting upward"),
        ["up-nav"] = ("报送统计", "Report upward"),
        ["up-intro"] = ("统计所选巡察（按进驻日期、轮次、届次、巡察类型）反馈的问题、整改、逾期、重新整改和覆盖率，可作为快照报送上级巡察机构；报送后的数字不随此后的“回头看”改变。",
            "Counts the problems fed back, rectified, overdue and reopened, and the coverage, of the inspections chosen (by start date, round, term and kind); the office sends them to the higher inspection office as a snapshot, whose figures no later look-back changes."),
        ["up-from"] = ("进驻日期自", "Started from"),
        ["up-to"] = ("至", "to"),
        ["up-rounds"] = ("轮次", "Rounds"),
        ["up-term"] = ("届次", "Term"),
        ["up-kinds"] = ("巡察类型", "Kinds of inspection"),
        ["up-by-kind"] = ("按巡察类型", "By kind of inspection"),
        ["up-by-level"] = ("按单位层级", "By level of unit"),
        ["up-lookbacks"] = ("巡察“回头看”", "Look-backs"),
        ["up-lookbacks-value"] = ("{0} 次，涉及 {1} 个单位", "{0}, of {1} units"),
        ["up-clue-outcomes"] = ("线索处置结果", "Clue outcomes"),
        ["up-clue-outcomes-value"] = ("办结 {0} 件，立案 {1} 件，处分 {2} 人，移送司法 {3} 人，挽回资金 {4} 万元", "{0} concluded, {1} cases filed, {2} people disciplined, {3} transferred to judicial organs, {4} (10,000 yuan) recovered"),
        ["up-send"] = ("报送上级", "Send upward"),
        ["up-send-title"] = ("报送标题", "Title of the report"),
        ["up-send-hint"] = ("报送时按上面的条件统计并加盖校验码保存，此后可随时调阅原数。", "The figures of the choice above are counted, sealed and kept as sent; they can be shown again at any time."),
        ["up-sent"] = ("已报送的统计", "Reports sent upward"),
        ["up-sent-none"] = ("尚未报送。", "Nothing sent yet."),
        ["up-sent-at"] = ("统计时间", "Counted at"),
        ["up-sent-by"] = ("报送人", "Sent by"),
        ["up-seal"] = ("校验码", "Seal"),
        ["up-seal-holds"] = ("校验码与报送时的数字一致。", "The seal matches the figures as sent."),
        ["up-seal-broken"] = ("校验码与数字不一致：报送后的数字已被改动。", "The seal does not match: the figures were changed after they were sent."),
        ["up-snapshot-done"] = ("已报送，数字已保存。", "Sent; the figures are kept."),
        ["up-today"] = ("统计截至：{0}", "Counted on: {0}"),
        ["pw-title"] = ("修改密码", "Change password"),
        ["pw-intro"] = ("修改后，本账号在所有设备上的登录和令牌均失效，请用新密码重新登录。", "Afterwards every session and token of this account ends, on every device; sign in again with the new password."),
        ["pw-current"] = ("当前密码", "Current password"),
        ["pw-new"] = ("新密码", "New password"),
        ["pw-confirm"] = ("再次输入新密码", "New password again"),
        ["pw-mismatch"] = ("两次输入的新密码不一致。", "The two new passwords differ."),
        ["pw-changed"] = ("密码已修改，请用新密码登录。", "The password is changed; sign in with the new one."),
        ["overdue-days"] = ("逾期天数", "Days overdue"),
        ["none"] = ("暂无问题。", "No problems."),
        ["total"] = ("共 {0} 条", "{0} in all"),
        ["previous"] = ("上一页", "Previous"),
        ["next"] = ("下一页", "Next"),
        ["all"] = ("全部", "All"),
        ["only-overdue"] = ("仅看逾期", "Overdue only"),
        ["back"] = ("返回台账", "Back to the ledger"),
        ["description"] = ("问题描述", "Description"),
        ["category"] = ("类别", "Category"),
        ["severity"] = ("严重程度", "Severity"),
        ["facts"] = ("事实", "Facts"),
        ["basis"] = ("依据", "Basis"),
        ["progress"] = ("整改进展", "Progress"),
        ["history"] = ("处理记录", "History"),
        ["at"] = ("时间", "When"),
        ["who"] = ("操作人", "Who"),
        ["action"] = ("操作", "Action"),
        ["change"] = ("状态变化", "State change"),
        ["my-work"] = ("我的待办", "My tasks"),
        ["my-work-none"] = ("暂无待办事项。", "Nothing waits for you."),
        ["my-work-count"] = ("待办 {0} 项", "{0} waiting"),
        ["review"] = ("审核签字", "Review"),
        ["inspections"] = ("巡察", "Inspections"),
        ["receipts"] = ("签收", "Receipts"),
        ["menu"] = ("菜单", "Menu"),
        ["language"] = ("语言", "Language"),
        ["due"] = ("期限", "Due"),
        ["since"] = ("发起时间", "Since"),
        ["open"] = ("办理", "Open"),
        ["task"] = ("事项", "Task"),
        ["filter"] = ("筛选", "Filter"),
        ["reset"] = ("清除筛选", "Clear filters"),
        ["search-text"] = ("编号或问题关键词", "Code or words of the problem"),
        ["department"] = ("责任部门", "Responsible department"),
        ["leader"] = ("责任领导", "Responsible leader"),
        ["measures"] = ("整改措施", "Measures"),
        ["next-report"] = ("下次报送", "Next report"),
        ["round"] = ("巡察轮次", "Round"),
        ["inspection"] = ("巡察", "Inspection"),
        ["sort"] = ("排序", "Sort by"),
        ["descending"] = ("倒序", "Descending"),
        ["open-first"] = ("未销号的排在前面", "Open problems first"),
        ["sort-Code"] = ("编号", "Code"),
        ["sort-Deadline"] = ("整改时限", "Deadline"),
        ["sort-Severity"] = ("严重程度", "Severity"),
        ["sort-State"] = ("状态", "State"),
        ["page-of"] = ("第 {0} 页，共 {1} 页", "Page {0} of {1}"),
        ["pages"] = ("分页", "Pages"),
        ["zone"] = ("时间为{0}", "Times in {0}"),
        ["error-title"] = ("出错了", "Something went wrong"),
        ["error-404"] = ("页面不存在，或您无权查看。", "This page does not exist, or you may not see it."),
        ["error-403"] = ("您无权执行此操作。", "You may not do this."),
        ["error-400"] = ("请求有误，请返回重试。", "The request was not understood; go back and try again."),
        ["error-429"] = ("操作过于频繁，请稍后再试。", "Too many requests; please wait a moment."),
        ["error-500"] = ("系统出现错误，已记录。请把以下追踪号告诉管理员。", "The system failed; the error was logged. Give the administrator this trace id."),
        ["error-other"] = ("请求未能完成。", "The request could not be completed."),
        ["trace-id"] = ("追踪号", "Trace id"),
        ["home"] = ("返回首页", "Back to my tasks"),
        ["skip"] = ("跳到正文", "Skip to the content"),
        ["done"] = ("已完成：{0}。", "Done: {0}."),
        ["days-overdue"] = ("（逾期 {0} 天）", "({0} days overdue)"),
        ["parties"] = ("须签字方", "Parties who sign"),
        ["missing-signatures"] = ("尚待签字", "Still to sign"),
        ["signatures"] = ("签字记录", "Signatures"),
        ["approved"] = ("同意销号", "approved"),
        ["rejected"] = ("退回整改", "rejected"),
        ["actions"] = ("可办理的操作", "What you can do now"),
        ["no-actions"] = ("此问题当前无需您办理。", "Nothing for you to do on this problem now."),
        ["progress-text"] = ("整改进展情况", "Progress made"),
        ["percent"] = ("完成比例（%）", "Done (%)"),
        ["milestone"] = ("节点", "Milestone"),
        ["comment"] = ("意见", "Comment"),
        ["reopen-reason"] = ("重新整改的原因（回头看发现的问题）", "Why it is reopened (what the look-back found)"),
        ["new-deadline"] = ("新的整改时限", "New deadline"),
        ["write-off"] = ("销号单", "Write-off record"),
        ["field-required"] = ("此项必填。", "This field is required."),
        ["receipt-signed"] = ("已签收。", "Signed for."),
        ["receipts-none"] = ("暂无待签收事项。", "Nothing waits for your receipt."),
        ["receipt-kind"] = ("签收事项", "What was sent"),
        ["issued"] = ("送达时间", "Sent"),
        ["sign-by"] = ("签收时限", "Sign by"),
        ["sign"] = ("签收", "Sign for it"),
        ["overdue"] = ("已超期", "overdue"),
        ["none-light"] = ("不亮灯（未启动或已销号）", "No light (not started or closed)"),
        ["export-excel"] = ("导出Excel", "Export to Excel"),
        ["closed-mixed"] = ("已销号的不后置", "Closed problems in code order too"),
    };

    public static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static string Language => English ? "en" : "zh-CN";

    /// <summary>Whether the pages' words have this key (a test checks every key a page uses).</summary>
    public static bool Has(string key) => Texts.ContainsKey(key);

    public static string T(string key) => Texts.TryGetValue(key, out var t) ? (English ? t.En : t.ZhCn) : key;

    /// <summary>A code's words from the glossary, in the request's language.</summary>
    public static string L(LocalizedText text) => English ? text.En : text.ZhCn;

    public static string L<TEnum>(TEnum value) where TEnum : struct, Enum => L(Glossary.Of(value));

    /// <summary>Glossary words at the start of a heading or a cell: the English glossary is lower case, as words inside a sentence.</summary>
    public static string Capital(string text) => text.Length == 0 || !English ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The office's time zone as people call it: 北京时间 for China's zone, otherwise its id.</summary>
    public static string ZoneName => OfficeTime.Zone.Id is "Asia/Shanghai" or "China Standard Time" ? (English ? "Beijing time" : "北京时间") : OfficeTime.Zone.Id;

    /// <summary>An instant (stored UTC) as the office's wall clock reads it.</summary>
    public static string Time(DateTime utc) => OfficeTime.LocalOf(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The office day of an instant (stored UTC).</summary>
    public static string Day(DateTime utc) => Day(OfficeTime.DayOf(utc));

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string T(string key, object arg) => string.Format(CultureInfo.CurrentCulture, T(key), arg);

    public static string T2(string key, object first, object second) => string.Format(CultureInfo.CurrentCulture, T(key), first, second);

    public static string Tn(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, T(key), args);
}
