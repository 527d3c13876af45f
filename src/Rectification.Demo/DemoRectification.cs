using Rectification.Application.Problems;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Demo;

/// <summary>
/// One problem from the start of rectification to closure: progress reports with evidence, submission, the
/// sign-off by every required party (now and then a rejection and rework), and closure (销号). The story
/// stops wherever the present falls, which is what leaves recent problems rectifying or under review.
/// </summary>
internal sealed class DemoRectification(DemoWorld world)
{
    private const double LateShare = 0.08;
    private const double RejectionShare = 0.05;

    private DemoRandom Random => world.Random;
    private DemoTimeline Clock => world.Clock;

    /// <summary>After AcceptPlan has started rectification on the line's terms: reports, submission, review and closure.</summary>
    public Task RunAsync(DemoProblem problem, DemoTarget target, RectificationKind kind, DateTime acceptedAt, CancellationToken ct) =>
        RunAsync(problem, target, acceptedAt, kind, FinalText(problem), ct);

    /// <summary>A look-back (回头看) finds the problem not truly fixed: it goes back into rectification (深化整改) with a new deadline.</summary>
    public async Task ReopenAsync(DemoProblem problem, RectificationKind? kind, DemoTarget target, Guid lookBackId, DateTime at, CancellationToken ct)
    {
        // The new deadline keeps the kind's limit counted from the reopening (30 days for an immediate problem, workflows/problem.yaml).
        var days = Random.Between(60, 120);
        var deadline = DateOnly.FromDateTime(at).AddDays(kind == RectificationKind.Immediate ? 10 + days % 19 : days);
        var reason = Random.Pick(DemoTexts.ReopenReasons);
        problem.Update(await world.Commands.SendAsync(world.City.Group, at, new ReopenProblem(problem.Id, reason, deadline, lookBackId), ct));
        await RunAsync(problem, target, at, RectificationKind.TimeLimited, DemoTexts.ReopenedReport, ct);
    }

    /// <summary>An immediate (立行立改) problem is often fixed and reported before the plan is even accepted.</summary>
    public Task ReportEarlyAsync(DemoProblem problem, DemoTarget target, DateTime at, CancellationToken ct) =>
        ReportAsync(problem, target, at, Random.Pick(DemoTexts.ImmediateReports), 100, DemoTexts.FinalMilestone, 1, ct);

    private async Task RunAsync(DemoProblem problem, DemoTarget target, DateTime startedAt, RectificationKind kind, string finalText, CancellationToken ct)
    {
        var finishAt = FinishTime(kind, startedAt, problem.Deadline!.Value);
        foreach (var (at, percent) in InterimReports(kind, startedAt, finishAt))
        {
            if (!Clock.HasHappened(at))
            {
                return;
            }

            var (text, milestone) = InterimText(kind, percent);
            await ReportAsync(problem, target, at, text, percent, milestone, Random.Between(0, 1), ct);
        }

        if (!Clock.HasHappened(finishAt))
        {
            return;
        }

        await ReportAsync(problem, target, finishAt, finalText, 100, DemoTexts.FinalMilestone, Random.Between(1, 3), ct);
        await SubmitAsync(problem, target, Clock.MinutesAfter(finishAt, 5, 90), mayBeRejected: true, ct);
    }

    private async Task SubmitAsync(DemoProblem problem, DemoTarget target, DateTime at, bool mayBeRejected, CancellationToken ct)
    {
        if (!Clock.HasHappened(at))
        {
            return;
        }

        await world.Commands.SendAsync(target.Liaison, at, new SubmitForReview(problem.Id), ct);
        await ReviewAsync(problem, target, at, mayBeRejected, ct);
    }

    /// <summary>三方签字 (四方会审 for a major problem): each required party signs; one of them may send it back instead.</summary>
    private async Task ReviewAsync(DemoProblem problem, DemoTarget target, DateTime submittedAt, bool mayBeRejected, CancellationToken ct)
    {
        var definition = world.ProblemLifecycle;
        var parties = (definition.SignOff?.RequiredFor(problem.Severity.ToString()) ?? []).ToList();
        if (definition.SignOff?.Order != SignOffOrder.Sequential)
        {
            parties = Random.Shuffle(parties);
        }

        Role? rejecting = mayBeRejected && Random.Chance(RejectionShare) ? Random.Pick(parties) : null;
        var at = submittedAt;
        foreach (var party in parties)
        {
            at = Clock.DaysAfter(at, 2, 10);
            if (!Clock.HasHappened(at))
            {
                return;
            }

            var signer = world.ActorFor(party, target);
            var approve = party != rejecting;
            var comment = approve ? DemoTexts.ApprovalComment(party) : Random.Pick(DemoTexts.RejectionComments);
            await world.Commands.SendAsync(signer, at, new SignOffProblem(problem.Id, approve, comment), ct);
            if (!approve)
            {
                await ReworkAsync(problem, target, at, ct);
                return;
            }
        }

        var closeAt = Clock.DaysAfter(at, 1, 5);
        if (Clock.HasHappened(closeAt))
        {
            await world.Commands.SendAsync(world.City.Office, closeAt, new CloseProblem(problem.Id), ct);
        }
    }

