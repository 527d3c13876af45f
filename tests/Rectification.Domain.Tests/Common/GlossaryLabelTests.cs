using Rectification.Domain.Auditing;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Receipts;
using Rectification.Domain.Reminders;

namespace Rectification.Domain.Tests.Common;

/// <summary>
/// The exact words a user reads for each code, in both languages: a label swapped, emptied or lost to the code itself would
/// put the wrong word on a page, a document or a mail.
/// </summary>
[TestFixture]
public sealed class GlossaryLabelTests
{
    private static readonly object[] EnumLabels =
    [
        new object[] { Role.UnitLiaison, "整改联络员", "unit liaison" },
        new object[] { Role.UnitLeader, "单位主要负责人", "unit's principal leader" },
        new object[] { Role.InspectionOffice, "巡察办", "inspection office" },
        new object[] { Role.InspectionGroup, "巡察组", "inspection group" },
        new object[] { Role.DisciplineCommission, "纪委监委", "discipline commission" },
        new object[] { Role.OrganizationDepartment, "组织部", "organization department" },
        new object[] { Role.Leadership, "领导", "leadership" },
        new object[] { Role.Administrator, "系统管理员", "administrator" },
        new object[] { Role.System, "系统", "the system" },
        new object[] { Severity.General, "一般", "general" },
        new object[] { Severity.Serious, "较重", "serious" },
        new object[] { Severity.Major, "重大", "major" },
        new object[] { RectificationKind.Immediate, "立行立改", "immediate" },
        new object[] { RectificationKind.TimeLimited, "限期整改", "time-limited" },
        new object[] { RectificationKind.LongTerm, "长期坚持", "long-term" },
        new object[] { InspectionKind.Regular, "常规巡察", "regular inspection" },
        new object[] { InspectionKind.Special, "专项巡察", "special inspection" },
        new object[] { InspectionKind.Mobile, "机动巡察", "mobile inspection" },
        new object[] { InspectionKind.Cross, "交叉巡察", "cross inspection" },
        new object[] { InspectionKind.Elevated, "提级巡察", "elevated inspection" },
        new object[] { InspectionKind.LookBack, "巡察“回头看”", "look-back inspection" },
        new object[] { InspectionKind.SelfCheck, "未巡先改自查", "self-check of a common problem" },
        new object[] { SheetColour.Red, "红色", "red" },
        new object[] { SheetColour.Yellow, "黄色", "yellow" },
        new object[] { SheetColour.Blue, "蓝色", "blue" },
        new object[] { TrafficLight.None, "—", "—" },
        new object[] { TrafficLight.Green, "绿灯", "green" },
        new object[] { TrafficLight.Yellow, "黄灯", "yellow" },
        new object[] { TrafficLight.Red, "红灯", "red" },
        new object[] { ReceiptKind.Feedback, "反馈意见", "feedback" },
        new object[] { ReceiptKind.ReturnedPlan, "退回的整改方案", "returned plan" },
        new object[] { ReceiptKind.HandoverSheet, "问题线索交办单", "clue handover sheet" },
        new object[] { ReceiptKind.Escalation, "督办通知", "escalation notice" },
        new object[] { ExtensionStatus.Requested, "待审批", "requested" },
        new object[] { ExtensionStatus.Approved, "已批准", "approved" },
        new object[] { ExtensionStatus.Rejected, "未批准", "rejected" },
        new object[] { LineChangeStatus.Proposed, "待审核", "proposed" },
        new object[] { LineChangeStatus.Accepted, "已同意", "accepted" },
        new object[] { LineChangeStatus.Refused, "未同意", "refused" },
        new object[] { LineChangeStatus.AppliedAtOnce, "已直接生效", "applied at once" },
        new object[] { ScreeningOutcome.Pending, "待审核", "pending" },
        new object[] { ScreeningOutcome.Accepted, "审核通过", "accepted" },
        new object[] { ScreeningOutcome.Returned, "退回修改", "returned" },
        new object[] { SupervisionTaskKind.ReminderTalk, "提醒谈话", "reminder talk" },
        new object[] { SupervisionTaskStatus.Open, "待办", "open" },
        new object[] { SupervisionTaskStatus.Done, "已办结", "done" },
        new object[] { OutboxStatus.Pending, "待发送", "pending" },
        new object[] { OutboxStatus.Sent, "已发送", "sent" },
        new object[] { OutboxStatus.Failed, "发送失败", "failed" },
        new object[] { SignOffOrder.Parallel, "各方同时签字", "in parallel" },
        new object[] { SignOffOrder.Sequential, "各方依次签字", "in order" },
        new object[] { RecipientScope.Unit, "本单位", "the unit itself" },
        new object[] { RecipientScope.Above, "上级单位", "the units above" },
        new object[] { UnitLevel.Province, "省级", "province" },
        new object[] { UnitLevel.City, "市级", "city" },
        new object[] { UnitLevel.County, "县（区）级", "county" },
        new object[] { UnitLevel.Township, "乡镇（街道）", "township" },
        new object[] { UnitLevel.Village, "村（社区）", "village" },
        new object[] { UnitLevel.Bureau, "部门", "bureau" },
        new object[] { UnitLevel.Enterprise, "国有企业", "state-owned enterprise" },
        new object[] { UnitLevel.Institution, "事业单位", "public institution" },
    ];

