using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.CommonProblems;
using Rectification.Application.Evaluations;
using Rectification.Application.Plans;
using Rectification.Application.Receipts;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Evaluations;
using Rectification.Domain.Inspections;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Receipts;

namespace Rectification.Demo;

/// <summary>What the rules pass added, for the seeding summary.</summary>
internal sealed record DemoRuleCounts(int Receipts, int LineChanges, int Pushes, int SelfChecks, int Evaluations);

/// <summary>
/// The rules that sit beside the lifecycles, told once every inspection's story is in the database: receipts (签收) of
/// feedbacks, returned plans and handover sheets; changes of accepted ledger lines; common problems pushed as
/// self-check tasks (未巡先改); and effect evaluations (整改效果评价). Each object is made by its domain factory and
/// moved by its own methods at the story's moments, so it is what the API would have left behind.
/// </summary>
internal sealed class DemoRules(DemoWorld world, DemoOrganization organization, IReminderCatalog reminders, EvaluationScheme scheme)
{
    private const int LineChangeCount = 30;
    private const int EvaluatedInspections = 24;

    private readonly Dictionary<Guid, DemoTarget> targets = organization.Targets.ToDictionary(t => t.Unit.Id);

    private DemoRandom Random => world.Random;
    private DemoTimeline Clock => world.Clock;

    public async Task<DemoRuleCounts> SeedAsync(CancellationToken ct)
    {
        var receipts = await ReceiptsAsync(ct);
        var changes = await LineChangesAsync(ct);
        var (pushes, tasks) = await CommonProblemsAsync(ct);
        var evaluations = await EvaluationsAsync(ct);
        return new DemoRuleCounts(receipts, changes, pushes, tasks, evaluations);
    }

    /// <summary>
    /// 签收: the commands issued a receipt with every feedback, returned plan and handover sheet; the unit signs for its
    /// feedbacks and returned plans, and the district's discipline commission for a sheet when it accepts the clue. Most on
    /// time, some late, and the recent ones still pending.
    /// </summary>
    private async Task<int> ReceiptsAsync(CancellationToken ct)
    {
        var db = world.Db;
        var receipts = await db.Receipts.AsNoTracking().OrderBy(r => r.IssuedAt).ThenBy(r => r.CaseId).ToListAsync(ct);
        var accepted = await db.Clues.AsNoTracking().Where(c => c.AcceptedAt != null).ToDictionaryAsync(c => c.Id, c => c.AcceptedAt!.Value, ct);
        foreach (var receipt in receipts)
        {
            var target = targets[receipt.UnitId];
            if (receipt.Kind == ReceiptKind.HandoverSheet)
            {
                // A sheet not yet accepted is not yet signed for; signed for on the day or the next, now and then late, and
                // never after the clue was accepted, which presumes the sheet arrived.
                if (accepted.TryGetValue(receipt.CaseId, out var acceptedAt))
                {
                    var at = Random.Chance(0.1)
                        ? Clock.DaysAfter(receipt.DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), 1, 3)
                        : Clock.MinutesAfter(receipt.IssuedAt, 20, 600);
                    await AcknowledgeAsync(receipt, target.Discipline, at < acceptedAt ? at : acceptedAt, ct);
                }

                continue;
            }

            await UnitReceiptAsync(receipt, UnitReceiver(target), late: receipt.Kind == ReceiptKind.ReturnedPlan ? 0.2 : 0.12, ct);
        }

