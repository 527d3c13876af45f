using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.Inspections;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Demo;

/// <summary>When the unit submits its plan, whether it is returned once, and when it is accepted.</summary>
internal sealed record PlanSchedule(DateTime SubmitAt, DateTime? ReturnAt, DateTime? ResubmitAt, DateTime AcceptAt);

/// <summary>
/// One inspection from registration to the present, told through the application's commands: problems found on site, some
/// fed back at once (边巡边改), the feedback meeting, the plan and its ledger through screening, rectification of each
/// problem, clues handed over, and for a look-back the reopening of earlier problems.
/// </summary>
internal sealed class DemoInspectionStory(DemoWorld world, IReadOnlyDictionary<Round, Guid> rounds)
{
    private const double ReturnedPlanShare = 0.25;
    // 边巡边改 happens in some inspections, not all: a problem fed back on its own opens the plan, so it is used sparingly.
    private const double RaisedDuringInspectionShare = 0.15;

    private static readonly (Severity Value, double Weight)[] SeverityShares = [(Severity.General, 64), (Severity.Serious, 28), (Severity.Major, 8)];

    private readonly DemoRectification rectification = new(world);
    private readonly DemoClues clues = new(world);
    private readonly Dictionary<Guid, Guid> registered = [];

    private DemoRandom Random => world.Random;
    private DemoTimeline Clock => world.Clock;

    public async Task SeedAsync(InspectionSpec spec, CancellationToken ct)
    {
        // The office registers the inspection a week before the group arrives.
        var inspection = await world.Commands.SendAsync(world.City.Office, spec.Start.AddDays(-7).ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc),
            new RegisterInspection(rounds[spec.Round], spec.Target.Unit.Id, spec.Kind, spec.GroupName, spec.Start, spec.End), ct);
        registered[spec.Id] = inspection.Id;
        var problems = await RegisterProblemsAsync(spec, inspection.Id, ct);
        await FeedBackDuringInspectionAsync(spec, problems, ct);
        if (spec.LookBackOf is { } original)
        {
            await ReopenAsync(spec, inspection.Id, original, ct);
        }

        if (spec.FeedbackAt is { } meeting && Clock.HasHappened(meeting) && problems.Any(p => p.State == ProblemStates.Registered))
        {
            // 反馈: FeedBackInspection feeds back every problem still registered, covers it by the plan and starts its submission window.
            var feedback = await world.Commands.SendAsync(world.City.Group, meeting, new FeedBackInspection(inspection.Id), ct);
            foreach (var problem in problems.Where(p => p.State == ProblemStates.Registered))
            {
                problem.FedBack(meeting);
            }

            await RunPlanAsync(spec, feedback.PlanId, feedback.PlanDue, problems, meeting, ct);
        }