    [TestCaseSource(nameof(EnumLabels))]
    public void AnEnumValue_ReadsItsLabel(Enum value, string zhCn, string en)
    {
        Assert.That(Glossary.Of(value.GetType(), value.ToString()), Is.EqualTo(new LocalizedText(zhCn, en)));
    }

    [Test]
    public void AnEnumValue_ReadsTheSameLabelThroughTheGenericOverloadAndItsTerm()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Glossary.Of(Severity.Major), Is.EqualTo(new LocalizedText("重大", "major")));
            Assert.That(Term.Of(Severity.Major), Is.EqualTo(new Term("Major", new LocalizedText("重大", "major"))));
            Assert.That(Term.Of(Severity.Major).ToString(), Is.EqualTo("Major"), "machine-readable output keeps the code");
        }
    }

    [Test]
    public void ACodeTheGlossaryLacks_ReadsAsTheCodeItself()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Glossary.Of(typeof(Severity), "Catastrophic"), Is.EqualTo(new LocalizedText("Catastrophic", "Catastrophic")));
            Assert.That(Glossary.Of(typeof(ErrorKind), "NotFound"), Is.EqualTo(new LocalizedText("NotFound", "NotFound")));
            Assert.That(Glossary.Trigger("Teleport"), Is.EqualTo(new LocalizedText("Teleport", "Teleport")));
            Assert.That(Glossary.Guard("moon-is-full"), Is.EqualTo(new LocalizedText("moon-is-full", "moon-is-full")));
            Assert.That(Glossary.Action("Teleport"), Is.EqualTo(new LocalizedText("Teleport", "Teleport")));
            Assert.That(Glossary.LedgerField("Colour"), Is.EqualTo(new LocalizedText("Colour", "Colour")));
            Assert.That(Glossary.Object("Spaceship"), Is.EqualTo(new LocalizedText("Spaceship", "Spaceship")));
        }
    }

    [Test]
    public void ACommandNamedByItsTrigger_ReadsTheTriggerLabel()
    {
        Assert.That(Glossary.Action("StartRectification"), Is.EqualTo(new LocalizedText("开始整改", "start rectification")));
        Assert.That(Term.Action("ReportProgress"), Is.EqualTo(new Term("ReportProgress", new LocalizedText("报送整改进展", "report progress"))));
    }

    [Test]
    public void TheLookUps_MatchCodesExactly()
    {
        Assert.That(Glossary.Trigger("close"), Is.EqualTo(new LocalizedText("close", "close")), "codes are case-sensitive");
        Assert.That(Glossary.Of(typeof(Severity), "major"), Is.EqualTo(new LocalizedText("major", "major")));
    }

    [Test]
    public void TheLabelledEnums_AreTheOnesAUserReads()
    {
        Assert.That(Glossary.LabelledEnums, Is.EquivalentTo(new[]
        {
            typeof(Role), typeof(Severity), typeof(RectificationKind), typeof(InspectionKind), typeof(SheetColour), typeof(TrafficLight),
            typeof(ReceiptKind), typeof(ExtensionStatus), typeof(LineChangeStatus), typeof(ScreeningOutcome), typeof(SupervisionTaskKind),
            typeof(SupervisionTaskStatus), typeof(OutboxStatus), typeof(SignOffOrder), typeof(RecipientScope), typeof(UnitLevel),
            typeof(Rectification.Domain.Workplace.WorkKind),
        }));
    }

    [Test]
    public void EveryTrigger_ReadsItsLabel()
    {
        var expected = new Dictionary<string, LocalizedText>
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

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Glossary.Triggers.Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (code, label) in expected)
                Assert.That(Glossary.Trigger(code), Is.EqualTo(label), code);
        }
    }

    [Test]
    public void EveryGuard_ReadsItsLabel()
    {
        var expected = new Dictionary<string, LocalizedText>
        {
            ["ledger-complete"] = new("每个反馈问题的台账均已填写完整", "every fed-back problem has a complete ledger line"),
            ["progress-reported"] = new("进入整改后已报送过整改进展", "a progress report was made since the problem (re)entered rectification"),
            ["evidence-attached"] = new("最近一次整改进展附有佐证材料", "the latest progress report carries evidence"),
            ["not-yet-signed-by-actor"] = new("本方尚未在本轮审核中签字", "the actor's party has not signed this review"),
            ["actor-is-required-party"] = new("本方是该问题须签字的一方", "the actor's party must sign this problem"),
            ["signing-in-order"] = new("按规定顺序签字", "parties sign in the order the definition sets"),
            ["all-required-signed"] = new("须签字的各方均已签字", "every required party has signed this review"),
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Glossary.Guards.Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (code, label) in expected)
                Assert.That(Glossary.Guard(code), Is.EqualTo(label), code);
        }
    }

    [Test]
    public void EveryAction_ReadsItsLabel()
    {
        var expected = new Dictionary<string, LocalizedText>
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
            ["ChangeOwnPassword"] = new("修改密码", "change the password"),
            ["CreateAccount"] = new("新建账号", "create an account"),
            ["DisableAccount"] = new("停用账号", "disable an account"),
            ["EnableAccount"] = new("启用账号", "enable an account"),
            ["RecordSignIn"] = new("登录", "sign in"),
            ["ResetAccountPassword"] = new("重置密码", "reset the password"),
            ["UnlockAccount"] = new("解除锁定", "unlock an account"),
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Glossary.Actions.Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (code, label) in expected)
                Assert.That(Glossary.Action(code), Is.EqualTo(label), code);
        }
    }

    [Test]
    public void EveryLedgerField_ReadsItsLabel()
    {
        var expected = new Dictionary<string, LocalizedText>
        {
            ["Measures"] = new("整改措施", "measures"),
            ["ResponsibleLeader"] = new("责任领导", "responsible leader"),
            ["ResponsibleDepartment"] = new("责任部门", "responsible department"),
            ["Kind"] = new("整改类型", "kind"),
            ["Deadline"] = new("整改时限", "deadline"),
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Glossary.LedgerFields.Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (code, label) in expected)
                Assert.That(Glossary.LedgerField(code), Is.EqualTo(label), code);
        }
    }

    [Test]
    public void EveryObject_ReadsItsLabel()
    {
        var expected = new Dictionary<string, LocalizedText>
        {
            ["Unit"] = new("单位", "unit"),
            ["Round"] = new("巡察轮次", "inspection round"),
            ["Inspection"] = new("巡察", "inspection"),
            ["Extension"] = new("延期申请", "deadline extension"),
            ["Task"] = new("督办任务", "supervision task"),
            ["User"] = new("用户", "user"),
            ["EvidenceFile"] = new("佐证材料", "evidence file"),
            ["LineChange"] = new("台账调整申请", "ledger line change"),
            ["LedgerLine"] = new("台账条目", "ledger line"),
            ["CommonPush"] = new("共性问题推送", "common problem push"),
            ["Evaluation"] = new("整改成效评估", "effect evaluation"),
            ["Problem"] = new("问题", "problem"),
            ["Plan"] = new("整改方案", "rectification plan"),
            ["Clue"] = new("问题线索", "problem clue"),
            ["Receipt"] = new("签收事项", "item to acknowledge"),
            ["SelfCheck"] = new("未巡先改自查任务", "self-check task"),
            ["ImportFile"] = new("导入文件", "import file"),
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Glossary.Objects.Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (code, label) in expected)
                Assert.That(Glossary.Object(code), Is.EqualTo(label), code);
            Assert.That(Term.Object("Round"), Is.EqualTo(new Term("Round", new LocalizedText("巡察轮次", "inspection round"))));
            Assert.That(Term.Trigger("Close"), Is.EqualTo(new Term("Close", new LocalizedText("销号", "close"))));
        }
    }
}