    private async Task ReworkAsync(DemoProblem problem, DemoTarget target, DateTime rejectedAt, CancellationToken ct)
    {
        var at = Clock.DaysAfter(rejectedAt, 5, 20);
        if (!Clock.HasHappened(at))
        {
            return;
        }

        await ReportAsync(problem, target, at, DemoTexts.ReworkReport, 100, DemoTexts.FinalMilestone, Random.Between(1, 2), ct);
        await SubmitAsync(problem, target, Clock.MinutesAfter(at, 5, 90), mayBeRejected: false, ct);
    }

    private async Task ReportAsync(DemoProblem problem, DemoTarget target, DateTime at, string text, int percent, string milestone, int evidenceCount,
        CancellationToken ct)
    {
        // Material kept elsewhere, named with the hash the unit computed: the demo uploads no files.
        var evidence = Random.Sample(DemoTexts.EvidenceFiles, evidenceCount)
            .Select(file => new EvidenceInput($"{problem.Code}-{file}", DemoRandom.FakeSha256($"{problem.Id}/{at:O}/{file}")))
            .ToList();
        await world.Commands.SendAsync(target.Liaison, at, new ReportProgress(problem.Id, text, percent, milestone, evidence), ct);
    }

    /// <summary>Immediate problems are done in days; others well before their deadline, except a few that run late.</summary>
    private DateTime FinishTime(RectificationKind kind, DateTime startedAt, DateOnly deadline)
    {
        if (kind == RectificationKind.Immediate)
        {
            return Clock.DaysAfter(startedAt, 1, 8);
        }

        var due = deadline.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (Random.Chance(LateShare))
        {
            return Clock.DaysAfter(DemoTimeline.Later(startedAt, due), 3, 90);
        }

        var span = deadline.DayNumber - DateOnly.FromDateTime(startedAt).DayNumber;
        if (span < 10)
        {
            return Clock.DaysAfter(startedAt, 2, 10);
        }

        var days = (int)(span * (kind == RectificationKind.LongTerm ? Random.Fraction(0.35, 0.9) : Random.Fraction(0.3, 0.95)));
        return Clock.DaysAfter(startedAt, days, days);
    }

    /// <summary>Time-limited problems report once or twice on the way; long-term ones at the interval the lifecycle sets (LongTermReport).</summary>
    private IEnumerable<(DateTime At, int Percent)> InterimReports(RectificationKind kind, DateTime startedAt, DateTime finishAt)
    {
        var days = (finishAt - startedAt).TotalDays;
        var count = kind switch
        {
            RectificationKind.Immediate => 0,
            RectificationKind.TimeLimited => days >= 90 ? 2 : days >= 30 ? 1 : 0,
            _ => (int)(days / world.ProblemLifecycle.Duration("LongTermReport").Days),
        };

        var previous = startedAt;
        for (var i = 1; i <= count; i++)
        {
            var at = Clock.OnWorkingDay(DateOnly.FromDateTime(startedAt.AddDays(days * i / (count + 1))));
            if (at > previous && at < finishAt)
            {
                previous = at;
                yield return (at, (int)Math.Round(100.0 * i / (count + 1) / 10) * 10);
            }
        }
    }

    private (string Text, string Milestone) InterimText(RectificationKind kind, int percent)
    {
        if (kind == RectificationKind.LongTerm)
        {
            return (DemoTexts.LongTermReport.Replace("{measure}", Random.Pick(DemoTexts.InterimReports).Text.TrimEnd('。'), StringComparison.Ordinal),
                "阶段性进展");
        }

        var (_, milestone, text) = DemoTexts.InterimReports.MinBy(r => Math.Abs(r.Percent - percent));
        return (text, milestone);
    }

    private string FinalText(DemoProblem problem)
    {
        var theme = DemoTexts.Themes.First(t => t.Category == problem.Category);
        return DemoTexts.FinalReport.Replace("{measure}", Random.Pick(theme.Measures), StringComparison.Ordinal);
    }
}
