using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests.Problems;

/// <summary>
/// A problem's dates and parties: when it was fed back, the date the reminders chase (the deadline, or for a long-term problem
/// the next periodic report, 90 days after the last one in workflows/problem.yaml), and who must sign in which order.
/// Dates below are counted on the calendar by hand.
/// </summary>
[TestFixture]
public sealed class ProblemTests
{
    private static readonly DateTime StartedAt = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private readonly CaseDriver driver = CaseDriver.ForRepo();

    private static LifecycleDefinition Definition => Repo.Definition(Problem.Lifecycle);

    private Problem FedBack(Severity severity = Severity.General)
    {
        var problem = driver.NewProblem(severity);
        driver.DriveTo(problem, ProblemStates.FedBack);
        return problem;
    }

    private Problem Rectifying(RectificationKind kind, DateOnly deadline)
    {
        var problem = FedBack();
        Assert.That(problem.StartRectification(driver.Machine(problem, Role.System), kind, deadline, StartedAt), Is.Null);
        return problem;
    }

    private Rectification.Domain.Common.Error? Report(Problem problem, DateTime at) =>
        problem.ReportProgress(driver.Machine(problem, Role.UnitLiaison), Role.UnitLiaison, CaseDriver.User, "progress", 50, null, CaseDriver.Evidence(true), at);

    [Test]
    public void FeedBack_RecordsWhenTheUnitWasTold()
    {
        var problem = driver.NewProblem();
        var at = new DateTime(2026, 3, 1, 1, 0, 0, DateTimeKind.Utc);

        var refusal = problem.FeedBack(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, at);

        Assert.That(refusal, Is.Null);
        Assert.That(problem.FedBackAt, Is.EqualTo(at));
    }

    [Test]
    public void FeedBack_ByTheUnit_IsRefusedAndRecordsNothing()
    {
        var problem = driver.NewProblem();

        var refusal = problem.FeedBack(driver.Machine(problem, Role.UnitLiaison), Role.UnitLiaison, StartedAt);

        Assert.That(refusal, Is.Not.Null);
        Assert.That(problem.FedBackAt, Is.Null);
        Assert.That(problem.State, Is.EqualTo(ProblemStates.Registered));
    }

    [Test]
    public void StartRectification_OfATimeLimitedProblem_ChasesTheDeadline()
    {
        var problem = Rectifying(RectificationKind.TimeLimited, new DateOnly(2026, 9, 30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Kind, Is.EqualTo(RectificationKind.TimeLimited));
            Assert.That(problem.Deadline, Is.EqualTo(new DateOnly(2026, 9, 30)));
            Assert.That(problem.RectificationStartedAt, Is.EqualTo(StartedAt));
            Assert.That(problem.ReminderDue, Is.EqualTo(new DateOnly(2026, 9, 30)));
        }
    }

    [Test]
    public void StartRectification_OfALongTermProblem_ChasesTheFirstReport90DaysOn()
    {
        // 2 March + 90 days: 29 days to 31 March, 30 to 30 April, 31 to 31 May.
        var problem = Rectifying(RectificationKind.LongTerm, new DateOnly(2026, 12, 31));

        Assert.That(problem.ReminderDue, Is.EqualTo(new DateOnly(2026, 5, 31)));
    }

    [Test]
    public void StartRectification_OfALongTermProblemEndingBeforeItsFirstReport_ChasesTheDeadline()
    {
        var problem = Rectifying(RectificationKind.LongTerm, new DateOnly(2026, 4, 30));

        Assert.That(problem.ReminderDue, Is.EqualTo(new DateOnly(2026, 4, 30)));
    }

    [Test]
    public void ReportProgress_OnALongTermProblem_ChasesTheNextReport90DaysAfterIt()
    {
        var problem = Rectifying(RectificationKind.LongTerm, new DateOnly(2026, 12, 31));

        Assert.That(Report(problem, new DateTime(2026, 4, 15, 2, 0, 0, DateTimeKind.Utc)), Is.Null);

        // 15 April + 90 days: 15 days to 30 April, 31 to 31 May, 30 to 30 June, 14 to 14 July.
        Assert.That(problem.ReminderDue, Is.EqualTo(new DateOnly(2026, 7, 14)));
    }

    [Test]
    public void ReportProgress_OnATimeLimitedProblem_KeepsChasingTheDeadline()
    {
        var problem = Rectifying(RectificationKind.TimeLimited, new DateOnly(2026, 9, 30));

        Assert.That(Report(problem, new DateTime(2026, 4, 15, 2, 0, 0, DateTimeKind.Utc)), Is.Null);

        Assert.That(problem.ReminderDue, Is.EqualTo(new DateOnly(2026, 9, 30)));
    }

