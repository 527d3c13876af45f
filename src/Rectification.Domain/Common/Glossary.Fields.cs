using Rectification.Domain.Lifecycles;

namespace Rectification.Domain.Common;

public static partial class Glossary
{
    /// <summary>
    /// The fields people fill in, by the member name of the command that carries them, as a refusal names them
    /// ("'整改措施'不能为空。"): without this the validator would print the C# name ("'Measures'").
    /// </summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> Fields = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["Address"] = new("地址", "address"),
        ["Basis"] = new("依据", "basis"),
        ["CasesFiled"] = new("立案数", "cases filed"),
        ["Category"] = new("类别", "category"),
        ["Channel"] = new("登录方式", "channel"),
        ["Code"] = new("编号", "code"),
        ["Colour"] = new("移交单颜色", "sheet colour"),
        ["Comment"] = new("意见", "comment"),
        ["Count"] = new("条数", "count"),
        ["CurrentPassword"] = new("当前密码", "current password"),
        ["Deadline"] = new("整改时限", "deadline"),
        ["Department"] = new("部门", "department"),
        ["DeputyUserId"] = new("代理人", "deputy"),
        ["Description"] = new("问题描述", "description"),
        ["Digest"] = new("摘要值", "digest"),
        ["DisplayName"] = new("姓名", "name shown"),
        ["Email"] = new("电子邮箱", "e-mail address"),
        ["EndDate"] = new("结束日期", "end date"),
        ["Evidence"] = new("佐证材料", "evidence"),
        ["Facts"] = new("事实", "facts"),
        ["File"] = new("文件", "file"),
        ["FileName"] = new("文件名", "file name"),
        ["From"] = new("开始日期", "from"),
        ["GroupName"] = new("巡察组", "inspection group"),
        ["Kind"] = new("类型", "kind"),
        ["Level"] = new("层级", "level"),
        ["Light"] = new("亮灯", "light"),
        ["LineComments"] = new("逐条意见", "comments per line"),
        ["Measures"] = new("整改措施", "measures"),
        ["Milestone"] = new("节点", "milestone"),
        ["MoneyRecovered"] = new("挽回经济损失", "money recovered"),
        ["Month"] = new("月份", "month"),
        ["Months"] = new("月数", "months"),
        ["Rounds"] = new("轮次", "rounds"),
        ["RootCode"] = new("根单位编码", "root unit code"),
        ["RootName"] = new("根单位名称", "root unit name"),
        ["RootLevel"] = new("根单位层级", "root unit level"),
        ["AdminUserName"] = new("管理员用户名", "administrator's user name"),
        ["AdminDisplayName"] = new("管理员姓名", "administrator's name"),
        ["AdminEmail"] = new("管理员电子邮箱", "administrator's e-mail"),
        ["AdminPassword"] = new("管理员初始密码", "administrator's initial password"),
        ["Term"] = new("届次", "term"),
        ["Kinds"] = new("巡察类型", "kinds of inspection"),
        ["Filter"] = new("统计条件", "choice of inspections"),
        ["Name"] = new("名称", "name"),
        ["NewDeadline"] = new("新的整改时限", "new deadline"),
        ["NewPassword"] = new("新密码", "new password"),
        ["Note"] = new("说明", "note"),
        ["Number"] = new("轮次序号", "number"),
        ["PageNumber"] = new("页码", "page"),
        ["PageSize"] = new("每页条数", "page size"),
        ["Password"] = new("密码", "password"),
        ["ParentId"] = new("上级单位", "parent unit"),
        ["PeopleDisciplined"] = new("处分人数", "people disciplined"),
        ["Percent"] = new("完成比例", "percentage done"),
        ["PreferredLanguage"] = new("语言", "language"),
        ["ProblemId"] = new("问题", "problem"),
        ["ProblemIds"] = new("问题", "problems"),
        ["ProcessRecord"] = new("处理记录", "record of handling"),
        ["Reason"] = new("原因", "reason"),
        ["Record"] = new("办理记录", "record"),
        ["ResponsibleDepartment"] = new("责任部门", "responsible department"),
        ["ResponsibleLeader"] = new("责任领导", "responsible leader"),
        ["Role"] = new("角色", "role"),
        ["RoundId"] = new("巡察轮次", "round"),
        ["Score"] = new("评分", "score"),
        ["Severity"] = new("严重程度", "severity"),
        ["Sha"] = new("文件校验值", "file checksum"),
        ["Sort"] = new("排序", "sort"),
        ["Source"] = new("评价来源", "source"),
        ["StartDate"] = new("开始日期", "start date"),
        ["State"] = new("状态", "state"),
        ["Step"] = new("督办环节", "escalation step"),
        ["Statement"] = new("情况说明", "statement"),
        ["Summary"] = new("概要", "summary"),
        ["Text"] = new("内容", "text"),
        ["Title"] = new("标题", "title"),
        ["To"] = new("结束日期", "to"),
        ["TransferredToJudicial"] = new("移送司法机关", "transferred to the judiciary"),
        ["UnitId"] = new("单位", "unit"),
        ["UnitIds"] = new("单位", "units"),
        ["UserName"] = new("用户名", "user name"),
        ["Year"] = new("年度", "year"),
    };

    // Where one member name means different things in different commands, the command's own label comes first.
    private static readonly IReadOnlyDictionary<string, LocalizedText> FieldsOfCommand = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["ReportProgress.Text"] = new("整改进展情况", "progress made"),
        ["EditLedgerLine.Kind"] = new("整改类型", "kind of rectification"),
        ["ProposeLedgerLineChange.Kind"] = new("整改类型", "kind of rectification"),
        ["RegisterInspection.Kind"] = new("巡察类型", "kind of inspection"),
        ["ReopenProblem.Reason"] = new("重新整改的原因", "reason for reopening"),
        ["RequestDeadlineExtension.Reason"] = new("延期理由", "reason for more time"),
        ["CreateRound.Name"] = new("轮次名称", "name of the round"),
        ["CompleteTask.Record"] = new("谈话情况", "what was said"),
        // A problem's title is what the ledger and the inspection group's sheet call the problem itself (问题 column).
        ["RegisterProblem.Title"] = new("问题", "problem"),
    };

    /// <returns>The label of a command's field, or null where the glossary lacks it (a test keeps that from happening).</returns>
    public static LocalizedText? Field(Type command, string member) =>
        FieldsOfCommand.GetValueOrDefault(command.Name + "." + member) ?? Fields.GetValueOrDefault(member);
}
