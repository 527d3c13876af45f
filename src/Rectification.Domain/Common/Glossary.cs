using Rectification.Domain.Auditing;
using Rectification.Domain.Clues;
using Rectification.Domain.Inspections;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Receipts;
using Rectification.Domain.Reminders;

namespace Rectification.Domain.Common;

/// <summary>
/// The one glossary of every word a user sees for a code: enum values, triggers, guards, objects and audit actions, in
/// Simplified Chinese and English. States come from the lifecycle files, which carry their own labels. Pages, documents,
/// mails and error texts all read their labels here; a test keeps every code in both languages.
/// </summary>
public static partial class Glossary
{
    private static readonly Dictionary<Type, Dictionary<string, LocalizedText>> EnumLabels = new()
    {
        [typeof(Role)] = Labels(
            (Role.UnitLiaison, "整改联络员", "unit liaison"),
            (Role.UnitLeader, "单位主要负责人", "unit's principal leader"),
            (Role.InspectionOffice, "巡察办", "inspection office"),
            (Role.InspectionGroup, "巡察组", "inspection group"),
            (Role.DisciplineCommission, "纪委监委", "discipline commission"),
            (Role.OrganizationDepartment, "组织部", "organization department"),
            (Role.Leadership, "领导", "leadership"),
            (Role.Administrator, "系统管理员", "administrator"),
            (Role.System, "系统", "the system")),
        [typeof(Severity)] = Labels((Severity.General, "一般", "general"), (Severity.Serious, "较重", "serious"), (Severity.Major, "重大", "major")),
        [typeof(RectificationKind)] = Labels(
            (RectificationKind.Immediate, "立行立改", "immediate"),
            (RectificationKind.TimeLimited, "限期整改", "time-limited"),
            (RectificationKind.LongTerm, "长期坚持", "long-term")),
        [typeof(InspectionKind)] = Labels(
            (InspectionKind.Regular, "常规巡察", "regular inspection"),
            (InspectionKind.Special, "专项巡察", "special inspection"),
            (InspectionKind.Mobile, "机动巡察", "mobile inspection"),
            (InspectionKind.Cross, "交叉巡察", "cross inspection"),
            (InspectionKind.Elevated, "提级巡察", "elevated inspection"),
            (InspectionKind.LookBack, "巡察“回头看”", "look-back inspection"),
            (InspectionKind.SelfCheck, "未巡先改自查", "self-check of a common problem")),
        [typeof(SheetColour)] = Labels((SheetColour.Red, "红色", "red"), (SheetColour.Yellow, "黄色", "yellow"), (SheetColour.Blue, "蓝色", "blue")),
        [typeof(TrafficLight)] = Labels(
            (TrafficLight.None, "—", "—"), (TrafficLight.Green, "绿灯", "green"), (TrafficLight.Yellow, "黄灯", "yellow"), (TrafficLight.Red, "红灯", "red")),
        [typeof(ReceiptKind)] = Labels(
            (ReceiptKind.Feedback, "反馈意见", "feedback"),
            (ReceiptKind.ReturnedPlan, "退回的整改方案", "returned plan"),
            (ReceiptKind.HandoverSheet, "问题线索交办单", "clue handover sheet"),
            (ReceiptKind.Escalation, "督办通知", "escalation notice")),
        [typeof(ExtensionStatus)] = Labels(
            (ExtensionStatus.Requested, "待审批", "requested"), (ExtensionStatus.Approved, "已批准", "approved"), (ExtensionStatus.Rejected, "未批准", "rejected")),
        [typeof(LineChangeStatus)] = Labels(
            (LineChangeStatus.Proposed, "待审核", "proposed"),
            (LineChangeStatus.Accepted, "已同意", "accepted"),
            (LineChangeStatus.Refused, "未同意", "refused"),
            (LineChangeStatus.AppliedAtOnce, "已直接生效", "applied at once")),
        [typeof(ScreeningOutcome)] = Labels(
            (ScreeningOutcome.Pending, "待审核", "pending"), (ScreeningOutcome.Accepted, "审核通过", "accepted"), (ScreeningOutcome.Returned, "退回修改", "returned")),
        [typeof(SupervisionTaskKind)] = Labels((SupervisionTaskKind.ReminderTalk, "提醒谈话", "reminder talk")),
        [typeof(SupervisionTaskStatus)] = Labels((SupervisionTaskStatus.Open, "待办", "open"), (SupervisionTaskStatus.Done, "已办结", "done")),
        [typeof(OutboxStatus)] = Labels((OutboxStatus.Pending, "待发送", "pending"), (OutboxStatus.Sent, "已发送", "sent"), (OutboxStatus.Failed, "发送失败", "failed")),
        [typeof(SignOffOrder)] = Labels((SignOffOrder.Parallel, "各方同时签字", "in parallel"), (SignOffOrder.Sequential, "各方依次签字", "in order")),
        [typeof(RecipientScope)] = Labels((RecipientScope.Unit, "本单位", "the unit itself"), (RecipientScope.Above, "上级单位", "the units above")),
        [typeof(Workplace.WorkKind)] = Labels(
            (Workplace.WorkKind.SignReceipt, "签收", "sign the receipt"),
            (Workplace.WorkKind.DraftPlan, "编制整改方案", "draft the plan"),
            (Workplace.WorkKind.RevisePlan, "修改退回的整改方案", "revise the returned plan"),
            (Workplace.WorkKind.ScreenPlan, "审核整改方案", "screen the plan"),
            (Workplace.WorkKind.FeedBack, "反馈问题", "feed back the problem"),
            (Workplace.WorkKind.ReportProgress, "报送整改进展", "report progress"),
            (Workplace.WorkKind.SubmitForReview, "提交销号审核", "submit for review"),
            (Workplace.WorkKind.SignOff, "销号签字", "sign off"),
            (Workplace.WorkKind.CloseProblem, "销号", "close the problem"),
            (Workplace.WorkKind.ReminderTalk, "提醒谈话", "reminder talk"),
            (Workplace.WorkKind.DecideExtension, "审批延期申请", "decide the extension request")),
        [typeof(UnitLevel)] = Labels(
            (UnitLevel.Province, "省级", "province"), (UnitLevel.City, "市级", "city"), (UnitLevel.County, "县（区）级", "county"),
            (UnitLevel.Township, "乡镇（街道）", "township"), (UnitLevel.Village, "村（社区）", "village"), (UnitLevel.Bureau, "部门", "bureau"),
            (UnitLevel.Enterprise, "国有企业", "state-owned enterprise"), (UnitLevel.Institution, "事业单位", "public institution")),
    };

