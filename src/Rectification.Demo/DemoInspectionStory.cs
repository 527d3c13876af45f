using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rectification.Domain.Inspections;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Demo;

/// <summary>When the unit submits its plan, whether it is returned once, and when it is accepted.</summary>
internal sealed record PlanSchedule(DateTime SubmitAt, DateTime? ReturnAt, DateTime? ResubmitAt, DateTime AcceptAt);

/// <summary>
/// One inspection from registration to the present: problems found on site, some fed back at once (边巡边改),
/// the feedback meeting, the plan and its ledger through screening, rectification of each problem, clues
/// handed over, and for a look-back the reopening of earlier problems. Saved as one batch.
/// </summary>
internal sealed class DemoInspectionStory(DemoWorld world)
{
    private const double ReturnedPlanShare = 0.25;
    // 边巡边改 happens in some inspections, not all: a problem fed back on its own opens the plan, and the plan's
    // submission window is counted from that first feedback (as PlanOpener does), so it is used sparingly.
    private const double RaisedDuringInspectionShare = 0.15;

    private static readonly (Severity Value, double Weight)[] SeverityShares = [(Severity.General, 64), (Severity.Serious, 28), (Severity.Major, 8)];

    private readonly DemoRectification rectification = new(world);
    private readonly DemoClues clues = new(world);

    private DemoRandom Random => world.Random;
    private DemoClock Clock => world.Clock;