    [Test]
    public void LatestProgress_IsTheLastReportMade()
    {
        var problem = Rectifying(RectificationKind.TimeLimited, new DateOnly(2026, 9, 30));
        Report(problem, new DateTime(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc));
        Report(problem, new DateTime(2026, 5, 1, 2, 0, 0, DateTimeKind.Utc));

        Assert.That(problem.LatestProgress!.Number, Is.EqualTo(2));
        Assert.That(problem.LatestProgress.ReportedAt, Is.EqualTo(new DateTime(2026, 5, 1, 2, 0, 0, DateTimeKind.Utc)));
        Assert.That(problem.LatestProgress.Text, Is.EqualTo("progress"));
    }

    [Test]
    public void ExtendDeadline_OfATimeLimitedProblem_ChasesTheNewDate()
    {
        var problem = Rectifying(RectificationKind.TimeLimited, new DateOnly(2026, 9, 30));

        problem.ExtendDeadline(Definition, new DateOnly(2026, 11, 30), new DateTime(2026, 9, 1, 2, 0, 0, DateTimeKind.Utc));

        Assert.That(problem.Deadline, Is.EqualTo(new DateOnly(2026, 11, 30)));
        Assert.That(problem.ReminderDue, Is.EqualTo(new DateOnly(2026, 11, 30)));
    }

    [Test]
    public void ExtendDeadline_OfALongTermProblemWithoutReports_StillCountsTheReportFromTheStart()
    {
        var problem = Rectifying(RectificationKind.LongTerm, new DateOnly(2026, 4, 30));

        problem.ExtendDeadline(Definition, new DateOnly(2027, 3, 31), new DateTime(2026, 4, 20, 2, 0, 0, DateTimeKind.Utc));

        Assert.That(problem.Deadline, Is.EqualTo(new DateOnly(2027, 3, 31)));
        Assert.That(problem.ReminderDue, Is.EqualTo(new DateOnly(2026, 5, 31)), "2 March + 90 days, not 20 April + 90 days");
    }