    /// <summary>Triggers of the lifecycle files, as the action a user takes.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> Triggers = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["FeedBack"] = new("反馈", "feed back"),
        ["StartRectification"] = new("开始整改", "start rectification"),
        ["ReportProgress"] = new("报送整改进展", "report progress"),
        ["SubmitForReview"] = new("提交销号审核", "submit for review"),
        ["SignOff"] = new("签字确认", "sign off"),
        ["RejectReview"] = new("退回整改", "reject the review"),
        ["Close"] = new("销号", "close"),
        ["Reopen"] = new("重新整改", "reopen"),
        ["Submit"] = new("报送整改方案", "submit the plan"),
        ["Accept"] = new("审核通过", "accept"),
        ["Return"] = new("退回修改", "return"),
        ["EditLine"] = new("修改台账", "edit a ledger line"),
        ["StartInvestigation"] = new("开始核查", "start the investigation"),
        ["Conclude"] = new("办结", "conclude"),
    };

    /// <summary>Guards, as the condition a user must meet.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> Guards = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["ledger-complete"] = new("每个反馈问题的台账均已填写完整", "every fed-back problem has a complete ledger line"),
        ["progress-reported"] = new("进入整改后已报送过整改进展", "a progress report was made since the problem (re)entered rectification"),
        ["evidence-attached"] = new("最近一次整改进展附有佐证材料", "the latest progress report carries evidence"),
        ["not-yet-signed-by-actor"] = new("本方尚未在本轮审核中签字", "the actor's party has not signed this review"),
        ["actor-is-required-party"] = new("本方是该问题须签字的一方", "the actor's party must sign this problem"),
        ["signing-in-order"] = new("按规定顺序签字", "parties sign in the order the definition sets"),
        ["all-required-signed"] = new("须签字的各方均已签字", "every required party has signed this review"),
    };

    /// <summary>The objects a request can name, as an error or a page says them.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> Objects = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["Unit"] = new("单位", "unit"),
        ["Round"] = new("巡察轮次", "inspection round"),
        ["Inspection"] = new("巡察", "inspection"),
        ["Problem"] = CaseKind.Problem.Noun,
        ["Plan"] = CaseKind.Plan.Noun,
        ["Clue"] = CaseKind.Clue.Noun,
        ["Receipt"] = CaseKind.Receipt.Noun,
        ["SelfCheck"] = CaseKind.SelfCheck.Noun,
        ["Extension"] = new("延期申请", "deadline extension"),
        ["Task"] = new("督办任务", "supervision task"),
        ["User"] = new("用户", "user"),
        ["EvidenceFile"] = new("佐证材料", "evidence file"),
        ["LineChange"] = new("台账调整申请", "ledger line change"),
        ["LedgerLine"] = new("台账条目", "ledger line"),
        ["CommonPush"] = new("共性问题推送", "common problem push"),
        ["Evaluation"] = new("整改成效评估", "effect evaluation"),
        ["ImportFile"] = new("导入文件", "import file"),
    };

    /// <summary>The commands, as the audit trail lists them; a command that fires a trigger may also be named by the trigger.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> Actions = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["RegisterInspection"] = new("登记巡察", "register an inspection"),
        ["CreateRound"] = new("新建巡察轮次", "create an inspection round"),
        ["RecordReportSnapshot"] = new("报送统计", "send figures upward"),
        ["SetUpDeployment"] = new("初始化部署", "set up the deployment"),
        ["CreateUnit"] = new("新建单位", "create a unit"),
        ["RenameUnit"] = new("单位更名", "rename a unit"),
        ["MoveUnit"] = new("调整上级单位", "move a unit"),
        ["DeactivateUnit"] = new("撤销单位", "deactivate a unit"),
        ["RegisterProblem"] = new("登记问题", "register a problem"),
        ["FeedBackProblem"] = new("反馈问题", "feed back a problem"),
        ["FeedBackInspection"] = new("反馈巡察意见", "feed back the inspection"),
        ["SubmitPlan"] = new("报送整改方案", "submit the plan"),
        ["AcceptPlan"] = new("审核通过整改方案", "accept the plan"),
        ["ReturnPlan"] = new("退回整改方案", "return the plan"),
        ["EditLedgerLine"] = new("填写台账", "edit a ledger line"),
        ["ProposeLedgerLineChange"] = new("申请调整台账", "propose a ledger line change"),
        ["DecideLedgerLineChange"] = new("审核台账调整", "decide a ledger line change"),
        ["RecordEvidenceFile"] = new("上传佐证材料", "upload evidence"),
        ["SignOffProblem"] = new("签字确认", "sign off"),
        ["CloseProblem"] = new("销号", "close"),
        ["ReopenProblem"] = new("重新整改", "reopen"),
        ["RequestDeadlineExtension"] = new("申请延期", "request a deadline extension"),
        ["DecideDeadlineExtension"] = new("审批延期", "decide a deadline extension"),
        ["NameDeputy"] = new("指定代理人", "name a deputy"),
        ["CompleteTask"] = new("办结督办任务", "complete a supervision task"),
        ["AcknowledgeReceipt"] = new("签收", "acknowledge receipt"),
        ["RecordEvaluationScore"] = new("评定整改成效", "score the effect evaluation"),
        ["PushCommonProblem"] = new("推送共性问题", "push a common problem"),
        ["AnswerSelfCheckNotPresent"] = new("自查报告无此问题", "answer the self-check: not present"),
        ["OpenSelfCheckProblem"] = new("自查发现问题并登记", "open a problem found by self-check"),
        ["HandOverClue"] = new("移交问题线索", "hand over a clue"),
        ["AcceptClue"] = new("接收问题线索", "accept a clue"),
        ["ConcludeClue"] = new("办结问题线索", "conclude a clue"),
        ["Account.SignIn"] = new("登录", "sign in"),
        ["Account.ChangePassword"] = new("修改密码", "change the password"),
        ["Account.Create"] = new("新建账号", "create an account"),
        ["Account.Disable"] = new("停用账号", "disable an account"),
        ["Account.Enable"] = new("启用账号", "enable an account"),
        ["Account.ResetPassword"] = new("重置密码", "reset the password"),
        ["Account.Unlock"] = new("解除锁定", "unlock an account"),
        // The account commands by their type names (the keys above stay for the entries written before they were commands).
        ["ChangeOwnPassword"] = new("修改密码", "change the password"),
        ["CreateAccount"] = new("新建账号", "create an account"),
        ["DisableAccount"] = new("停用账号", "disable an account"),
        ["EnableAccount"] = new("启用账号", "enable an account"),
        ["RecordSignIn"] = new("登录", "sign in"),
        ["ResetAccountPassword"] = new("重置密码", "reset the password"),
        ["UnlockAccount"] = new("解除锁定", "unlock an account"),
    };

    /// <summary>The fields of a ledger line (台账), as the plan's gaps name them.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> LedgerFields = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["Measures"] = new("整改措施", "measures"),
        ["ResponsibleLeader"] = new("责任领导", "responsible leader"),
        ["ResponsibleDepartment"] = new("责任部门", "responsible department"),
        ["Kind"] = new("整改类型", "kind"),
        ["Deadline"] = new("整改时限", "deadline"),
    };

    public static LocalizedText Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(typeof(TEnum), value.ToString());

    /// <returns>The label of the enum value, or the name itself where the glossary lacks it (a test keeps that from happening).</returns>
    public static LocalizedText Of(Type enumType, string name) =>
        EnumLabels.TryGetValue(enumType, out var labels) && labels.TryGetValue(name, out var label) ? label : new(name, name);

    public static IEnumerable<Type> LabelledEnums => EnumLabels.Keys;

    public static LocalizedText Trigger(string trigger) => Triggers.GetValueOrDefault(trigger) ?? new(trigger, trigger);

    public static LocalizedText Guard(string guard) => Guards.GetValueOrDefault(guard) ?? new(guard, guard);

    /// <returns>What the audit trail and the errors call a command, by its type name (or an account action's name).</returns>
    public static LocalizedText Action(string name) => Actions.GetValueOrDefault(name) ?? Trigger(name);

    public static LocalizedText LedgerField(string field) => LedgerFields.GetValueOrDefault(field) ?? new(field, field);

    public static LocalizedText Object(string name) => Objects.GetValueOrDefault(name) ?? new(name, name);

    private static Dictionary<string, LocalizedText> Labels<TEnum>(params (TEnum Value, string ZhCn, string En)[] labels) where TEnum : struct, Enum =>
        labels.ToDictionary(l => l.Value.ToString(), l => new LocalizedText(l.ZhCn, l.En), StringComparer.Ordinal);
}

/// <summary>A code in an error or a record, with the words a user reads for it; machine-readable output keeps the code.</summary>
public sealed record Term(string Code, LocalizedText Label)
{
    public static Term Of<TEnum>(TEnum value) where TEnum : struct, Enum => new(value.ToString(), Glossary.Of(value));

    public static Term Trigger(string trigger) => new(trigger, Glossary.Trigger(trigger));

    public static Term Object(string name) => new(name, Glossary.Object(name));

    public static Term Action(string name) => new(name, Glossary.Action(name));

    public override string ToString() => Code;
}