    public async Task SeedAsync(InspectionSpec spec, CancellationToken ct)
    {
        var db = world.Db;
        var inspection = Inspection.Register(spec.Id, spec.Round.Id, spec.Target.Unit.Id, spec.Kind, spec.GroupName, spec.Start, spec.End);
        db.Inspections.Add(inspection);
        var problems = RegisterProblems(spec);
        var plan = FeedBackDuringInspection(spec, problems);
        if (spec.LookBackOf is { } original)
        {
            await ReopenAsync(spec, original, ct);
        }

        if (spec.FeedbackAt is { } meeting && Clock.HasHappened(meeting))
        {
            plan = HoldFeedbackMeeting(spec, inspection, plan, problems, meeting);
            RunPlan(spec, plan, problems, meeting);
        }

        var handedOver = clues.HandOver(spec, problems);

        // Added once their story is told: Add walks the whole graph, so every report, signature and ledger line is inserted with them.
        db.Problems.AddRange(problems);
        db.Clues.AddRange(handedOver);
        if (plan is not null)
        {
            db.Plans.Add(plan);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private List<Problem> RegisterProblems(InspectionSpec spec)
    {
        var lastDay = DemoClock.Earlier(spec.End, Clock.Today);
        var times = Enumerable.Range(0, spec.ProblemCount)
            .Select(_ => Clock.OnWorkingDay(Clock.DayBetween(spec.Start.AddDays(2), lastDay)))
            .Where(Clock.HasHappened)
            .Order()
            .ToList();
        var raisedDuring = spec.Kind is InspectionKind.Regular or InspectionKind.Mobile && Random.Chance(RaisedDuringInspectionShare)
            ? Random.Sample(Enumerable.Range(0, times.Count), Random.Between(1, 2)).ToHashSet()
            : [];
        return times.Select((at, index) => RegisterProblem(spec, index + 1, at, raisedDuring.Contains(index))).ToList();
    }

    private Problem RegisterProblem(InspectionSpec spec, int number, DateTime at, bool raisedDuring)
    {
        var unit = spec.Target.Unit;
        var theme = PickTheme(spec);
        var title = Random.Pick(theme.Titles);
        var detail = Figures(Random.Pick(theme.Details), spec.Start.Year);
        var dossier = new Dossier(
            $"巡察组调阅{unit.Name}{spec.Start.Year - 2}年以来会议记录、财务凭证等资料{Random.Between(80, 600)}份，个别谈话{Random.Between(20, 90)}人次。经核实，{detail}",
            $"依据{theme.Basis}等有关规定，该问题属于{theme.Category}方面问题。",
            $"{DemoTexts.Date(spec.Start)}巡察组进驻后，通过个别谈话、调阅资料、下沉走访发现该问题；{DemoTexts.Date(DateOnly.FromDateTime(at))}听取{unit.Name}主要负责人解释说明，{Random.Pick(DemoTexts.Explanations)}。");
        var problem = Problem.Register(world.ProblemLifecycle, Random.NewId(at), spec.Id, unit.Id, $"{unit.Code}-{spec.Start.Year}-{number:000}",
            title, $"巡察发现，{unit.Name}{title}。", theme.Category, Random.Weighted(SeverityShares), dossier, raisedDuring, at);
        world.Steps.Created(problem, "RegisterProblem", world.City.Group, at);
        return problem;
    }

    /// <summary>A special inspection looks mostly at its sector's themes; otherwise themes come in the shares real reports show.</summary>
    private DemoTheme PickTheme(InspectionSpec spec)
    {
        var level = spec.Target.Unit.Level;
        var options = DemoTexts.Themes
            .Where(t => t.AppliesTo(level))
            .Select(t => (t, t.WeightFor(level) * (spec.IsSpecial && t.Levels.Contains(level) ? 3 : 1)))
            .Where(o => o.Item2 > 0)
            .ToList();
        return Random.Weighted(options);
    }

    private string Figures(string template, int year)
    {
        var n = Random.Between(5, 60);
        return template
            .Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{m}", Random.Between(1, Math.Max(1, n / 3)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{amount}", Math.Round(Random.Fraction(0.8, 320), 2).ToString("0.##", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year}", (year - Random.Between(1, 2)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>边巡边改: a problem raised during the inspection is fed back on its own days later, which opens the unit's plan early.</summary>
    private Plan? FeedBackDuringInspection(InspectionSpec spec, List<Problem> problems)
    {
        Plan? plan = null;
        foreach (var problem in problems.Where(p => p.RaisedDuringInspection))
        {
            var at = Clock.DaysAfter(problem.RegisteredAt, 1, 3);
            if (!Clock.HasHappened(at) || (spec.FeedbackAt is { } meeting && at >= meeting))
            {
                continue;
            }

            plan ??= OpenPlan(spec, at, "FeedBackProblem");
            plan.Cover(problem);
            FeedBack(problem, "FeedBackProblem", at);
        }

        return plan;
    }

    /// <summary>反馈: every problem still registered is fed back at once and covered by the plan, as FeedBackInspection does.</summary>
    private Plan HoldFeedbackMeeting(InspectionSpec spec, Inspection inspection, Plan? plan, List<Problem> problems, DateTime meeting)
    {
        plan ??= OpenPlan(spec, meeting, "FeedBackInspection");
        foreach (var problem in problems.Where(p => p.State == ProblemStates.Registered))
        {
            FeedBack(problem, "FeedBackInspection", meeting);
            plan.Cover(problem);
        }

        inspection.MarkFedBack(meeting);
        return plan;
    }

    private Plan OpenPlan(InspectionSpec spec, DateTime at, string command)
    {
        var due = Clock.Add(DateOnly.FromDateTime(at), world.PlanLifecycle.Duration("Submission"));
        var plan = Plan.Open(world.PlanLifecycle, Random.NewId(at), spec.Id, spec.Target.Unit.Id, due);
        world.Steps.Created(plan, command, world.City.Group, at);
        return plan;
    }

    private void FeedBack(Problem problem, string command, DateTime at) =>
        world.Steps.Fire(problem, command, ProblemTriggers.FeedBack, world.City.Group, at, (machine, role) => problem.FeedBack(machine, role, at));

    /// <summary>整改方案: the unit fills its ledger and submits; the plan is screened, returned once in a while, and accepted.</summary>
    private void RunPlan(InspectionSpec spec, Plan plan, List<Problem> problems, DateTime meeting)
    {
        var target = spec.Target;
        var schedule = Schedule(spec, plan, meeting);
        var covered = problems.Where(p => p.State == ProblemStates.FedBack).ToList();
        foreach (var (problem, editedAt) in covered.Select(p => (p, EditTime(meeting, schedule.SubmitAt))).OrderBy(e => e.Item2))
        {
            if (Clock.HasHappened(editedAt))
            {
                FillLine(plan, problem, target, editedAt, schedule.AcceptAt);
            }
        }

        if (!Clock.HasHappened(schedule.SubmitAt))
        {
            return;
        }

        Submit(plan, target, schedule.SubmitAt);
        if (schedule is { ReturnAt: { } returnAt, ResubmitAt: { } resubmitAt })
        {
            if (!Clock.HasHappened(returnAt))
            {
                return;
            }

            Return(plan, target, returnAt);
            if (!Clock.HasHappened(resubmitAt))
            {
                return;
            }

            Revise(plan, target, returnAt, resubmitAt);
            Submit(plan, target, resubmitAt);
        }

        if (Clock.HasHappened(schedule.AcceptAt))
        {
            Accept(plan, target, covered, schedule.AcceptAt);
        }
    }

    /// <summary>Lines are written over the days between the meeting and the submission, so a plan still drafting is part-filled.</summary>
    private DateTime EditTime(DateTime meeting, DateTime submitAt)
    {
        var at = Clock.DaysAfter(meeting, 1, Math.Max(1, (submitAt - meeting).Days - 1));
        return at < submitAt ? at : submitAt.AddMinutes(-Random.Between(10, 120));
    }

    private void FillLine(Plan plan, Problem problem, DemoTarget target, DateTime at, DateTime acceptAt)
    {
        var entry = LedgerEntry(problem, target);
        EditLine(plan, problem.Id, entry, target, at);
        var reportedAt = Clock.DaysAfter(at, 0, 5);
        if (entry.Kind == RectificationKind.Immediate && Random.Chance(0.5) && Clock.HasHappened(reportedAt) && reportedAt < acceptAt)
        {
            rectification.ReportEarly(problem, target, reportedAt);
        }
    }

    private void EditLine(Plan plan, Guid problemId, LedgerEntry entry, DemoTarget target, DateTime at) =>
        world.Steps.Fire(plan, "EditLedgerLine", PlanTriggers.EditLine, target.Liaison, at, (machine, role) => plan.EditLine(machine, role, problemId, entry));

    private void Submit(Plan plan, DemoTarget target, DateTime at) =>
        world.Steps.Fire(plan, "SubmitPlan", PlanTriggers.Submit, target.Leader, at, (machine, role) => plan.Submit(machine, role, target.Leader.Id, at));

    private void Return(Plan plan, DemoTarget target, DateTime at)
    {
        var screener = Random.Pick([target.Discipline, target.Organization, world.City.Office]);
        var comment = Random.Pick(DemoTexts.PlanReturnComments);
        var lineComments = Random.Sample(plan.Lines, Random.Between(1, 3))
            .Select(l => new LineComment(l.ProblemId, Random.Pick(DemoTexts.LineComments)))
            .ToList();
        world.Steps.Fire(plan, "ReturnPlan", PlanTriggers.Return, screener, at,
            (machine, role) => plan.Return(machine, role, screener.Id, comment, lineComments, at));
    }

    /// <summary>The unit rewrites the lines the screening commented on, and only those.</summary>
    private void Revise(Plan plan, DemoTarget target, DateTime returnedAt, DateTime resubmitAt)
    {
        var edits = plan.CurrentRevision!.LineComments.Select(c => (c.ProblemId, At: EditTime(returnedAt, resubmitAt))).OrderBy(e => e.At);
        foreach (var (problemId, at) in edits)
        {
            var line = plan.Lines.Single(l => l.ProblemId == problemId);
            var revised = new LedgerEntry(line.Measures + DemoTexts.RevisedMeasureSuffix, line.ResponsibleLeader, line.ResponsibleDepartment,
                line.Kind!.Value, line.Deadline!.Value);
            EditLine(plan, problemId, revised, target, at);
        }
    }

    /// <summary>Accepting the plan starts rectification of every covered problem on its line's terms, as AcceptPlan does.</summary>
    private void Accept(Plan plan, DemoTarget target, List<Problem> covered, DateTime at)
    {
        var screener = Random.Chance(0.7) ? world.City.Office : Random.Pick([target.Discipline, target.Organization]);
        var comment = Random.Pick(DemoTexts.PlanAcceptComments);
        world.Steps.Fire(plan, "AcceptPlan", PlanTriggers.Accept, screener, at, (machine, role) => plan.Accept(machine, role, screener.Id, comment, at));
        foreach (var problem in covered)
        {
            var line = plan.Lines.Single(l => l.ProblemId == problem.Id);
            rectification.Start(problem, target, line.Kind!.Value, line.Deadline!.Value, at);
        }
    }

    private PlanSchedule Schedule(InspectionSpec spec, Plan plan, DateTime meeting)
    {
        var now = Clock.Now;
        switch (spec.Stage)
        {
            case LiveStage.Drafting:
                var planned = Clock.DaysAfter(now, 5, 10);
                return new PlanSchedule(planned, null, null, Clock.DaysAfter(planned, 3, 8));
            case LiveStage.Screening:
                return new PlanSchedule(Clock.OnWorkingDay(Clock.Today.AddDays(-6)), null, null, Clock.DaysAfter(now, 2, 6));
            case LiveStage.Revising:
                var submitted = Clock.DaysAfter(meeting, 10, 14);
                var returned = Clock.OnWorkingDay(Clock.Today.AddDays(-Random.Between(10, 14)));
                var resubmit = Clock.DaysAfter(now, 3, 8);
                return new PlanSchedule(submitted, returned, resubmit, Clock.DaysAfter(resubmit, 3, 8));
        }

        // Most units submit within the window the plan lifecycle sets (Submission); a few are late, as in real ledgers.
        var submitAt = Clock.DaysAfter(meeting, 10, 22);
        var dueAt = Clock.OnWorkingDay(plan.SubmissionDue.AddDays(-Random.Between(1, 4)));
        if (submitAt > dueAt && dueAt > meeting.AddDays(3))
        {
            submitAt = dueAt;
        }

        if (!Random.Chance(ReturnedPlanShare))
        {
            return new PlanSchedule(submitAt, null, null, Clock.DaysAfter(submitAt, 3, 8));
        }

        var returnAt = Clock.DaysAfter(submitAt, 3, 8);
        var resubmitAt = Clock.DaysAfter(returnAt, 4, 10);
        return new PlanSchedule(submitAt, returnAt, resubmitAt, Clock.DaysAfter(resubmitAt, 3, 8));
    }

    private LedgerEntry LedgerEntry(Problem problem, DemoTarget target)
    {
        var theme = DemoTexts.Themes.First(t => t.Category == problem.Category);
        var kind = Kind(problem.Severity);
        var measures = string.Join("；", theme.Measures.Select((m, i) => $"{i + 1}.{m}")) + "。";
        var leader = problem.Severity == Severity.General
            ? $"{DemoNames.Person(Random)}（{Random.Pick(DemoTexts.DeputyTitles)}）"
            : $"{target.LeaderName}（{target.LeaderTitle}）";
        var department = DemoTexts.DepartmentFor(target.Unit.Level, target.InCounty, theme.Department);
        return new LedgerEntry(measures, leader, department, kind, Deadline(problem, kind));
    }

    private RectificationKind Kind(Severity severity) => severity switch
    {
        Severity.General => Random.Weighted([(RectificationKind.Immediate, 40.0), (RectificationKind.TimeLimited, 55.0), (RectificationKind.LongTerm, 5.0)]),
        Severity.Serious => Random.Weighted([(RectificationKind.Immediate, 25.0), (RectificationKind.TimeLimited, 66.0), (RectificationKind.LongTerm, 9.0)]),
        _ => Random.Weighted([(RectificationKind.Immediate, 10.0), (RectificationKind.TimeLimited, 75.0), (RectificationKind.LongTerm, 15.0)]),
    };

    /// <summary>Within the longest deadline the problem lifecycle allows for the kind, counted from feedback, as EditLedgerLine checks.</summary>
    private DateOnly Deadline(Problem problem, RectificationKind kind)
    {
        var fedBack = DateOnly.FromDateTime(problem.FedBackAt!.Value);
        var latest = Clock.Add(fedBack, world.ProblemLifecycle.Duration(kind.ToString()));
        var wanted = kind switch
        {
            RectificationKind.Immediate => fedBack.AddDays(Random.Between(10, 30)),
            RectificationKind.TimeLimited => fedBack.AddDays(Random.Between(60, 180)),
            _ => fedBack.AddDays(Random.Between(365, 730)),
        };
        return wanted < latest ? wanted : latest;
    }

    /// <summary>回头看: a sample of the earlier inspection's problems, closed before the look-back began, is reopened during it.</summary>
    private async Task ReopenAsync(InspectionSpec spec, InspectionSpec original, CancellationToken ct)
    {
        var begun = spec.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var closed = await world.Db.Problems
            .Include(p => p.Progress).Include(p => p.SignOffs).Include(p => p.Reopenings)
            .AsSplitQuery()
            .Where(p => p.InspectionId == original.Id && p.State == ProblemStates.Closed && p.ClosedAt < begun)
            .OrderBy(p => p.Code)
            .ToListAsync(ct);
        var lastDay = DemoClock.Earlier(spec.End, Clock.Today);
        foreach (var problem in Random.Sample(closed, Random.Between(8, 14)).OrderBy(p => p.Code))
        {
            var at = Clock.OnWorkingDay(Clock.DayBetween(spec.Start.AddDays(7), lastDay));
            if (Clock.HasHappened(at))
            {
                rectification.Reopen(problem, spec.Target, spec.Id, at);
            }
        }
    }
}
