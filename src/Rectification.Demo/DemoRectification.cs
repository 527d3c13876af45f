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
    private DemoClock Clock => world.Clock;

    /// <summary>Fired when the plan is accepted: the problem enters rectification on its ledger line's terms.</summary>
    public void Start(Problem problem, DemoTarget target, RectificationKind kind, DateOnly deadline, DateTime acceptedAt)
    {
        world.Steps.Fire(problem, "AcceptPlan", ProblemTriggers.StartRectification, null, acceptedAt,
            (machine, _) => problem.StartRectification(machine, kind, deadline, acceptedAt));
        Run(problem, target, acceptedAt, kind, FinalText(problem));
    }

    /// <summary>A look-back (回头看) finds the problem not truly fixed: it goes back into rectification (深化整改) with a new deadline.</summary>
    public void Reopen(Problem problem, DemoTarget target, Guid lookBackId, DateTime at)
    {
        var group = world.City.Group;
        var deadline = DateOnly.FromDateTime(at).AddDays(Random.Between(60, 120));
        var reason = Random.Pick(DemoTexts.ReopenReasons);
        world.Steps.Fire(problem, "ReopenProblem", ProblemTriggers.Reopen, group, at,
            (machine, role) => problem.Reopen(machine, role, group.Id, reason, deadline, lookBackId, at));
        Run(problem, target, at, RectificationKind.TimeLimited, DemoTexts.ReopenedReport);
    }

    /// <summary>An immediate (立行立改) problem is often fixed and reported before the plan is even accepted.</summary>
    public void ReportEarly(Problem problem, DemoTarget target, DateTime at) =>
        Report(problem, target, at, Random.Pick(DemoTexts.ImmediateReports), 100, DemoTexts.FinalMilestone, 1);

    private void Run(Problem problem, DemoTarget target, DateTime startedAt, RectificationKind kind, string finalText)
    {
        var finishAt = FinishTime(kind, startedAt, problem.Deadline!.Value);
        foreach (var (at, percent) in InterimReports(kind, startedAt, finishAt))
        {
            if (!Clock.HasHappened(at))
            {
                return;
            }

            var (text, milestone) = InterimText(kind, percent);
            Report(problem, target, at, text, percent, milestone, Random.Between(0, 1));
        }

        if (!Clock.HasHappened(finishAt))
        {
            return;
        }

        Report(problem, target, finishAt, finalText, 100, DemoTexts.FinalMilestone, Random.Between(1, 3));
        Submit(problem, target, Clock.MinutesAfter(finishAt, 5, 90), mayBeRejected: true);
    }

    private void Submit(Problem problem, DemoTarget target, DateTime at, bool mayBeRejected)
    {
        if (!Clock.HasHappened(at))
        {
            return;
        }

        world.Steps.Fire(problem, "SubmitForReview", ProblemTriggers.SubmitForReview, target.Liaison, at,
            (machine, role) => problem.SubmitForReview(machine, role));
        Review(problem, target, at, mayBeRejected);
    }

    /// <summary>三方签字 (四方会审 for a major problem): each required party signs; one of them may send it back instead.</summary>
    private void Review(Problem problem, DemoTarget target, DateTime submittedAt, bool mayBeRejected)
    {
        var definition = world.ProblemLifecycle;
        var parties = problem.RequiredParties(definition).ToList();
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
            var signedAt = at;
            world.Steps.Fire(problem, "SignOffProblem", approve ? ProblemTriggers.SignOff : ProblemTriggers.RejectReview, signer, signedAt,
                (machine, role) => problem.Sign(machine, role, signer.Id, approve, comment, signedAt));
            if (!approve)
            {
                Rework(problem, target, signedAt);
                return;
            }
        }

        var closeAt = Clock.DaysAfter(at, 1, 5);
        if (Clock.HasHappened(closeAt))
        {
            world.Steps.Fire(problem, "CloseProblem", ProblemTriggers.Close, world.City.Office, closeAt,
                (machine, role) => problem.Close(machine, role, closeAt));
        }
    }

    private void Rework(Problem problem, DemoTarget target, DateTime rejectedAt)
    {
        var at = Clock.DaysAfter(rejectedAt, 5, 20);
        if (!Clock.HasHappened(at))
        {
            return;
        }

        Report(problem, target, at, DemoTexts.ReworkReport, 100, DemoTexts.FinalMilestone, Random.Between(1, 2));
        Submit(problem, target, Clock.MinutesAfter(at, 5, 90), mayBeRejected: false);
    }

    private void Report(Problem problem, DemoTarget target, DateTime at, string text, int percent, string milestone, int evidenceCount)
    {
        var evidence = Random.Sample(DemoTexts.EvidenceFiles, evidenceCount)
            .Select(file => new EvidenceRef($"{problem.Code}-{file}", DemoRandom.FakeSha256($"{problem.Id}/{at:O}/{file}")))
            .ToList();
        world.Steps.Fire(problem, "ReportProgress", ProblemTriggers.ReportProgress, target.Liaison, at,
            (machine, role) => problem.ReportProgress(machine, role, target.Liaison.Id, text, percent, milestone, evidence, at));
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
            return Clock.DaysAfter(DemoClock.Later(startedAt, due), 3, 90);
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

    private string FinalText(Problem problem)
    {
        var theme = DemoTexts.Themes.First(t => t.Category == problem.Category);
        return DemoTexts.FinalReport.Replace("{measure}", Random.Pick(theme.Measures), StringComparison.Ordinal);
    }
}