        return receipts.Count;
    }

    private UserAccount UnitReceiver(DemoTarget target) => Random.Chance(0.7) ? target.Liaison : target.Leader;

    /// <summary>Signed for within a day or two, now and then after the limit; one issued in the last days may still wait.</summary>
    private async Task UnitReceiptAsync(Receipt receipt, UserAccount receiver, double late, CancellationToken ct)
    {
        var at = Random.Chance(late)
            ? Clock.DaysAfter(receipt.DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), 1, 6)
            : Clock.DaysAfter(receipt.IssuedAt, 0, 2);
        if (Clock.HasHappened(at) && !(Clock.Today.DayNumber - DateOnly.FromDateTime(receipt.IssuedAt).DayNumber < 14 && Random.Chance(0.5)))
        {
            await AcknowledgeAsync(receipt, receiver, at, ct);
        }
    }

    private Task AcknowledgeAsync(Receipt receipt, UserAccount receiver, DateTime at, CancellationToken ct) =>
        world.Commands.SendAsync(receiver, at, new AcknowledgeReceipt(receipt.Id), ct);

    /// <summary>
    /// Changes of accepted ledger lines, proposed by the unit in the last two months on problems still being rectified:
    /// most ask for more time and sharper measures; some are accepted (the line and the problem's deadline move), some
    /// refused with a reason, and the latest ones wait for the supervising side.
    /// </summary>
    private async Task<int> LineChangesAsync(CancellationToken ct)
    {
        var db = world.Db;
        var since = Clock.Now.AddDays(-60);
        var started = Clock.Now.AddDays(-28);
        var candidates = await db.Problems
            .Where(p => p.State == ProblemStates.Rectifying && p.RectificationStartedAt < started)
            .OrderBy(p => p.Code)
            .Select(p => p.Id)
            .ToListAsync(ct);
        var chosen = Random.Sample(candidates, Math.Min(LineChangeCount, candidates.Count));
        var problems = await db.Problems.AsNoTracking().Where(p => chosen.Contains(p.Id)).OrderBy(p => p.Code).ToListAsync(ct);
        var inspections = problems.Select(p => p.InspectionId).ToList();
        var plans = await db.Plans.AsNoTracking().Include(p => p.Lines)
            .Where(p => inspections.Contains(p.InspectionId) && p.State == PlanStates.Accepted)
            .ToDictionaryAsync(p => p.InspectionId, ct);
        var count = 0;
        foreach (var (problem, index) in problems.Select((p, i) => (p, i)))
        {
            if (!plans.TryGetValue(problem.InspectionId, out var plan))
            {
                continue;
            }

            // A fixed share waits for a decision, proposed in the last days so that it is plainly pending.
            var pending = index % 10 >= 7;
            var proposedAt = pending
                ? Clock.OnWorkingDay(Clock.Today.AddDays(-Random.Between(4, 8)))
                : Clock.OnWorkingDay(Clock.DayBetween(DateOnly.FromDateTime(DemoTimeline.Later(since, problem.RectificationStartedAt!.Value.AddDays(7))), Clock.Today.AddDays(-14)));
            if (!Clock.HasHappened(proposedAt))
            {
                continue;
            }

            var target = targets[plan.UnitId];
            var line = plan.Lines.Single(l => l.ProblemId == problem.Id);
            var latest = Clock.Add(DateOnly.FromDateTime(problem.FedBackAt!.Value), world.ProblemLifecycle.Duration(line.Kind!.Value.ToString()));
            var later = line.Deadline!.Value.AddDays(Random.Between(20, 60));
            // More time, within the longest deadline the kind allows; the sharper measures make the change material either way.
            var deadline = later < latest ? later : DemoTimeline.Later(latest, line.Deadline.Value);
            var entry = new LedgerEntry(line.Measures + DemoTexts.ChangedMeasureSuffix, line.ResponsibleLeader, line.ResponsibleDepartment, line.Kind.Value, deadline);
            // ProposeLedgerLineChange finds the change material (a later deadline, other measures), so it waits for a decision.
            var change = await world.Commands.SendAsync(target.Liaison, proposedAt, new ProposeLedgerLineChange(plan.Id, problem.Id, entry.Measures,
                entry.ResponsibleLeader, entry.ResponsibleDepartment, entry.Kind, entry.Deadline, Random.Pick(DemoTexts.LineChangeReasons)), ct);
            count++;
            var decidedAt = Clock.DaysAfter(proposedAt, 1, 6);
            if (pending || !Clock.HasHappened(decidedAt))
            {
                continue;
            }

            var decider = Random.Chance(0.6) ? world.City.Office : target.Discipline;
            var accept = index % 10 < 4;
            var comment = accept ? Random.Pick(DemoTexts.LineChangeAcceptComments) : Random.Pick(DemoTexts.LineChangeRefuseComments);
            // Accepted, the line and the problem's deadline take the new terms together (DecideLedgerLineChange does both).
            await world.Commands.SendAsync(decider, decidedAt, new DecideLedgerLineChange(change.Id, accept, comment), ct);
        }

        return count;
    }

    /// <summary>
    /// 未巡先改: three problems found in inspections are pushed by the inspection office to every other unit of the same
    /// level, six weeks, three weeks and a few days ago. Most units answer "not present", some find it too and open
    /// their own problem (fed back at once with a plan opened, as OpenSelfCheckProblem does), the rest have not answered.
    /// </summary>
    private async Task<(int Pushes, int Tasks)> CommonProblemsAsync(CancellationToken ct)
    {
        var db = world.Db;
        if (reminders.Settings.SelfChecks is not { } rule)
        {
            return (0, 0);
        }

        var office = world.City.Office;
        var fedBack = await db.Problems.AsNoTracking()
            .Where(p => p.State != ProblemStates.Registered && p.Severity != Severity.General)
            .OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.UnitId, p.InspectionId, p.Title, p.Description, p.Category, p.Severity })
            .ToListAsync(ct);
        // Pushed where a level has enough units for the answers to spread; a level of two or three tells little.
        var levelSizes = organization.Targets.GroupBy(t => t.Unit.Level).ToDictionary(g => g.Key, g => g.Count());
        var sources = Random.Shuffle(fedBack.Where(p => levelSizes[targets[p.UnitId].Unit.Level] >= 10)).DistinctBy(p => p.Category).Take(3).ToList();
        int[] daysAgo = [56, 30, 3];
        var tasks = 0;
        foreach (var (source, index) in sources.Select((s, i) => (s, i)))
        {
            var pushedAt = Clock.OnWorkingDay(Clock.Today.AddDays(-daysAgo[index]));
            if (!Clock.HasHappened(pushedAt))
            {
                pushedAt = Clock.Now.AddHours(-2);
            }

            // To every other unit of the same level: PushCommonProblem leaves the problem's own unit out and opens a task for each.
            var level = targets[source.UnitId].Unit.Level;
            var push = await world.Commands.SendAsync(office, pushedAt,
                new PushCommonProblem(source.Id, null, null, level, Random.Pick(DemoTexts.CommonProblemNotes)), ct);
            var opened = await db.SelfCheckTasks.AsNoTracking().Where(t => t.PushId == push.Id).Select(t => new { t.Id, t.UnitId }).ToListAsync(ct);
            var taskOf = opened.ToDictionary(t => t.UnitId, t => t.Id);
            foreach (var (target, unitIndex) in organization.Targets.Where(t => taskOf.ContainsKey(t.Unit.Id)).OrderBy(t => t.Unit.Code)
                .Select((t, i) => (t, i)))
            {
                await AnswerAsync(taskOf[target.Unit.Id], push, target, source.Severity, unitIndex, ct);
                tasks++;
            }
        }

        return (sources.Count, tasks);
    }

    /// <summary>Most answer within the limit, a few after it, and some not at all yet.</summary>
    private async Task AnswerAsync(Guid taskId, PushProgressDto push, DemoTarget target, Severity severity, int unitIndex, CancellationToken ct)
    {
        // Fixed shares by the unit's place in the list, so that a late answer and a silent unit are always there to see.
        var limitDays = Math.Max(2, push.DueDate.DayNumber - DateOnly.FromDateTime(push.PushedAt).DayNumber);
        var answeredAt = unitIndex % 8 == 5
            ? Clock.DaysAfter(push.DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), 1, 8)
            : Clock.DaysAfter(push.PushedAt, 2, limitDays - 1);
        if (unitIndex % 10 == 9 || !Clock.HasHappened(answeredAt))
        {
            return;
        }

        var answerer = Random.Chance(0.6) ? target.Liaison : target.Leader;
        if (!Random.Chance(0.3))
        {
            var statement = Random.Pick(DemoTexts.NotPresentStatements).Replace("{unit}", target.Unit.Name, StringComparison.Ordinal);
            await world.Commands.SendAsync(answerer, answeredAt, new AnswerSelfCheckNotPresent(taskId, statement), ct);
            return;
        }

        // OpenSelfCheckProblem registers the unit's own problem in a self-check inspection, fed back at once under a plan.
        await world.Commands.SendAsync(answerer, answeredAt, new OpenSelfCheckProblem(taskId, $"自查发现，{target.Unit.Name}{push.Title}。",
            $"对照{DemoTexts.Date(DateOnly.FromDateTime(push.PushedAt))}推送的共性问题开展自查，{target.Unit.Name}存在类似情况。",
            severity == Severity.Major ? Severity.Serious : Severity.General), ct);
    }

    /// <summary>
    /// 整改效果评价 of inspections whose concentrated rectification ended months ago: most with every source scored and a
    /// grade, some still waiting for a source or two. Scores follow how much of the inspection's ledger is closed.
    /// </summary>
    private async Task<int> EvaluationsAsync(CancellationToken ct)
    {
        var db = world.Db;
        var before = Clock.Now.AddDays(-150);
        var finished = await db.Inspections.AsNoTracking()
            .Where(i => i.FedBackAt != null && i.FedBackAt < before && i.Kind != InspectionKind.SelfCheck)
            .OrderBy(i => i.FedBackAt).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.UnitId, FedBackAt = i.FedBackAt!.Value,
                Problems = db.Problems.Count(p => p.InspectionId == i.Id),
                Closed = db.Problems.Count(p => p.InspectionId == i.Id && p.State == ProblemStates.Closed),
            })
            .ToListAsync(ct);
        var chosen = Random.Sample(finished, Math.Min(EvaluatedInspections, finished.Count)).OrderBy(i => i.FedBackAt).ToList();
        foreach (var (inspection, index) in chosen.Select((x, i) => (x, i)))
        {
            var target = targets[inspection.UnitId];
            var at = Clock.DaysAfter(inspection.FedBackAt, 95, 130);
            var closedShare = inspection.Problems == 0 ? 1.0 : (double)inspection.Closed / inspection.Problems;
            // Every fourth stays incomplete: a source or two has not scored yet, so it has no composite.
            var sources = index % 4 == 3 ? scheme.Sources.Take(scheme.Sources.Count - Random.Between(1, 2)) : scheme.Sources;
            foreach (var source in sources)
            {
                at = Clock.DaysAfter(at, 0, 3);
                if (!Clock.HasHappened(at))
                {
                    break;
                }

                // The first score opens the evaluation (RecordEvaluationScore), the last one grades it.
                var scorer = world.ActorFor(source.By[0], target);
                var score = Math.Round((decimal)Math.Clamp(62 + (30 * closedShare) + Random.Fraction(-6, 6), 0, 100), 1);
                await world.Commands.SendAsync(scorer, at, new RecordEvaluationScore(inspection.Id, source.Name, score, Random.Pick(DemoTexts.EvaluationComments)), ct);
            }
        }

        return chosen.Count;
    }
}
