using Rectification.Domain.Lifecycles;

namespace Rectification.Domain.Common;

public static partial class Glossary
{
    /// <summary>
    /// The column headers of the Excel sheets the offices exchange (台账导出, the import templates), by column key, in the words the
    /// offices' own sheets use. An import finds its columns by these headers in either language.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> SheetColumns = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["No"] = new("序号", "No."),
        ["ProblemCode"] = new("问题编号", "Problem code"),
        ["Problem"] = new("问题", "Problem"),
        ["Measures"] = new("整改措施", "Measures"),
        ["ResponsibleLeader"] = new("责任领导", "Responsible leader"),
        ["ResponsibleDepartment"] = new("责任部门", "Responsible department"),
        ["Kind"] = new("整改类型", "Kind of rectification"),
        ["Deadline"] = new("整改时限", "Deadline"),
        ["Progress"] = new("进展", "Progress"),
        ["State"] = new("状态", "State"),
        ["Light"] = new("亮灯", "Light"),
        ["ClosedOn"] = new("销号日期", "Closed on"),
        ["Description"] = new("问题描述", "Description"),
        ["Category"] = new("问题类别", "Category"),
        ["Severity"] = new("严重程度", "Severity"),
        ["Facts"] = new("具体表现", "Facts"),
        ["Basis"] = new("认定依据", "Basis"),
        ["ProcessRecord"] = new("过程记录", "Process record"),
        ["UnitCode"] = new("单位编码", "Unit code"),
        ["UnitName"] = new("单位名称", "Unit name"),
        ["UnitLevel"] = new("单位层级", "Unit level"),
        ["ParentCode"] = new("上级单位编码", "Parent unit code"),
        ["UserName"] = new("用户名", "User name"),
        ["DisplayName"] = new("姓名", "Name"),
        ["Role"] = new("角色", "Role"),
        ["Email"] = new("电子邮箱", "E-mail"),
        ["Language"] = new("语言", "Language"),
        ["Password"] = new("初始密码", "Initial password"),
        ["Errors"] = new("错误说明", "Errors"),
        // The statistics reported upward (报送统计), as their tables head their columns on the page and in the sheet.
        ["InspectionKind"] = new("巡察类型", "Kind of inspection"),
        ["Inspections"] = new("巡察次数", "Inspections"),
        ["UnitsInspected"] = new("被巡察单位", "Units inspected"),
        ["FedBack"] = new("反馈问题", "Fed back"),
        ["Rectified"] = new("已整改", "Rectified"),
        ["CompletionRate"] = new("整改完成率(%)", "Completion rate (%)"),
        ["Overdue"] = new("逾期", "Overdue"),
        ["Reopened"] = new("重新整改", "Reopened"),
        ["Level"] = new("层级", "Level"),
        ["Units"] = new("单位数", "Units"),
        ["Coverage"] = new("覆盖率(%)", "Coverage (%)"),
        ["Total"] = new("合计", "Total"),
        ["LookBacks"] = new("巡察“回头看”次数", "Look-backs"),
        ["UnitsLookedBack"] = new("“回头看”单位", "Units looked back"),
        ["LookBackReopened"] = new("“回头看”发现需重新整改的问题", "Problems reopened by look-backs"),
        ["CluesHandedOver"] = new("移交问题线索", "Clue sheets handed over"),
        ["CluesConcluded"] = new("线索办结", "Clue sheets concluded"),
        ["CasesFiled"] = new("立案", "Cases filed"),
        ["PeopleDisciplined"] = new("处分人数", "People disciplined"),
        ["TransferredToJudicial"] = new("移送司法", "Transferred to judicial organs"),
        ["MoneyRecovered"] = new("挽回资金(万元)", "Money recovered (10,000 yuan)"),
    };

    public static LocalizedText SheetColumn(string key) => SheetColumns.GetValueOrDefault(key) ?? new(key, key);
}
