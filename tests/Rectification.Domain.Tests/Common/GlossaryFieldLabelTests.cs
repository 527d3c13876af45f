using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Domain.Tests.Common;

/// <summary>
/// The words a refusal uses for the field a user filled in ("'整改措施'不能为空。"), in both languages: a label emptied, swapped or
/// lost would make the message name the C# member or nothing. Where one member means different things in different commands,
/// the command's own label wins.
/// </summary>
[TestFixture]
public sealed class GlossaryFieldLabelTests
{
    // Stand-ins for commands: only the type's name is read.
    private sealed class NoSuchCommand;
    private sealed class ReportProgress;
    private sealed class EditLedgerLine;
    private sealed class ProposeLedgerLineChange;
    private sealed class RegisterInspection;
    private sealed class ReopenProblem;
    private sealed class RequestDeadlineExtension;
    private sealed class CreateRound;
    private sealed class CompleteTask;
    private sealed class RegisterProblem;

    private static readonly object[] FieldLabels =
    [
        new object[] { "Count", "条数", "count" },
        new object[] { "Months", "月数", "months" },
        new object[] { "Rounds", "轮次", "rounds" },
        new object[] { "RootCode", "根单位编码", "root unit code" },
        new object[] { "RootName", "根单位名称", "root unit name" },
        new object[] { "RootLevel", "根单位层级", "root unit level" },
        new object[] { "AdminUserName", "管理员用户名", "administrator's user name" },
        new object[] { "AdminDisplayName", "管理员姓名", "administrator's name" },
        new object[] { "AdminEmail", "管理员电子邮箱", "administrator's e-mail" },
        new object[] { "AdminPassword", "管理员初始密码", "administrator's initial password" },
        new object[] { "Term", "届次", "term" },
        new object[] { "Kinds", "巡察类型", "kinds of inspection" },
        new object[] { "Filter", "统计条件", "choice of inspections" },
        new object[] { "Step", "督办环节", "escalation step" },
        new object[] { "Address", "地址", "address" },
        new object[] { "Basis", "依据", "basis" },
        new object[] { "CasesFiled", "立案数", "cases filed" },
        new object[] { "Category", "类别", "category" },
        new object[] { "Channel", "登录方式", "channel" },
        new object[] { "Code", "编号", "code" },
        new object[] { "Colour", "移交单颜色", "sheet colour" },
        new object[] { "Comment", "意见", "comment" },
        new object[] { "CurrentPassword", "当前密码", "current password" },
        new object[] { "Deadline", "整改时限", "deadline" },
        new object[] { "Department", "部门", "department" },
        new object[] { "DeputyUserId", "代理人", "deputy" },
        new object[] { "Description", "问题描述", "description" },
        new object[] { "Digest", "摘要值", "digest" },
        new object[] { "DisplayName", "姓名", "name shown" },
        new object[] { "Email", "电子邮箱", "e-mail address" },
        new object[] { "EndDate", "结束日期", "end date" },
        new object[] { "Evidence", "佐证材料", "evidence" },
        new object[] { "Facts", "事实", "facts" },
        new object[] { "File", "文件", "file" },
        new object[] { "FileName", "文件名", "file name" },
        new object[] { "From", "开始日期", "from" },
        new object[] { "GroupName", "巡察组", "inspection group" },
        new object[] { "Kind", "类型", "kind" },
        new object[] { "Level", "层级", "level" },
        new object[] { "Light", "亮灯", "light" },
        new object[] { "LineComments", "逐条意见", "comments per line" },
        new object[] { "Measures", "整改措施", "measures" },
        new object[] { "Milestone", "节点", "milestone" },
        new object[] { "MoneyRecovered", "挽回经济损失", "money recovered" },
        new object[] { "Month", "月份", "month" },
        new object[] { "Name", "名称", "name" },
        new object[] { "NewDeadline", "新的整改时限", "new deadline" },
        new object[] { "NewPassword", "新密码", "new password" },
        new object[] { "Note", "说明", "note" },
        new object[] { "Number", "轮次序号", "number" },
        new object[] { "PageNumber", "页码", "page" },
        new object[] { "PageSize", "每页条数", "page size" },
        new object[] { "Password", "密码", "password" },
        new object[] { "ParentId", "上级单位", "parent unit" },
        new object[] { "PeopleDisciplined", "处分人数", "people disciplined" },
        new object[] { "Percent", "完成比例", "percentage done" },
        new object[] { "PreferredLanguage", "语言", "language" },
        new object[] { "ProblemId", "问题", "problem" },
        new object[] { "ProblemIds", "问题", "problems" },
        new object[] { "ProcessRecord", "处理记录", "record of handling" },
        new object[] { "Reason", "原因", "reason" },
        new object[] { "Record", "办理记录", "record" },
        new object[] { "ResponsibleDepartment", "责任部门", "responsible department" },
        new object[] { "ResponsibleLeader", "责任领导", "responsible leader" },
        new object[] { "Role", "角色", "role" },
        new object[] { "RoundId", "巡察轮次", "round" },
        new object[] { "Score", "评分", "score" },
        new object[] { "Severity", "严重程度", "severity" },
        new object[] { "Sha", "文件校验值", "file checksum" },
        new object[] { "Sort", "排序", "sort" },
        new object[] { "Source", "评价来源", "source" },
        new object[] { "StartDate", "开始日期", "start date" },
        new object[] { "State", "状态", "state" },
        new object[] { "Statement", "情况说明", "statement" },
        new object[] { "Summary", "概要", "summary" },
        new object[] { "Text", "内容", "text" },
        new object[] { "Title", "标题", "title" },
        new object[] { "To", "结束日期", "to" },
        new object[] { "TransferredToJudicial", "移送司法机关", "transferred to the judiciary" },
        new object[] { "UnitId", "单位", "unit" },
        new object[] { "UnitIds", "单位", "units" },
        new object[] { "UserName", "用户名", "user name" },
        new object[] { "Year", "年度", "year" },
    ];