    [Test]
    public void Replan_SetsTheNewKindAndDeadlineAndChasesThem()
    {
        var problem = Rectifying(RectificationKind.TimeLimited, new DateOnly(2026, 9, 30));

        problem.Replan(Definition, RectificationKind.Immediate, new DateOnly(2026, 3, 31), new DateTime(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc));

        Assert.That((problem.Kind, problem.Deadline, problem.ReminderDue),
            Is.EqualTo((RectificationKind.Immediate, new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 31))));
    }

    [Test]
    public void RequiredParties_OfAGeneralProblem_AreTheThreeParties_AndOfAMajorOneAlsoTheInspectionOffice()
    {
        Assert.That(driver.NewProblem(Severity.General).RequiredParties(Definition),
            Is.EqualTo(new[] { Role.UnitLeader, Role.DisciplineCommission, Role.OrganizationDepartment }));
        Assert.That(driver.NewProblem(Severity.Major).RequiredParties(Definition),
            Is.EqualTo(new[] { Role.UnitLeader, Role.DisciplineCommission, Role.OrganizationDepartment, Role.InspectionOffice }));
    }

    [Test]
    public void RequiredParties_WhenTheDefinitionAsksForNoSignatures_AreNone()
    {
        var unsigned = Definition with { SignOff = null };

        Assert.That(driver.NewProblem().RequiredParties(unsigned), Is.Empty);
        Assert.That(driver.NewProblem().MissingSignatures(unsigned), Is.Empty);
    }

    [Test]
    public void IsNextInOrder_WhenSigningInOrder_IsOnlyTheFirstPartyStillToSign()
    {
        var sequential = Definition with { SignOff = Definition.SignOff! with { Order = SignOffOrder.Sequential } };
        var problem = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.UnderReview);
        var first = problem.MissingSignatures(sequential)[0];

        Assert.That(first, Is.EqualTo(Role.UnitLeader));
        Assert.That(problem.IsNextInOrder(sequential, Role.UnitLeader), Is.True);
        Assert.That(problem.IsNextInOrder(sequential, Role.DisciplineCommission), Is.False);
        Assert.That(problem.IsNextInOrder(Definition, Role.DisciplineCommission), Is.True, "in parallel anyone may sign first");
    }

    [Test]
    public void IsNextInOrder_WhenEveryPartyHasSigned_IsNoRequiredParty()
    {
        var sequential = Definition with { SignOff = Definition.SignOff! with { Order = SignOffOrder.Sequential } };
        var problem = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.UnderReview);
        foreach (var party in problem.MissingSignatures(Definition))
        {
            Assert.That(problem.Sign(driver.Machine(problem, party), party, CaseDriver.User, approve: true, "ok", driver.Now()), Is.Null);
        }

        Assert.That(problem.MissingSignatures(sequential), Is.Empty);
        Assert.That(problem.IsNextInOrder(sequential, Role.UnitLeader), Is.False);
    }

    [Test]
    public void Register_KeepsWhatTheInspectionFound_InTheInitialState()
    {
        var id = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
        var inspectionId = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
        var unitId = Guid.Parse("00000000-0000-0000-0000-0000000000b3");
        var registeredAt = new DateTime(2026, 2, 10, 3, 0, 0, DateTimeKind.Utc);

        var problem = Problem.Register(Definition, id, inspectionId, unitId, "P-017", "Canteen accounts not audited", "No audit since 2023",
            "Finance", Severity.Serious, new Dossier("facts found", "rule 12", "interviews"), true, registeredAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((problem.Id, problem.InspectionId, problem.UnitId), Is.EqualTo((id, inspectionId, unitId)));
            Assert.That((problem.Code, problem.Title, problem.Description, problem.Category),
                Is.EqualTo(("P-017", "Canteen accounts not audited", "No audit since 2023", "Finance")));
            Assert.That(problem.Severity, Is.EqualTo(Severity.Serious));
            Assert.That(problem.Dossier, Is.EqualTo(new Dossier("facts found", "rule 12", "interviews")));
            Assert.That(problem.RaisedDuringInspection, Is.True);
            Assert.That(problem.State, Is.EqualTo("Registered"));
            Assert.That(problem.DefinitionVersion, Is.EqualTo(1));
            Assert.That(problem.RegisteredAt, Is.EqualTo(registeredAt));
            Assert.That((problem.Kind, problem.Deadline, problem.ReminderDue, problem.FedBackAt, problem.ClosedAt),
                Is.EqualTo(((RectificationKind?)null, (DateOnly?)null, (DateOnly?)null, (DateTime?)null, (DateTime?)null)));
            Assert.That((problem.ReviewRound, problem.ReopenCount, problem.Progress.Count), Is.EqualTo((0, 0, 0)));
        }
    }

    [Test]
    public void ReportProgress_RecordsWhoReportedWhatHowFarAndTheEvidence_NumberedFromOne()
    {
        var problem = Rectifying(RectificationKind.TimeLimited, new DateOnly(2026, 9, 30));
        var reporter = Guid.Parse("00000000-0000-0000-0000-0000000000b9");
        var at = new DateTime(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc);
        var evidence = new EvidenceRef("minutes.pdf", new string('b', 64));

        var refusal = problem.ReportProgress(driver.Machine(problem, Role.UnitLiaison), Role.UnitLiaison, reporter, "Audit commissioned", 40,
            "auditor appointed", [evidence], at);

        var report = problem.Progress.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null);
            Assert.That(report.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That((report.ProblemId, report.Number, report.ReportedAt, report.ReportedBy), Is.EqualTo((problem.Id, 1, at, reporter)));
            Assert.That((report.Text, report.Percent, report.Milestone), Is.EqualTo(("Audit commissioned", (int?)40, "auditor appointed")));
            Assert.That(report.Evidence, Is.EqualTo(new[] { new EvidenceRef("minutes.pdf", new string('b', 64)) }));
            Assert.That(problem.HasProgressSinceRectificationStarted, Is.True);
        }
    }

    [Test]
    public void ReportProgress_BeforeFeedback_IsRefusedAndRecordsNothing()
    {
        var problem = driver.NewProblem();

        var refusal = Report(problem, StartedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Not.Null);
            Assert.That(problem.Progress, Is.Empty);
            Assert.That(problem.HasProgressSinceRectificationStarted, Is.False);
        }
    }

    [Test]
    public void StartRectification_BeforeFeedback_IsRefusedAndSetsNoTerms()
    {
        var problem = driver.NewProblem();

        var refusal = problem.StartRectification(driver.Machine(problem, Role.System), RectificationKind.TimeLimited, new DateOnly(2026, 9, 30), StartedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Not.Null);
            Assert.That((problem.Kind, problem.Deadline, problem.RectificationStartedAt, problem.ReminderDue),
                Is.EqualTo(((RectificationKind?)null, (DateOnly?)null, (DateTime?)null, (DateOnly?)null)));
        }
    }
}
