using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Rectification.Application.Administration.Accounts;
using Rectification.Application.Clues;
using Rectification.Application.CommonProblems;
using Rectification.Application.Evaluations;
using Rectification.Application.Inspections;
using Rectification.Application.Organization;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Application.Receipts;
using Rectification.Application.Reminders;
using Rectification.Application.Statistics;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;
using Rectification.Infrastructure;
using Rectification.Integration.Tests.Support;
using TargetKind = Rectification.Application.Messaging.TargetKind;

namespace Rectification.Integration.Tests;

/// <summary>
/// Every command the Mediator knows, found by reflection so that a new one cannot escape, is fired once successfully and
/// its exact audit entries are compared with the table below. Before that, the same command is fired with a fault after
/// each save it makes and before the commit: nothing at all may remain, which is also what shows the change, its audit
/// entries and its outbox rows share one transaction.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AuditCompletenessTests(DatabaseProvider provider) : HostTest(provider)
{
    /// <summary>Every concrete command type of the product's assemblies (an <see cref="IBaseCommand"/>: it changes state).</summary>
    public static IReadOnlyList<Type> CommandTypes { get; } =
        new[] { typeof(Application.DependencyInjection).Assembly, typeof(Program).Assembly, typeof(Infrastructure.DependencyInjection).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBaseCommand).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<string> CommandNames => CommandTypes.Select(t => t.Name).Where(n => !CoveredByAFixtureOfTheirOwn.ContainsKey(n));

    /// <summary>
    /// Commands that succeed only on a database this fixture cannot offer, with the fixture that makes the same two checks (a fault
    /// before each commit leaves nothing; success saves the exact audit entries) on one that can.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> CoveredByAFixtureOfTheirOwn = new Dictionary<string, string>
    {
        [nameof(SetUpDeployment)] = nameof(FirstRunTests),
    };

    private static readonly Stopwatch Elapsed = new();

    [Test]
    public void EveryCommandTheMediatorKnows_HasAScenarioInTheAuditTable()
    {
        var missing = CommandNames.Where(n => !Scenarios.ContainsKey(n) && !CoveredByAFixtureOfTheirOwn.ContainsKey(n)).ToList();
        var stale = Scenarios.Keys.Where(k => !CommandNames.Contains(k)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing, Is.Empty, "commands without a scenario in AuditCompletenessTests.Scenarios: add one with its exact audit entries");
            Assert.That(stale, Is.Empty, "scenarios for commands the product no longer has");
            // Written by hand: the commands of Rectification.Application on 2026-12-03 (RecordSignIn joined them; RenameUnit, MoveUnit and DeactivateUnit on 2026-12-04; RecordReportSnapshot and SetUpDeployment on 2026-12-08). A new command raises it.
            Assert.That(CommandTypes, Has.Count.EqualTo(43));
        }
    }

    [TestCaseSource(nameof(CommandNames))]
    public async Task Command_WhenFaultedBeforeEachCommitLeavesNothing_AndWhenItSucceedsSavesItsExactAuditEntries(string command)
    {
        Assert.That(Scenarios.TryGetValue(command, out var scenario), Is.True, $"{command} has no scenario in AuditCompletenessTests.Scenarios");
        var act = await scenario!(this);
        Elapsed.Start();
        try
        {
            var before = await Snapshot();
            var lastAudit = await Host.Query(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;
            var lastOutbox = await Host.Query(db => db.Outbox.CountAsync());

            // A fault after the first save, then after the second (if there is one), …, until the command runs through.
            var faults = 0;
            Outcome outcome;
            int saves;
            while (true)
            {
                Host.Faults.FailBeforeCommitAfter(faults);
                var savesAtStart = Host.Faults.Saves;
                try
                {
                    outcome = await act.Send(Host);
                }
                catch (IOException e) when (e.Message.StartsWith("Injected fault", StringComparison.Ordinal))
                {
                    faults++;
                    var after = await Snapshot();
                    Assert.That(Differences(before, after), Is.Empty, $"{command} faulted after save {faults}, before its commit, left rows behind");
                    Assert.That(faults, Is.LessThan(10), $"{command} kept saving");
                    continue;
                }

                saves = Host.Faults.Saves - savesAtStart;
                Host.Faults.FailBeforeCommitAfter(-1);
                break;
            }

            Assert.That(outcome.Error, Is.Null, () => $"{command} failed: {outcome.Error!.Code} {string.Join(", ", outcome.Error.Args.Select(a => $"{a.Key}={a.Value}"))}");
            Assert.That(saves, Is.GreaterThanOrEqualTo(1), $"{command} succeeded without saving");
            Assert.That(faults, Is.EqualTo(saves), $"{command} made {saves} saves; each one must have been faulted once");

            var written = await Host.Query(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > lastAudit).OrderBy(a => a.Id).ToListAsync());
            var expected = await outcome.Audit();
            var names = expected.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First().Label);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(written.Select(a => Describe(a, names)), Is.EquivalentTo(expected.Select(e => e.Describe())),
                    $"{command}: the audit entries written (left) against the table (right)");
                foreach (var entry in written)
                {
                    Assert.That((entry.Command, entry.UserName, entry.At), Is.EqualTo((command, act.User, Host.Clock.GetUtcNow().UtcDateTime)), $"{command}: who, what, when");
                    // The command with what it was sent, the only record of children the entry's before and after do not show.
                    Assert.That(entry.Payload, Is.EqualTo(act.Payload ?? JsonSerializer.Serialize(act.Message, act.Message.GetType())), $"{command}: the payload");
                    CheckBeforeAfter(command, entry);
                }
            }

            await TestContext.Out.WriteLineAsync($"{command} ({Provider}): {saves} save(s) faulted before the commit, {written.Count} audit entries, " +
                $"{await Host.Query(db => db.Outbox.CountAsync()) - lastOutbox} outbox rows");
        }
        finally
        {
            Elapsed.Stop();
        }
    }

    [OneTimeTearDown]
    public async Task ReportTime() =>
        await TestContext.Out.WriteLineAsync($"Audit completeness ({Provider}): {CommandTypes.Count} commands, {Elapsed.Elapsed.TotalSeconds:0.0} s firing them (arrangements excluded)");

    // ---- the table ---------------------------------------------------------------------------------------------------

    /// <summary>One audit entry as the table expects it: Changed lists the properties whose before and after it records.</summary>
    public sealed record Expected(string Entity, Guid Id, string Label, string? Trigger, string? From, string? To, string[]? Changed)
    {
        public string Describe() => AuditCompletenessTests.Describe(Entity, Label, Trigger, From, To, Changed);
    }

    private static Expected Added(string entity, Guid id, string label, string? to = null, string? trigger = null) => new(entity, id, label, trigger, null, to, null);

    private static Expected Changed(string entity, Guid id, string label, string? trigger, string? from, string? to, params string[] changed) =>
        new(entity, id, label, trigger, from, to, changed);

    private sealed record Outcome(Error? Error, Func<Task<IReadOnlyList<Expected>>> Audit);

    private sealed record Act(string User, IMessage Message, Func<TestHost, Task<Outcome>> Send)
    {
        /// <summary>The payload expected when it is not the message whole: a command carrying a password leaves it out.</summary>
        public string? Payload { get; init; }
    }

    private delegate Task<Act> Scenario(AuditCompletenessTests t);

    private static Act Do<T>(string user, IMessage message, Func<T, Task<IReadOnlyList<Expected>>> audit) =>
        new(user, message, async host =>
        {
            var result = await host.Send<T>(user, message);
            return new Outcome(result.Error, () => audit(result.Value));
        });

    private static Act Do<T>(string user, IMessage message, Func<T, IReadOnlyList<Expected>> audit) =>
        Do<T>(user, message, r => Task.FromResult(audit(r)));

    private int counter;

    private int Next() => Interlocked.Increment(ref counter);

    private const string Liaison = "b1-liaison";
    private const string Leader = "b1-leader";

    /// <summary>
    /// Per command: what it needs made first (through the real commands), who fires it, and the audit entries it must write.
    /// A case acted on is recorded even when only its children changed (a progress report, a signature, a ledger line): an
    /// entry with nothing before or after, whose payload is the command, and whose version still goes up so that two
    /// simultaneous actions on one case conflict.
    /// </summary>
    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        [nameof(CreateUnit)] = async t =>
        {
            var code = $"AU{t.Next()}";
            return Do<UnitDto>("admin", new CreateUnit(t.Org.District1.Id, code, "审计测试单位", UnitLevel.Bureau),
                unit => [Added("Unit", unit.Id, "new unit")]);
        },
        [nameof(RenameUnit)] = async t =>
        {
            var unit = Ok(await t.Host.Send<UnitDto>("admin", new CreateUnit(t.Org.District1.Id, $"AU{t.Next()}", "审计测试单位", UnitLevel.Bureau)));
            return Do<UnitDto>("admin", new RenameUnit(unit.Id, "审计测试单位（更名）"), _ => [Changed("Unit", unit.Id, "unit", null, null, null, "Name")]);
        },
        [nameof(MoveUnit)] = async t =>
        {
            // The moved unit and the one below it: both paths change, so both are recorded.
            var unit = Ok(await t.Host.Send<UnitDto>("admin", new CreateUnit(t.Org.District1.Id, $"AU{t.Next()}", "审计测试单位", UnitLevel.Bureau)));
            var below = Ok(await t.Host.Send<UnitDto>("admin", new CreateUnit(unit.Id, $"AU{t.Next()}", "审计测试下级单位", UnitLevel.Village)));
            return Do<UnitDto>("admin", new MoveUnit(unit.Id, t.Org.District2.Id),
                _ => [Changed("Unit", unit.Id, "moved unit", null, null, null, "ParentId", "Path"), Changed("Unit", below.Id, "unit below", null, null, null, "Path")]);
        },
        [nameof(DeactivateUnit)] = async t =>
        {
            var unit = Ok(await t.Host.Send<UnitDto>("admin", new CreateUnit(t.Org.District1.Id, $"AU{t.Next()}", "审计测试单位", UnitLevel.Bureau)));
            return Do<UnitDto>("admin", new DeactivateUnit(unit.Id), _ => [Changed("Unit", unit.Id, "unit", null, null, null, "DeactivatedAt")]);
        },
        [nameof(RecordReportSnapshot)] = t => Task.FromResult(Do<ReportSnapshotDto>("office", new RecordReportSnapshot("审计报送", new UpwardReportFilter()),
            snapshot => [Added("ReportSnapshot", snapshot.Id, "new report snapshot")])),
        [nameof(CreateRound)] = t => Task.FromResult(Do<RoundDto>("office", new CreateRound("审计轮次", 2030, t.Next()),
            round => [Added("Round", round.Id, "new round")])),
        [nameof(RegisterInspection)] = async t =>
        {
            var round = Ok(await t.Host.Send<RoundDto>("office", new CreateRound("审计轮次", 2031, t.Next())));
            return Do<InspectionDto>("office", new RegisterInspection(round.Id, t.Org.Bureau.Id, Domain.Inspections.InspectionKind.Regular, "第二巡察组",
                    t.Host.Clock.Today.AddDays(-10), t.Host.Clock.Today),
                inspection => [Added("Inspection", inspection.Id, "new inspection")]);
        },
        [nameof(RegisterProblem)] = async t =>
        {
            var inspection = await t.NewInspection(t.Org.Bureau);
            return Do<ProblemSummary>("group", new RegisterProblem(inspection.Id, "三重一大决策程序不规范", "描述", "党的领导", Severity.General, "事实", "依据", "过程"),
                problem => [Added("Problem", problem.Id, "new problem", to: ProblemStates.Registered)]);
        },
        [nameof(FeedBackInspection)] = async t =>
        {
            var inspection = await t.NewInspection(t.Org.Bureau);
            var problem = await t.NewProblem(inspection);
            return Do<FeedbackDto>("office", new FeedBackInspection(inspection.Id), async feedback =>
            {
                var receipt = await t.Host.Query(db => db.Receipts.Where(r => r.CaseId == feedback.PlanId).Select(r => r.Id).SingleAsync());
                return
                [
                    Changed("Inspection", inspection.Id, "inspection", null, null, null, "FedBackAt"),
                    Changed("Problem", problem.Id, "problem", null, ProblemStates.Registered, ProblemStates.FedBack, "FedBackAt", "State"),
                    Added("Plan", feedback.PlanId, "new plan", to: PlanStates.Drafting),
                    Added("Receipt", receipt, "feedback receipt"),
                ];
            });
        },
        [nameof(FeedBackProblem)] = async t =>
        {
            var inspection = await t.NewInspection(t.Org.Bureau);
            var problem = Ok(await t.Host.Send<ProblemSummary>("group", new RegisterProblem(inspection.Id, "边巡边改问题", "描述", "财务管理", Severity.Serious,
                "事实", "依据", "过程", RaisedDuringInspection: true)));
            return Do<ProblemSummary>("group", new FeedBackProblem(problem.Id), async _ =>
            {
                var plan = await t.Host.Query(db => db.Plans.Where(p => p.InspectionId == inspection.Id).Select(p => p.Id).SingleAsync());
                var receipt = await t.ReceiptOf(problem.Id, Domain.Receipts.ReceiptKind.Feedback);
                return
                [
                    Changed("Problem", problem.Id, "problem", ProblemTriggers.FeedBack, ProblemStates.Registered, ProblemStates.FedBack, "FedBackAt", "State"),
                    Added("Plan", plan, "new plan", to: PlanStates.Drafting),
                    Added("Receipt", receipt, "feedback receipt"),
                ];
            });
        },
        [nameof(EditLedgerLine)] = async t =>
        {
            var (plan, problem) = await t.DraftingPlan();
            return Do<PlanDto>(Liaison, new EditLedgerLine(plan, problem, "修订议事规则", "张书记", "办公室", RectificationKind.TimeLimited, t.Host.Clock.Today.AddDays(60)),
                _ => [Changed("Plan", plan, "plan", PlanTriggers.EditLine, PlanStates.Drafting, PlanStates.Drafting)]);
        },
        [nameof(SubmitPlan)] = async t =>
        {
            var (plan, _) = await t.DraftingPlan(withLine: true);
            return Do<PlanDto>(Liaison, new SubmitPlan(plan),
                _ => [Changed("Plan", plan, "plan", PlanTriggers.Submit, PlanStates.Drafting, PlanStates.Submitted, "State")]);
        },
        [nameof(AcceptPlan)] = async t =>
        {
            var (plan, problem) = await t.SubmittedPlan();
            return Do<PlanDto>("discipline", new AcceptPlan(plan, "方案可行"),
                _ =>
                [
                    Changed("Plan", plan, "plan", PlanTriggers.Accept, PlanStates.Submitted, PlanStates.Accepted, "AcceptedAt", "State"),
                    // Every problem of the plan starts its rectification, with the line's kind and deadline and its first reminder.
                    Changed("Problem", problem, "problem", null, ProblemStates.FedBack, ProblemStates.Rectifying,
                        "Deadline", "Kind", "RectificationStartedAt", "ReminderDue", "State"),
                ]);
        },
        [nameof(ReturnPlan)] = async t =>
        {
            var (plan, _) = await t.SubmittedPlan();
            return Do<PlanDto>("discipline", new ReturnPlan(plan, "措施不具体", null), async _ =>
            [
                Changed("Plan", plan, "plan", PlanTriggers.Return, PlanStates.Submitted, PlanStates.Returned, "ReturnCount", "State"),
                Added("Receipt", await t.ReceiptOf(plan, Domain.Receipts.ReceiptKind.ReturnedPlan), "returned-plan receipt"),
            ]);
        },
        [nameof(ReportProgress)] = async t =>
        {
            var problem = await t.Rectifying();
            return Do<ProblemSummary>(Liaison, new ReportProgress(problem, "已完成制度修订", 60, null, [Evidence()]),
                _ => [Changed("Problem", problem, "problem", ProblemTriggers.ReportProgress, ProblemStates.Rectifying, ProblemStates.Rectifying)]);
        },
        [nameof(SubmitForReview)] = async t =>
        {
            var problem = await t.Rectifying(progress: true);
            return Do<ProblemSummary>(Liaison, new SubmitForReview(problem),
                _ => [Changed("Problem", problem, "problem", ProblemTriggers.SubmitForReview, ProblemStates.Rectifying, ProblemStates.UnderReview, "ReviewRound", "State")]);
        },
        [nameof(SignOffProblem)] = async t =>
        {
            var problem = await t.UnderReview();
            return Do<ProblemSummary>(Leader, new SignOffProblem(problem, true, "同意"),
                _ => [Changed("Problem", problem, "problem", ProblemTriggers.SignOff, ProblemStates.UnderReview, ProblemStates.UnderReview)]);
        },
        [nameof(CloseProblem)] = async t =>
        {
            var problem = await t.UnderReview(signed: true);
            return Do<ProblemSummary>("office", new CloseProblem(problem),
                _ => [Changed("Problem", problem, "problem", ProblemTriggers.Close, ProblemStates.UnderReview, ProblemStates.Closed, "ClosedAt", "State")]);
        },
        [nameof(ReopenProblem)] = async t =>
        {
            var problem = await t.UnderReview(signed: true, closed: true);
            return Do<ProblemSummary>("group", new ReopenProblem(problem, "回头看发现反弹", t.Host.Clock.Today.AddDays(45)),
                _ => [Changed("Problem", problem, "problem", ProblemTriggers.Reopen, ProblemStates.Closed, ProblemStates.Rectifying, 
                    "ClosedAt", "Deadline", "ProgressBaseline", "ReminderDue", "ReopenCount", "State")]);
        },
        [nameof(RecordEvidenceFile)] = async t =>
        {
            var problem = await t.Rectifying();
            // The payload is the command with what was received (the file's id, name, type, size and SHA-256) once it was sent.
            return Do<EvidenceFileDto>(Liaison, new RecordEvidenceFile(problem, new TestUpload("佐证材料.pdf", EvidenceTests.PdfBytes(1))),
                file => [Added("EvidenceFile", file.Id, "new file")]);
        },
        [nameof(ProposeLedgerLineChange)] = async t =>
        {
            var (plan, problem, deadline) = await t.RectifyingWithPlan();
            return Do<LineChangeDto>(Liaison, new ProposeLedgerLineChange(plan, problem, "调整整改措施", "张书记", "办公室", RectificationKind.TimeLimited, deadline, "上级部署调整"),
                change => [Added("LedgerLineChange", change.Id, "new change")]);
        },
        [nameof(DecideLedgerLineChange)] = async t =>
        {
            var (plan, problem, deadline) = await t.RectifyingWithPlan();
            var change = Ok(await t.Host.Send<LineChangeDto>(Liaison, new ProposeLedgerLineChange(plan, problem, "调整整改措施", "张书记", "办公室",
                RectificationKind.TimeLimited, deadline, "上级部署调整")));
            return Do<LineChangeDto>("discipline", new DecideLedgerLineChange(change.Id, true, "同意"),
                _ =>
                [
                    Changed("LedgerLineChange", change.Id, "change", null, null, null, "DecidedAt", "DecidedBy", "DecidedByRole", "DecisionComment", "Status"),
                    // The accepted change rewrites the plan's ledger line: the plan is recorded (and versioned) with it.
                    Changed("Plan", plan, "plan", null, PlanStates.Accepted, PlanStates.Accepted),
                ]);
        },
        [nameof(HandOverClue)] = async t =>
        {
            var inspection = await t.NewInspection(t.Org.Bureau);
            return Do<ClueDto>("group", new HandOverClue(inspection.Id, "反映违规发放津补贴", SheetColour.Red),
                async clue => [Added("Clue", clue.Id, "new clue", to: ClueStates.HandedOver),
                    Added("Receipt", await t.ReceiptOf(clue.Id, Domain.Receipts.ReceiptKind.HandoverSheet), "hand-over receipt")]);
        },
        [nameof(AcceptClue)] = async t =>
        {
            var clue = await t.Clue(0);
            return Do<ClueDto>("discipline", new AcceptClue(clue),
                _ => [Changed("Clue", clue, "clue", ClueTriggers.Accept, ClueStates.HandedOver, ClueStates.Accepted, "AcceptedAt", "AcceptedBy", "State")]);
        },
        [nameof(StartInvestigation)] = async t =>
        {
            var clue = await t.Clue(1);
            return Do<ClueDto>("discipline", new StartInvestigation(clue),
                _ => [Changed("Clue", clue, "clue", ClueTriggers.StartInvestigation, ClueStates.Accepted, ClueStates.UnderInvestigation, "State")]);
        },
        [nameof(ConcludeClue)] = async t =>
        {
            var clue = await t.Clue(2);
            return Do<ClueDto>("discipline", new ConcludeClue(clue, "经核查部分属实", 1, 2, 0, 12000.5m),
                _ => [Changed("Clue", clue, "clue", ClueTriggers.Conclude, ClueStates.UnderInvestigation, ClueStates.Concluded, "ConcludedAt", "State")]);
        },
        [nameof(RequestDeadlineExtension)] = async t =>
        {
            var (_, problem, deadline) = await t.RectifyingWithPlan();
            return Do<ExtensionDto>(Liaison, new RequestDeadlineExtension(TargetKind.Problem, problem, deadline.AddDays(20), "涉及跨部门协调"),
                extension => [Added("DeadlineExtension", extension.Id, "new extension")]);
        },
        [nameof(DecideDeadlineExtension)] = async t =>
        {
            var (_, problem, deadline) = await t.RectifyingWithPlan();
            var extension = Ok(await t.Host.Send<ExtensionDto>(Liaison, new RequestDeadlineExtension(TargetKind.Problem, problem, deadline.AddDays(20), "涉及跨部门协调")));
            return Do<ExtensionDto>("office", new DecideDeadlineExtension(extension.Id, true, "同意"),
                _ =>
                [
                    Changed("DeadlineExtension", extension.Id, "extension", null, null, null, "DecidedAt", "DecidedBy", "DecidedByRole", "DecisionComment", "Status"),
                    // The approved deadline replaces the problem's, and its next reminder moves with it.
                    Changed("Problem", problem, "problem", null, ProblemStates.Rectifying, ProblemStates.Rectifying, "Deadline", "ReminderDue"),
                ]);
        },
        [nameof(CompleteTask)] = async t =>
        {
            var problem = await t.Rectifying();
            // As the authorization matrix does: the sweep opens such tasks only after weeks of silence, so the test opens one itself.
            var task = SupervisionTask.Open(SupervisionTaskKind.ReminderTalk, Problem.Lifecycle, problem, t.Org.Bureau.Id, Role.UnitLeader,
                t.Host.Clock.Today.AddDays(5), t.Host.Clock.GetUtcNow().UtcDateTime);
            await t.Host.Query(async db =>
            {
                db.Tasks.Add(task);
                return await db.SaveChangesAsync();
            });
            return Do<TaskDto>(Leader, new CompleteTask(task.Id, "已开展提醒谈话"),
                _ => [Changed("SupervisionTask", task.Id, "task", null, null, null, "CompletedAt", "CompletedBy", "Record", "Status")]);
        },
        [nameof(NameDeputy)] = async t =>
        {
            var deputy = await ApiSurface.UserIdAsync(t.Host, Leader);
            var from = new DateOnly(2032, 1, 1).AddDays(t.Next() * 20);
            return Do<DelegationDto>(Liaison, new NameDeputy(deputy, from, from.AddDays(9), "出差"),
                delegation => [Added("Delegation", delegation.Id, "new delegation")]);
        },
        [nameof(PushCommonProblem)] = async t =>
        {
            var problem = await t.Rectifying();
            return Do<PushProgressDto>("office", new PushCommonProblem(problem, [t.Org.Township.Id], null, null, "同类问题请自查"),
                push => [Added("CommonProblemPush", push.Id, "new push"), Added("SelfCheckTask", push.Rows.Single().TaskId, "new self-check")]);
        },
        [nameof(AnswerSelfCheckNotPresent)] = async t =>
        {
            var task = await t.SelfCheck();
            return Do<SelfCheckDto>(Liaison, new AnswerSelfCheckNotPresent(task, "经自查不存在同类问题"),
                _ => [Changed("SelfCheckTask", task, "self-check", null, null, null, "AnsweredAt", "AnsweredBy", "AnsweredByName", "State", "Statement")]);
        },
        [nameof(OpenSelfCheckProblem)] = async t =>
        {
            var task = await t.SelfCheck();
            return Do<SelfCheckDto>(Liaison, new OpenSelfCheckProblem(task, "本单位同样存在", "自查记录", Severity.General), async _ =>
            {
                var problem = await t.Host.Query(db => db.SelfCheckTasks.Where(s => s.Id == task).Select(s => s.OpenedProblemId!.Value).SingleAsync());
                var inspection = await t.Host.Query(db => db.Problems.Where(p => p.Id == problem).Select(p => p.InspectionId).SingleAsync());
                var plan = await t.Host.Query(db => db.Plans.Where(p => p.InspectionId == inspection).Select(p => p.Id).SingleAsync());
                // The unit's own finding opens a self-check inspection of its own, fed back at once, with a plan to draft.
                return
                [
                    Changed("SelfCheckTask", task, "self-check", null, null, null, "AnsweredAt", "AnsweredBy", "AnsweredByName", "OpenedProblemId", "State"),
                    Added("Inspection", inspection, "self-check inspection"),
                    Added("Problem", problem, "self-check problem", to: ProblemStates.FedBack),
                    Added("Plan", plan, "self-check plan", to: PlanStates.Drafting),
                ];
            });
        },
        [nameof(AcknowledgeReceipt)] = async t =>
        {
            var inspection = await t.NewInspection(t.Org.Bureau);
            await t.NewProblem(inspection);
            var feedback = Ok(await t.Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
            var receipt = await t.Host.Query(db => db.Receipts.Where(r => r.CaseId == feedback.PlanId).Select(r => r.Id).SingleAsync());
            return Do<ReceiptDto>(Liaison, new AcknowledgeReceipt(receipt),
                _ => [Changed("Receipt", receipt, "receipt", null, null, null, "AcknowledgedAt", "AcknowledgedBy", "AcknowledgedByName", "AcknowledgedByRole", "State")]);
        },
        [nameof(RecordEvaluationScore)] = async t =>
        {
            var inspection = await t.NewInspection(t.Org.Bureau);
            return Do<EvaluationDto>(Leader, new RecordEvaluationScore(inspection.Id, "SelfAssessment", 85.5m, "自评"), async _ =>
            {
                var evaluation = await t.Host.Query(db => db.Evaluations.Where(e => e.InspectionId == inspection.Id).Select(e => e.Id).SingleAsync());
                return [Added("EffectEvaluation", evaluation, "new evaluation")];
            });
        },
        [nameof(CreateAccount)] = t =>
        {
            var name = $"au-account{t.Next()}";
            var message = new CreateAccount(name, "审计账号", Role.UnitLiaison, $"{name}@test.local", "zh-CN", t.Org.Bureau.Id, AccountPassword);
            return Task.FromResult(Do<Guid>("admin", message, id => [Added("UserAccount", id, "new account"), Added("Account", id, "new account")]) with
            {
                Payload = JsonSerializer.Serialize(new { UserName = name, DisplayName = "审计账号", Role = (Role?)Role.UnitLiaison, Email = $"{name}@test.local",
                    PreferredLanguage = "zh-CN", UnitId = (Guid?)t.Org.Bureau.Id, Target = new Application.Messaging.ScopeTarget(TargetKind.Unit, t.Org.Bureau.Id) }),
            });
        },
        [nameof(DisableAccount)] = async t =>
        {
            var (id, _) = await t.NewAccount();
            return Do<Guid>("admin", new DisableAccount(id), _ => [Changed("Account", id, "account", null, null, null, "LockoutEnd")]);
        },
        [nameof(EnableAccount)] = async t =>
        {
            var (id, _) = await t.NewAccount();
            Ok(await t.Host.Send<Guid>("admin", new DisableAccount(id)));
            return Do<Guid>("admin", new EnableAccount(id), _ => [Changed("Account", id, "account", null, null, null, "LockoutEnd")]);
        },
        [nameof(UnlockAccount)] = async t =>
        {
            var (id, _) = await t.NewAccount();
            // Locked out as five failed sign-ins would leave it.
            await t.Host.Query(async db =>
            {
                var account = await db.Accounts.SingleAsync(a => a.Id == id);
                account.AccessFailedCount = 4;
                account.LockoutEnd = t.Host.Clock.GetUtcNow().AddMinutes(15);
                return await db.SaveChangesAsync();
            });
            return Do<Guid>("admin", new UnlockAccount(id), _ => [Changed("Account", id, "account", null, null, null, "AccessFailedCount", "LockoutEnd")]);
        },
        // A new password changes only the hash and the stamps, which the audit leaves out: the entry says who did it to whom, and when.
        [nameof(ResetAccountPassword)] = async t =>
        {
            var (id, _) = await t.NewAccount();
            return Do<Guid>("admin", new ResetAccountPassword(id, "Reset-Audit-2026!x"), _ => [Changed("Account", id, "account", null, null, null)]) with
            {
                Payload = JsonSerializer.Serialize(new { AccountId = id, Target = new Application.Messaging.ScopeTarget(TargetKind.User, id) }),
            };
        },
        // A sign-in is audited as the attempt, in the name of whoever signs in, with the outcome as trigger; the password stays out.
        [nameof(RecordSignIn)] = async t =>
        {
            var (id, name) = await t.NewAccount();
            return Do<SignInAttempt>(name, RecordSignIn.WithPassword("token", name, AccountPassword, "203.0.113.5"),
                _ => [Changed("Account", id, "account", "Succeeded", null, null)]) with
            {
                Payload = JsonSerializer.Serialize(new { channel = "token", userName = name, email = (string?)null, subject = (string?)null, address = "203.0.113.5" }),
            };
        },
        [nameof(ChangeOwnPassword)] = async t =>
        {
            var (id, name) = await t.NewAccount();
            return Do<Domain.Common.Unit>(name, new ChangeOwnPassword(AccountPassword, "Changed-Audit-2026!y"), _ => [Changed("Account", id, "account", null, null, null)]) with
            {
                Payload = "{}",
            };
        },
    };

    // ---- arrangements, through the real commands -----------------------------------------------------------------------

    private async Task<(Guid Plan, Guid Problem)> DraftingPlan(bool withLine = false)
    {
        var inspection = await NewInspection(Org.Bureau);
        var problem = await NewProblem(inspection);
        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        if (withLine)
        {
            Ok(await Host.Send<PlanDto>(Liaison, new EditLedgerLine(feedback.PlanId, problem.Id, "修订议事规则", "张书记", "办公室",
                RectificationKind.TimeLimited, Host.Clock.Today.AddDays(90))));
        }

        return (feedback.PlanId, problem.Id);
    }

    private async Task<(Guid Plan, Guid Problem)> SubmittedPlan()
    {
        var (plan, problem) = await DraftingPlan(withLine: true);
        Ok(await Host.Send<PlanDto>(Liaison, new SubmitPlan(plan)));
        return (plan, problem);
    }

    private async Task<(Guid Plan, Guid Problem, DateOnly Deadline)> RectifyingWithPlan()
    {
        var (_, plan, problems) = await InRectification(Org.Bureau);
        return (plan, problems[0].Id, problems[0].Deadline!.Value);
    }

    private async Task<Guid> Rectifying(bool progress = false)
    {
        var (_, problem, _) = await RectifyingWithPlan();
        if (progress)
        {
            Ok(await Host.Send<ProblemSummary>(Liaison, new ReportProgress(problem, "已完成整改", 100, null, [Evidence()])));
        }

        return problem;
    }

    private async Task<Guid> UnderReview(bool signed = false, bool closed = false)
    {
        var problem = await Rectifying(progress: true);
        Ok(await Host.Send<ProblemSummary>(Liaison, new SubmitForReview(problem)));
        if (signed)
        {
            foreach (var signer in new[] { Leader, "discipline", "organization" })
            {
                Ok(await Host.Send<ProblemSummary>(signer, new SignOffProblem(problem, true, "同意")));
            }
        }

        if (closed)
        {
            Ok(await Host.Send<ProblemSummary>("office", new CloseProblem(problem)));
        }

        return problem;
    }

    /// <summary>A red clue sheet handed over, then moved on by <paramref name="steps"/> of accept and start-investigation.</summary>
    private async Task<Guid> Clue(int steps)
    {
        var inspection = await NewInspection(Org.Bureau);
        var clue = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映违规发放津补贴", SheetColour.Red))).Id;
        if (steps >= 1)
        {
            Ok(await Host.Send<ClueDto>("discipline", new AcceptClue(clue)));
        }

        if (steps >= 2)
        {
            Ok(await Host.Send<ClueDto>("discipline", new StartInvestigation(clue)));
        }

        return clue;
    }

    private const string AccountPassword = "Audit-Account-2026!z";

    private async Task<(Guid Id, string Name)> NewAccount()
    {
        var name = $"au-account{Next()}";
        var id = Ok(await Host.Send<Guid>("admin", new CreateAccount(name, "审计账号", Role.UnitLiaison, $"{name}@test.local", "zh-CN", Org.Bureau.Id, AccountPassword)));
        return (id, name);
    }

    private Task<Guid> ReceiptOf(Guid caseId, Domain.Receipts.ReceiptKind kind) =>
        Host.Query(db => db.Receipts.Where(r => r.CaseId == caseId && r.Kind == kind).Select(r => r.Id).SingleAsync());

    /// <summary>A common problem of the township pushed to the bureau: the bureau's self-check task.</summary>
    private async Task<Guid> SelfCheck()
    {
        var source = (await InRectification(Org.Township)).Problems[0];
        var push = Ok(await Host.Send<PushProgressDto>("office", new PushCommonProblem(source.Id, [Org.Bureau.Id], null, null, null)));
        return push.Rows.Single().TaskId;
    }

    // ---- comparing -----------------------------------------------------------------------------------------------------

    private static string Describe(string entity, string label, string? trigger, string? from, string? to, string[]? changed) =>
        changed is null
            ? $"{entity} '{label}' added{(to is null ? "" : $" in {to}")}{(trigger is null ? "" : $" by {trigger}")}"
            : $"{entity} '{label}' changed [{string.Join(", ", changed.Order(StringComparer.Ordinal))}]{(trigger is null ? "" : $" by {trigger}")}" +
              (from is null && to is null ? "" : $": {from} → {to}");

    private static string Describe(Domain.Auditing.AuditEntry entry, IReadOnlyDictionary<Guid, string> names)
    {
        var label = names.TryGetValue(entry.EntityId, out var name) ? name : entry.EntityId.ToString();
        var before = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Before)!;
        var after = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.After)!;
        return IsAddition(before, after)
            ? Describe(entry.EntityType, label, entry.Trigger, null, entry.ToState, null)
            : Describe(entry.EntityType, label, entry.Trigger, entry.FromState, entry.ToState, [.. after.Keys]);
    }

    private static bool IsAddition(Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after) => before.Count == 0 && after.ContainsKey("Id");

    /// <summary>
    /// An addition records every value after and none before; a change records the same properties before and after, each
    /// really different, and a case's state as its from and to. (The version goes up in the save itself, after the audit.)
    /// </summary>
    private static void CheckBeforeAfter(string command, Domain.Auditing.AuditEntry entry)
    {
        var before = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Before)!;
        var after = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.After)!;
        var what = $"{command}: {entry.EntityType} {entry.EntityId}";
        if (IsAddition(before, after))
        {
            Assert.That(after["Id"].GetGuid(), Is.EqualTo(entry.EntityId), $"{what}: an addition records the new object whole");
            return;
        }

        Assert.That(before.Keys, Is.EquivalentTo(after.Keys), $"{what}: the same properties before and after");
        foreach (var key in after.Keys)
        {
            Assert.That(after[key].GetRawText(), Is.Not.EqualTo(before[key].GetRawText()), $"{what}: {key} is recorded as changed but is not");
        }

        if (after.TryGetValue("State", out var state) && (entry.FromState ?? entry.ToState) is not null)
        {
            Assert.That((before["State"].GetString(), state.GetString()), Is.EqualTo((entry.FromState, entry.ToState)), $"{what}: the state before and after");
        }
    }

    /// <summary>Every row of every table the model maps, as text: what "nothing at all remains" is compared on.</summary>
    private Task<Dictionary<string, List<string>>> Snapshot() => Host.Query(async db =>
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.GetViewName() is null)
            .Select(t => (Schema: t.GetSchema(), Name: t.GetTableName()!)).Distinct().ToList();
        var snapshot = new Dictionary<string, List<string>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (schema, name) in tables)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(name, schema)}";
                await using var reader = await select.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    rows.Add(Row(reader));
                }

                rows.Sort(StringComparer.Ordinal);
                snapshot[name] = rows;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return snapshot;
    });

    private static string Row(DbDataReader reader) =>
        string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));

    private static List<string> Differences(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after) =>
        before.Keys.Union(after.Keys)
            .Where(table => !before.GetValueOrDefault(table, []).SequenceEqual(after.GetValueOrDefault(table, [])))
            .Select(table => $"{table}: {before.GetValueOrDefault(table, []).Count} rows before, {after.GetValueOrDefault(table, []).Count} after; " +
                $"new: {string.Join(" / ", after.GetValueOrDefault(table, []).Except(before.GetValueOrDefault(table, [])).Take(3))}")
            .ToList();
}