    private static readonly object[] CommandFieldLabels =
    [
        new object[] { "ReportProgress", "Text", "整改进展情况", "progress made" },
        new object[] { "EditLedgerLine", "Kind", "整改类型", "kind of rectification" },
        new object[] { "ProposeLedgerLineChange", "Kind", "整改类型", "kind of rectification" },
        new object[] { "RegisterInspection", "Kind", "巡察类型", "kind of inspection" },
        new object[] { "ReopenProblem", "Reason", "重新整改的原因", "reason for reopening" },
        new object[] { "RequestDeadlineExtension", "Reason", "延期理由", "reason for more time" },
        new object[] { "CreateRound", "Name", "轮次名称", "name of the round" },
        new object[] { "CompleteTask", "Record", "谈话情况", "what was said" },
        new object[] { "RegisterProblem", "Title", "问题", "problem" },
    ];

    [TestCaseSource(nameof(FieldLabels))]
    public void Field_OfACommandWithoutItsOwnLabel_ReadsTheFieldsLabel(string member, string zhCn, string en)
    {
        Assert.That(Glossary.Field(typeof(NoSuchCommand), member), Is.EqualTo(new LocalizedText(zhCn, en)));
    }

    [TestCaseSource(nameof(CommandFieldLabels))]
    public void Field_ThatTheCommandNamesItsOwnWay_ReadsTheCommandsLabel(string command, string member, string zhCn, string en)
    {
        var type = typeof(GlossaryFieldLabelTests).GetNestedType(command, System.Reflection.BindingFlags.NonPublic)!;

        Assert.That(Glossary.Field(type, member), Is.EqualTo(new LocalizedText(zhCn, en)));
    }

    [Test]
    public void Fields_AreExactlyTheOnesListed()
    {
        Assert.That(Glossary.Fields.Keys, Is.EquivalentTo(FieldLabels.Cast<object[]>().Select(row => (string)row[0])));
    }

    [Test]
    public void Field_TheGlossaryLacks_IsNull_AndMembersMatchExactly()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Glossary.Field(typeof(NoSuchCommand), "Horsepower"), Is.Null);
            Assert.That(Glossary.Field(typeof(NoSuchCommand), "measures"), Is.Null, "member names are case-sensitive");
        }
    }

    [Test]
    public void Field_OfAnotherCommand_KeepsTheGeneralLabel()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Glossary.Field(typeof(CreateRound), "Reason"), Is.EqualTo(new LocalizedText("原因", "reason")));
            Assert.That(Glossary.Field(typeof(ReopenProblem), "Kind"), Is.EqualTo(new LocalizedText("类型", "kind")));
        }
    }
}