        await clues.HandOverAsync(spec, inspection.Id, problems, ct);
    }

    private async Task<List<DemoProblem>> RegisterProblemsAsync(InspectionSpec spec, Guid inspectionId, CancellationToken ct)
    {
        var lastDay = DemoTimeline.Earlier(spec.End, Clock.Today);
        var times = Enumerable.Range(0, spec.ProblemCount)
            .Select(_ => Clock.OnWorkingDay(Clock.DayBetween(spec.Start.AddDays(2), lastDay)))
            .Where(Clock.HasHappened)
            .Order()
            .ToList();
        var raisedDuring = spec.Kind is InspectionKind.Regular or InspectionKind.Mobile && Random.Chance(RaisedDuringInspectionShare)
            ? Random.Sample(Enumerable.Range(0, times.Count), Random.Between(1, 2)).ToHashSet()
            : [];
        var problems = new List<DemoProblem>();
        foreach (var (at, index) in times.Select((at, index) => (at, index)))
        {
            problems.Add(await RegisterProblemAsync(spec, inspectionId, index + 1, at, raisedDuring.Contains(index), ct));
        }

        return problems;
    }

    private async Task<DemoProblem> RegisterProblemAsync(InspectionSpec spec, Guid inspectionId, int number, DateTime at, bool raisedDuring, CancellationToken ct)
    {
        var unit = spec.Target.Unit;
        var theme = PickTheme(spec);
        var title = Random.Pick(theme.Titles);
        var detail = Figures(Random.Pick(theme.Details), spec.Start.Year);
        var severity = Random.Weighted(SeverityShares);
        var registeredProblem = await world.Commands.SendAsync(world.City.Group, at, new RegisterProblem(inspectionId, title, $"巡察发现，{unit.Name}{title}。",
            theme.Category, severity,
            $"巡察组调阅{unit.Name}{spec.Start.Year - 2}年以来会议记录、财务凭证等资料{Random.Between(80, 600)}份，个别谈话{Random.Between(20, 90)}人次。经核实，{detail}",
            $"依据{theme.Basis}等有关规定，该问题属于{theme.Category}方面问题。",
            $"{DemoTexts.Date(spec.Start)}巡察组进驻后，通过个别谈话、调阅资料、下沉走访发现该问题；{DemoTexts.Date(DateOnly.FromDateTime(at))}听取{unit.Name}主要负责人解释说明，{Random.Pick(DemoTexts.Explanations)}。",
            raisedDuring, $"{unit.Code}-{spec.Start.Year}-{number:000}"), ct);
        return new DemoProblem(registeredProblem.Id, registeredProblem.Code, theme.Category, severity, at, raisedDuring);
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
    private async Task FeedBackDuringInspectionAsync(InspectionSpec spec, List<DemoProblem> problems, CancellationToken ct)
    {
        foreach (var problem in problems.Where(p => p.RaisedDuringInspection))
        {
            var at = Clock.DaysAfter(problem.RegisteredAt, 1, 3);
            if (!Clock.HasHappened(at) || (spec.FeedbackAt is { } meeting && at >= meeting))
            {
                continue;
            }

            // FeedBackProblem opens the plan at the first one and covers the problem by it.
            problem.Update(await world.Commands.SendAsync(world.City.Group, at, new FeedBackProblem(problem.Id), ct));
            problem.FedBack(at);
        }
    }

    /// <summary>整改方案: the unit fills its ledger and submits; the plan is screened, returned once in a while, and accepted.</summary>
    private async Task RunPlanAsync(InspectionSpec spec, Guid planId, DateOnly submissionDue, List<DemoProblem> problems, DateTime meeting, CancellationToken ct)
    {
        var target = spec.Target;
        var schedule = Schedule(spec, submissionDue, meeting);
        var covered = problems.Where(p => p.State == ProblemStates.FedBack).ToList();
        var lines = new Dictionary<Guid, LedgerEntry>();
        foreach (var (problem, editedAt) in covered.Select(p => (p, EditTime(meeting, schedule.SubmitAt))).OrderBy(e => e.Item2))
        {
            if (Clock.HasHappened(editedAt))
            {
                lines[problem.Id] = await FillLineAsync(planId, problem, target, editedAt, schedule.AcceptAt, ct);
            }
        }

        if (!Clock.HasHappened(schedule.SubmitAt))
        {
            return;
        }

        await Submit(planId, target, schedule.SubmitAt, ct);
        if (schedule is { ReturnAt: { } returnAt, ResubmitAt: { } resubmitAt })
        {
            if (!Clock.HasHappened(returnAt))
            {
                return;
            }

            var commented = await ReturnAsync(planId, covered, target, returnAt, ct);
            if (!Clock.HasHappened(resubmitAt))
            {
                return;
            }

            await ReviseAsync(planId, lines, commented, target, returnAt, resubmitAt, ct);
            await Submit(planId, target, resubmitAt, ct);
        }

        if (Clock.HasHappened(schedule.AcceptAt))
        {
            await AcceptAsync(planId, target, covered, lines, schedule.AcceptAt, ct);
        }
    }

    /// <summary>Lines are written over the days between the meeting and the submission, so a plan still drafting is part-filled.</summary>
    private DateTime EditTime(DateTime meeting, DateTime submitAt)
    {
        var at = Clock.DaysAfter(meeting, 1, Math.Max(1, (submitAt - meeting).Days - 1));
        return at < submitAt ? at : submitAt.AddMinutes(-Random.Between(10, 120));
    }

    private async Task<LedgerEntry> FillLineAsync(Guid planId, DemoProblem problem, DemoTarget target, DateTime at, DateTime acceptAt, CancellationToken ct)
    {
        var entry = LedgerEntry(problem, target);
        await EditLineAsync(planId, problem.Id, entry, target, at, ct);
        var reportedAt = Clock.DaysAfter(at, 0, 5);
        if (entry.Kind == RectificationKind.Immediate && Random.Chance(0.5) && Clock.HasHappened(reportedAt) && reportedAt < acceptAt)
        {
            await rectification.ReportEarlyAsync(problem, target, reportedAt, ct);
        }

        return entry;
    }

    private Task<PlanDto> EditLineAsync(Guid planId, Guid problemId, LedgerEntry entry, DemoTarget target, DateTime at, CancellationToken ct) =>
        world.Commands.SendAsync(target.Liaison, at, new EditLedgerLine(planId, problemId, entry.Measures, entry.ResponsibleLeader, entry.ResponsibleDepartment,
            entry.Kind, entry.Deadline), ct);

    private Task<PlanDto> Submit(Guid planId, DemoTarget target, DateTime at, CancellationToken ct) =>
        world.Commands.SendAsync(target.Leader, at, new SubmitPlan(planId), ct);

    private async Task<IReadOnlyList<Guid>> ReturnAsync(Guid planId, List<DemoProblem> covered, DemoTarget target, DateTime at, CancellationToken ct)
    {
        var screener = Random.Pick([target.Discipline, target.Organization, world.City.Office]);
        var comment = Random.Pick(DemoTexts.PlanReturnComments);
        var lineComments = Random.Sample(covered, Random.Between(1, 3))
            .Select(p => new LineComment(p.Id, Random.Pick(DemoTexts.LineComments)))
            .ToList();
        // ReturnPlan also issues the unit's receipt (签收) of the returned plan.
        await world.Commands.SendAsync(screener, at, new ReturnPlan(planId, comment, lineComments), ct);
        return lineComments.Select(c => c.ProblemId).ToList();
    }

    /// <summary>The unit rewrites the lines the screening commented on, and only those.</summary>
    private async Task ReviseAsync(Guid planId, Dictionary<Guid, LedgerEntry> lines, IReadOnlyList<Guid> commented, DemoTarget target, DateTime returnedAt,
        DateTime resubmitAt, CancellationToken ct)
    {
        var edits = commented.Select(problemId => (ProblemId: problemId, At: EditTime(returnedAt, resubmitAt))).OrderBy(e => e.At).ToList();
        foreach (var (problemId, at) in edits)
        {
            var line = lines[problemId];
            var revised = new LedgerEntry(line.Measures + DemoTexts.RevisedMeasureSuffix, line.ResponsibleLeader, line.ResponsibleDepartment,
                line.Kind, line.Deadline);
            await EditLineAsync(planId, problemId, revised, target, at, ct);
            lines[problemId] = revised;
        }
    }

    /// <summary>AcceptPlan starts rectification of every covered problem on its line's terms; each is then rectified in turn.</summary>
    private async Task AcceptAsync(Guid planId, DemoTarget target, List<DemoProblem> covered, Dictionary<Guid, LedgerEntry> lines, DateTime at, CancellationToken ct)
    {
        var screener = Random.Chance(0.7) ? world.City.Office : Random.Pick([target.Discipline, target.Organization]);
        var comment = Random.Pick(DemoTexts.PlanAcceptComments);
        await world.Commands.SendAsync(screener, at, new AcceptPlan(planId, comment), ct);
        foreach (var problem in covered)
        {
            var line = lines[problem.Id];
            problem.Started(line.Deadline);
            await rectification.RunAsync(problem, target, line.Kind, at, ct);
        }
    }

    private PlanSchedule Schedule(InspectionSpec spec, DateOnly submissionDue, DateTime meeting)
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
        var dueAt = Clock.OnWorkingDay(submissionDue.AddDays(-Random.Between(1, 4)));
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

    private LedgerEntry LedgerEntry(DemoProblem problem, DemoTarget target)
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
    private DateOnly Deadline(DemoProblem problem, RectificationKind kind)
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
    private async Task ReopenAsync(InspectionSpec spec, Guid lookBackId, InspectionSpec original, CancellationToken ct)
    {
        var begun = spec.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var originalId = registered[original.Id];
        var closed = (await world.Db.Problems.AsNoTracking()
            .Where(p => p.InspectionId == originalId && p.State == ProblemStates.Closed && p.ClosedAt < begun)
            .OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Category, p.Severity, p.RegisteredAt, p.RaisedDuringInspection, p.Kind })
            .ToListAsync(ct))
            .Select(p => (Problem: new DemoProblem(p.Id, p.Code, p.Category, p.Severity, p.RegisteredAt, p.RaisedDuringInspection), p.Kind))
            .ToList();
        var lastDay = DemoTimeline.Earlier(spec.End, Clock.Today);
        foreach (var (problem, kind) in Random.Sample(closed, Random.Between(8, 14)).OrderBy(p => p.Problem.Code))
        {
            var at = Clock.OnWorkingDay(Clock.DayBetween(spec.Start.AddDays(7), lastDay));
            if (Clock.HasHappened(at))
            {
                await rectification.ReopenAsync(problem, kind, spec.Target, lookBackId, at, ct);
            }
        }
    }
}
