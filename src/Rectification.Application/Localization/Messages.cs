using System.Globalization;
using System.Text.RegularExpressions;
using Rectification.Domain.Common;

namespace Rectification.Application.Localization;

/// <summary>
/// The user-facing text of every error code, in Simplified Chinese (default) and English. Placeholders are the
/// error's argument names in braces. A test keeps every code the code base raises present here in both languages.
/// </summary>
public static partial class Messages
{
    public static readonly IReadOnlyDictionary<string, (string ZhCn, string En)> Catalog = new Dictionary<string, (string, string)>
    {
        ["bulk.item-count"] = ("一次可处理 1 至 {max} 项。", "Between 1 and {max} items can be sent at once."),
        ["validation.failed"] = ("提交的数据有误，请按字段提示修改。", "The request has invalid fields; see the field errors."),
        ["not-found"] = ("未找到{entity}（{id}）。", "{entity} {id} was not found."),
        ["authorization.role-not-allowed"] = ("角色“{role}”无权执行“{request}”，允许的角色：{roles}。", "Role {role} may not perform {request}; allowed roles: {roles}."),
        ["transition.not-allowed"] = ("{lifecycle}当前状态为“{state}”，不能执行“{trigger}”；此状态下可执行：{allowed}。",
            "The {lifecycle} is in state {state}, where {trigger} is not allowed; allowed here: {allowed}."),
        ["transition.role-not-allowed"] = ("{lifecycle}在“{state}”状态下，角色“{role}”不能执行“{trigger}”；可执行的角色：{roles}。",
            "In state {state} of the {lifecycle}, role {role} may not fire {trigger}; roles that may: {roles}."),
        ["transition.guards-unmet"] = ("{lifecycle}在“{state}”状态下暂不能执行“{trigger}”，尚未满足：{unmet}。",
            "The {lifecycle} cannot {trigger} in state {state} yet; unmet: {unmet}."),
        ["concurrency.stale-version"] = ("{entity}已被他人修改（当前版本 {current}，您看到的是 {expected}），请刷新后重试。",
            "{entity} was changed by someone else (current version {current}, you had {expected}); reload and try again."),
        ["concurrency.conflict"] = ("{entity}正被他人同时修改，本次操作未保存，请刷新后重试。",
            "{entity} was changed by someone else at the same time; nothing was saved. Reload and try again."),
        ["notification.no-recipient"] = ("“{event}”须通知单位“{unit}”的{role}（范围：{scope}），但未配置接收人，操作未执行。",
            "{event} must notify the {role} ({scope}) of {unit}, but nobody holds that role; nothing was changed."),
        ["inspection.nothing-to-feed-back"] = ("巡察“{inspection}”没有待反馈的问题。", "Inspection {inspection} has no registered problems to feed back."),
        ["plan.already-accepted"] = ("整改方案已通过审核，不能再加入新问题。", "The rectification plan is already accepted; no problem can be added to it."),
        ["setup.already-done"] = ("本系统已完成初始化（根单位“{root}”），不能再次初始化；请由系统管理员登录后添加单位和用户。",
            "This deployment is already set up (root unit {root}); it cannot be set up again. The administrator signs in and adds units and users."),
        ["unit.code-taken"] = ("“{parent}”下已有代码为 {code} 的单位。", "{parent} already has a unit with code {code}."),
        ["unit.inactive"] = ("单位“{unit}”已撤销，不能再办理此操作。", "The unit {unit} is deactivated; this can no longer be done."),
        ["unit.parent-inactive"] = ("上级单位“{parent}”已撤销，不能在其下设立或调入单位。", "The parent unit {parent} is deactivated; no unit can be added or moved under it."),
        ["unit.name-unchanged"] = ("单位名称未改变，仍为“{unit}”。", "The name is unchanged: {unit}."),
        ["unit.move-into-own-subtree"] = ("不能把“{unit}”调整到它自身或其下级单位“{parent}”之下。", "{unit} cannot be moved under itself or under one of its own subordinates ({parent})."),
        ["unit.already-under"] = ("“{unit}”已在“{parent}”之下。", "{unit} is already under {parent}."),
        ["unit.too-deep"] = ("调整后“{unit}”的层级过深，不能调整到“{parent}”之下。", "Under {parent}, {unit} would be nested too deep."),
        ["unit.root"] = ("最上级单位“{unit}”不能撤销。", "The top unit {unit} cannot be deactivated."),
        ["unit.has-active-subordinates"] = ("“{unit}”还有 {count} 个未撤销的下级单位，请先撤销或调整这些单位。", "{unit} still has {count} active subordinate units; deactivate or move them first."),
        ["unit.has-open-problems"] = ("“{unit}”还有 {count} 个问题未销号，不能撤销。", "{unit} still has {count} problems not closed; it cannot be deactivated."),
        ["unit.has-active-users"] = ("“{unit}”还有 {count} 个未停用的账户，请先停用这些账户。", "{unit} still has {count} accounts that are not disabled; disable them first."),
        ["round.exists"] = ("{year}年第{number}轮已存在。", "Round {number} of {year} already exists."),
        ["problem.code-taken"] = ("问题编号 {code} 已被使用。", "Problem code {code} is already taken."),
        ["ledger.deadline-out-of-limits"] = ("问题 {problem}（{kind}）的整改时限 {deadline} 超出允许范围 {earliest} 至 {latest}。",
            "The deadline {deadline} of problem {problem} ({kind}) is outside the allowed range {earliest} to {latest}."),
        ["clue.report-month"] = ("月份应为“年-月”，如 2026-11。", "The month must be given as year-month, e.g. 2026-11."),
        ["clue.report-not-visible"] = ("您的角色不能查看问题线索的统计。", "Your role may not read the clue figures."),
        ["clue.problems-not-of-inspection"] = ("线索关联的问题不属于本次巡察。", "The clue names problems that are not of this inspection."),
        ["writeoff.not-closed"] = ("问题 {problem} 尚未销号（当前状态“{state}”），不能出具销号单。", "Problem {problem} is not closed (state {state}); it has no write-off record yet."),
        ["extension.case-not-running"] = ("该{kind}当前不在整改时限内，无需延期。", "This {kind} has no running deadline to extend."),
        ["extension.not-later"] = ("申请的时限 {requested} 不晚于现有时限 {current}。", "The requested deadline {requested} is not later than the current one, {current}."),
        ["extension.already-requested"] = ("已有一项延期申请待审批。", "An extension request is already waiting for a decision."),
        ["extension.already-decided"] = ("该延期申请已审批（{status}）。", "This extension request was already decided ({status})."),
        ["task.already-done"] = ("该任务已完成。", "This task is already done."),
        ["deputy.not-of-same-unit"] = ("代理人须为本单位的其他人员。", "A deputy must be another person of your own unit."),
        ["evaluation.unknown-source"] = ("评价来源“{source}”未定义，可用：{sources}。", "There is no evaluation source {source}; sources: {sources}."),
        ["evaluation.role-may-not-score"] = ("角色“{role}”不能录入“{source}”评分，可录入的角色：{roles}。", "Role {role} may not score {source}; roles that may: {roles}."),
        ["evidence.file-not-of-problem"] = ("佐证材料文件 {file} 不属于问题 {problem}，请先上传到该问题。", "Evidence file {file} is not a file of problem {problem}; upload it to that problem first."),
        ["evidence.no-file"] = ("请以 multipart/form-data 上传一个文件（字段名 file）。", "Upload one file as multipart/form-data (field name file)."),
        ["evidence.too-large"] = ("佐证材料文件不得超过 {limit} 字节。", "An evidence file may not exceed {limit} bytes."),
        ["evidence.type-not-allowed"] = ("文件内容不是允许的类型（PDF、JPEG、PNG、Word/Excel 文档、纯文本），与文件名无关。",
            "The file's content is not of an allowed type (PDF, JPEG, PNG, Word/Excel document, plain text), whatever its name says."),
        ["evidence.active-content"] = ("文件“{name}”含有宏、控件、嵌入对象或可执行内容，不能作为佐证材料；请另存为不含宏的文档或 PDF 后上传。",
            "The file \"{name}\" contains macros, controls, embedded objects or executable content and cannot be evidence; save it as a macro-free document or a PDF and upload that."),
        ["evidence.external-reference"] = ("文件“{name}”引用了外部内容（如附加模板、外部链接或链接对象），打开时会从外部获取，不能作为佐证材料。",
            "The file \"{name}\" refers to outside content (an attached template, an external link, a linked object) fetched when it is opened, and cannot be evidence."),
        ["evidence.package-too-large"] = ("文件“{name}”压缩包条目过多或解压后过大（至多 {maxEntries} 个条目、解压后 {maxBytes} 字节）。",
            "The file \"{name}\" has too many entries or unpacks too large (at most {maxEntries} entries and {maxBytes} bytes unpacked)."),
        ["evidence.package-malformed"] = ("文件“{name}”的压缩包结构有误（如重复条目或无法读取的部件），不能作为佐证材料。",
            "The file \"{name}\" is a broken or ambiguous package (duplicate entries, unreadable parts) and cannot be evidence."),
        ["evidence.active-markup"] = ("文件“{name}”是网页或含脚本的标记（HTML、SVG、脚本），浏览器会执行其中内容，不能作为佐证材料；请另存为 PDF 或纯文本。",
            "The file \"{name}\" is a web page or markup with script (HTML, SVG, script) that a browser would run, and cannot be evidence; save it as a PDF or plain text."),
        ["evidence.name-invalid"] = ("文件名“{name}”无效：不得含路径、控制字符或为空。", "The file name \"{name}\" is not valid: no paths, no control characters, not empty."),
        ["document.not-fed-back"] = ("巡察“{inspection}”尚未反馈问题，暂无反馈意见和整改情况报告。", "Inspection {inspection} has no fed-back problems yet, so it has no feedback letter or status report."),
        ["account.sign-in-failed"] = ("用户名或密码错误，或账户已被锁定或停用。多次登录失败后账户锁定 {minutes} 分钟；如仍无法登录，请联系管理员。",
            "The user name or password is wrong, or the account is locked or disabled. After repeated failures an account is locked for {minutes} minutes; if signing in still fails, ask an administrator."),
        ["account.no-password"] = ("该账户没有本地密码（通过统一身份认证登录），不能在此修改密码。", "This account has no local password (it signs in through single sign-on); it cannot be changed here."),
        ["account.password-mismatch"] = ("当前密码不正确。", "The current password is wrong."),
        ["account.password-rejected"] = ("新密码不符合密码规则：{rules}", "The new password does not meet the password rules: {rules}"),
        ["account.disabled"] = ("该账户已被停用，请联系管理员。", "This account is disabled; ask an administrator."),
        ["account.user-name-taken"] = ("用户名“{userName}”已被使用。", "The user name {userName} is already taken."),
        ["account.cannot-disable-self"] = ("不能停用自己的账户。", "You cannot disable your own account."),
        ["receipt.not-receiver"] = ("“{kind}”须由以下角色签收：{roles}；角色“{role}”不能签收。", "A {kind} is acknowledged by {roles}; role {role} may not acknowledge it."),
        ["receipt.already-acknowledged"] = ("该事项已由{by}于{at}签收，无需重复签收。", "This item was already acknowledged by {by} at {at}."),
        ["ledger-change.plan-not-accepted"] = ("整改方案尚未通过审核（当前状态“{state}”），请直接修改台账。", "The plan is not accepted yet (state {state}); edit the ledger line directly."),
        ["ledger-change.problem-closed"] = ("问题 {problem} 已销号，台账不能再变更。", "Problem {problem} is closed; its ledger line can no longer change."),
        ["ledger-change.nothing-changed"] = ("问题 {problem} 的台账没有任何变更。", "The ledger line of problem {problem} is unchanged."),
        ["ledger-change.already-proposed"] = ("问题 {problem} 已有一项台账变更待审核。", "A change of the ledger line of problem {problem} is already waiting for a decision."),
        ["ledger-change.already-decided"] = ("该台账变更已审核（{status}）。", "This ledger line change was already decided ({status})."),
        ["common-problem.not-configured"] = ("未配置未巡先改自查时限（workflows/reminders.yaml 的 selfChecks）。", "No self-check time limit is configured (selfChecks in workflows/reminders.yaml)."),
        ["common-problem.already-pushed"] = ("问题 {problem} 已作为共性问题推送。", "Problem {problem} was already pushed as a common problem."),
        ["common-problem.no-units"] = ("所选范围内没有可推送自查的单位。", "There is no unit to push the self-check to in the selection."),
        ["self-check.already-answered"] = ("该自查任务已于{at}作答（{answer}）。", "This self-check task was already answered ({answer}) at {at}."),
        ["authentication.required"] = ("请先登录。", "Sign-in is required."),
        ["authorization.forbidden"] = ("您无权访问该资源。", "You may not access this resource."),
        ["request.malformed"] = ("请求格式有误。", "The request is malformed."),
        ["request.method-not-allowed"] = ("该地址不支持此请求方法。", "This address does not accept that request method."),
        ["request.too-large"] = ("请求内容过大。", "The request body is too large."),
        ["request.uri-too-long"] = ("请求地址过长。", "The request address is too long."),
        ["request.unsupported-media-type"] = ("不支持的内容类型，请以 application/json 提交。", "Unsupported content type; send application/json."),
        ["text.forbidden-character"] = ("第 {position} 个字符 {character} 不允许使用：文字中不得含控制字符或不可见的格式、方向控制字符（如 U+202E、零宽字符）。",
            "The character {character} at position {position} is not allowed: texts may hold no control characters and no invisible formatting or direction characters (such as U+202E or zero-width characters)."),
        ["request.rate-limited"] = ("请求过于频繁，请稍后再试。", "Too many requests; try again later."),
        ["request.invalid-character"] = ("请求中含有不允许的字符 U+0000。", "The request contains the character U+0000, which no field accepts."),
        ["request.cross-site"] = ("拒绝来自其他网站的请求：使用登录 Cookie 的修改操作只能由本系统的页面发出。",
            "Refused a request from another site: a change made with the sign-in cookie must come from this system's own pages."),
        ["request.antiforgery-token-invalid"] = ("缺少有效的防伪令牌：使用登录 Cookie 的修改操作须在请求头 RequestVerificationToken 中携带令牌（可从 GET /api/account/antiforgery 获取）。",
            "A valid antiforgery token is missing: a change made with the sign-in cookie must carry the token in the RequestVerificationToken header (from GET /api/account/antiforgery)."),
        ["import.unreadable"] = ("文件无法读取：请上传 Excel（.xlsx）文件。", "The file cannot be read: upload an Excel (.xlsx) file."),
        ["import.empty"] = ("表中没有数据行。", "The sheet has no data rows."),
        ["import.missing-columns"] = ("表头缺少以下列：{columns}。请下载模板，按模板的表头填写。", "The header row lacks these columns: {columns}. Download the template and keep its headers."),
        ["import.required"] = ("“{column}”不能为空。", "{column} must not be empty."),
        ["import.unknown-value"] = ("“{column}”的值“{value}”无法识别，可填：{choices}。", "{column} \"{value}\" is not one of: {choices}."),
        ["import.bad-date"] = ("“{column}”的值“{value}”不是日期，请填写如 2026-06-30。", "{column} \"{value}\" is not a date; write e.g. 2026-06-30."),
        ["import.duplicate-in-sheet"] = ("“{column}”为 {value} 的行重复（第 {row} 行已有）。", "{column} {value} appears twice (already in row {row})."),
        ["import.unknown-problem"] = ("本整改方案中没有编号为 {code} 的问题。", "This plan has no problem with code {code}."),
        ["import.unknown-unit"] = ("您的管理范围内没有编码为 {code} 的单位。", "No unit in your scope has the code {code}."),
        ["import.ambiguous-unit"] = ("编码 {code} 对应多个单位，无法确定是哪一个。", "The code {code} names several units; it cannot tell which."),
        ["import.plan-not-editable"] = ("整改方案当前状态为“{state}”，不能导入台账。", "The plan is {state}; ledger lines cannot be imported now."),
        ["import.not-checked"] = ("请先上传并检查文件：全部行无误后才能导入。", "Upload and check the file first: it is imported only when every row is valid."),
        ["server.error"] = ("服务器内部错误，请联系管理员并提供跟踪号。", "An internal error occurred; give the trace id to an administrator."),
    };

    public static string Title(ErrorKind kind, CultureInfo culture) => (kind, IsEnglish(culture)) switch
    {
        (ErrorKind.Validation, false) => "输入有误",
        (ErrorKind.Validation, true) => "Invalid input",
        (ErrorKind.NotFound, false) => "未找到",
        (ErrorKind.NotFound, true) => "Not found",
        (ErrorKind.Forbidden, false) => "无权操作",
        (ErrorKind.Forbidden, true) => "Forbidden",
        (ErrorKind.TransitionNotAllowed, false) => "当前状态不允许此操作",
        (ErrorKind.TransitionNotAllowed, true) => "Transition not allowed",
        (ErrorKind.Conflict, false) => "冲突",
        (ErrorKind.Conflict, true) => "Conflict",
        (_, false) => "不符合规则",
        (_, true) => "Rule broken",
    };

    public static string Format(Error error, CultureInfo culture) => Format(error.Code, error.Args, culture);

    public static string Format(string code, IReadOnlyDictionary<string, object?> args, CultureInfo culture)
    {
        if (!Catalog.TryGetValue(code, out var texts))
        {
            return code;
        }

        var template = IsEnglish(culture) ? texts.En : texts.ZhCn;
        var english = IsEnglish(culture);
        return Placeholder().Replace(template, m => args.TryGetValue(m.Groups[1].Value, out var v) ? Text(v, english) : m.Value);
    }

    /// <summary>An argument as a user reads it: a term by its label, a list of terms joined as each language lists.</summary>
    private static string Text(object? value, bool english) => value switch
    {
        Term term => english ? term.Label.En : term.Label.ZhCn,
        IEnumerable<Term> terms when !terms.Any() => english ? "none" : "无",
        IEnumerable<Term> terms => string.Join(english ? ", " : "、", terms.Select(t => english ? t.Label.En : t.Label.ZhCn)),
        // A day as each language writes it, never the invariant culture's month/day/year.
        DateOnly day => english ? day.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
        // An instant in the office's zone, named.
        DateTime utc => english
            ? OfficeTime.LocalOf(utc).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " (" + OfficeZone(true) + ")"
            : OfficeTime.LocalOf(utc).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture) + "（" + OfficeZone(false) + "）",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string OfficeZone(bool english) => OfficeTime.Zone.Id is "Asia/Shanghai" or "China Standard Time" ? (english ? "Beijing time" : "北京时间") : OfficeTime.Zone.Id;

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
