using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests;

/// <summary>Each named guard refuses when unmet, and the refusal names what is missing in the guard's own words.</summary>
[TestFixture]
public sealed class GuardTests
{
    private CaseDriver driver = null!;

    private static LifecycleDefinition ProblemDefinition => Repo.Definition(Problem.Lifecycle);

    private static string Describe(string guard) => Glossary.Guard(guard).En;

    /// <summary>The unmet guards as an English message lists them.</summary>
    private static string Unmet(Error refusal) => string.Join("; ", ((IEnumerable<Term>)refusal.Args["unmet"]!).Select(t => t.Label.En));

    private static string UnmetZh(Error refusal) => string.Join("、", ((IEnumerable<Term>)refusal.Args["unmet"]!).Select(t => t.Label.ZhCn));

    [SetUp]
    public void SetUp() => driver = CaseDriver.ForRepo();

    [Test]
    public void SubmitForReview_WhenNoProgressWasReported_IsRefusedNamingProgressAndEvidence()
    {
        var problem = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.FedBack);
        StartRectification(problem);

        var refusal = problem.SubmitForReview(driver.Machine(problem, Role.UnitLiaison), Role.UnitLiaison);

        AssertGuardsUnmet(refusal, ProblemStates.Rectifying, ProblemTriggers.SubmitForReview, "progress-reported", "evidence-attached");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.State, Is.EqualTo(ProblemStates.Rectifying));
            Assert.That(problem.ReviewRound, Is.Zero, "a refused submission opens no review round");
        }
    }

    [Test]
    public void SubmitForReview_WhenLatestProgressHasNoEvidence_IsRefusedNamingEvidenceOnly()
    {
        var problem = RectifyingProblem();
        Assert.That(driver.ReportProgress(problem, Role.UnitLiaison, withEvidence: false), Is.Null);

        var refusal = problem.SubmitForReview(driver.Machine(problem, Role.UnitLiaison), Role.UnitLiaison);

        AssertGuardsUnmet(refusal, ProblemStates.Rectifying, ProblemTriggers.SubmitForReview, "evidence-attached");
        Assert.That(Unmet(refusal!), Does.Not.Contain(Describe("progress-reported")));
        Assert.That(problem.State, Is.EqualTo(ProblemStates.Rectifying));
    }

    [Test]
    public void SubmitForReview_WhenProgressWasOnlyReportedBeforeRectificationStarted_IsRefused()
    {
        var problem = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.FedBack);
        Assert.That(driver.ReportProgress(problem, Role.UnitLiaison, withEvidence: true), Is.Null);
        StartRectification(problem);

        var refusal = problem.SubmitForReview(driver.Machine(problem, Role.UnitLiaison), Role.UnitLiaison);

        AssertGuardsUnmet(refusal, ProblemStates.Rectifying, ProblemTriggers.SubmitForReview, "progress-reported");
    }

    [Test]
    public void SubmitForReview_WhenProgressWithEvidenceWasReported_OpensAReviewRound()
    {
        var problem = RectifyingProblem();
        Assert.That(driver.ReportProgress(problem, Role.UnitLeader, withEvidence: true), Is.Null);

        var refusal = problem.SubmitForReview(driver.Machine(problem, Role.UnitLeader), Role.UnitLeader);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null, () => CaseDriver.Describe(refusal));
            Assert.That(problem.State, Is.EqualTo(ProblemStates.UnderReview));
            Assert.That(problem.ReviewRound, Is.EqualTo(1));
        }
    }

    [Test]
    public void SignOff_WhenPartyIsNotRequiredForTheSeverity_IsRefusedAndRecordsNoSignature()
    {
        var problem = UnderReview(Severity.General);

        var refusal = problem.Sign(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, CaseDriver.User, approve: true, "ok", driver.Now());

        AssertGuardsUnmet(refusal, ProblemStates.UnderReview, ProblemTriggers.SignOff, "actor-is-required-party");
        Assert.That(problem.SignOffs, Is.Empty);
    }

    [Test]
    public void RejectReview_WhenPartyIsNotRequiredForTheSeverity_IsRefusedAndKeepsTheReview()
    {
        var problem = UnderReview(Severity.Serious);

        var refusal = problem.Sign(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, CaseDriver.User, approve: false, "no", driver.Now());

        AssertGuardsUnmet(refusal, ProblemStates.UnderReview, ProblemTriggers.RejectReview, "actor-is-required-party");
        Assert.That(problem.State, Is.EqualTo(ProblemStates.UnderReview));
    }

    [Test]
    public void SignOff_WhenSamePartySignsTwice_IsRefusedAsDoubleSignature()
    {
        var problem = UnderReview(Severity.General);
        Assert.That(Sign(problem, Role.DisciplineCommission), Is.Null);

        var refusal = Sign(problem, Role.DisciplineCommission);

        AssertGuardsUnmet(refusal, ProblemStates.UnderReview, ProblemTriggers.SignOff, "not-yet-signed-by-actor");
        Assert.That(problem.SignOffs.Count(s => s.Party == Role.DisciplineCommission), Is.EqualTo(1));
    }

    [Test]
    public void RejectReview_WhenPartyAlreadySignedThisRound_IsRefused()
    {
        var problem = UnderReview(Severity.General);
        Assert.That(Sign(problem, Role.UnitLeader), Is.Null);

        var refusal = problem.Sign(driver.Machine(problem, Role.UnitLeader), Role.UnitLeader, CaseDriver.User, approve: false, "changed my mind", driver.Now());

        AssertGuardsUnmet(refusal, ProblemStates.UnderReview, ProblemTriggers.RejectReview, "not-yet-signed-by-actor");
        Assert.That(problem.State, Is.EqualTo(ProblemStates.UnderReview));
    }

    [Test]
    public void Close_WhenARequiredSignatureIsMissing_IsRefusedAndStaysUnderReview()
    {
        var problem = UnderReview(Severity.General);
        Assert.That(Sign(problem, Role.UnitLeader), Is.Null);
        Assert.That(Sign(problem, Role.DisciplineCommission), Is.Null);

        var refusal = problem.Close(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, driver.Now());

        AssertGuardsUnmet(refusal, ProblemStates.UnderReview, ProblemTriggers.Close, "all-required-signed");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.MissingSignatures(ProblemDefinition), Is.EqualTo(new[] { Role.OrganizationDepartment }));
            Assert.That(problem.State, Is.EqualTo(ProblemStates.UnderReview));
            Assert.That(problem.ClosedAt, Is.Null);
        }
    }

    [Test]
    public void Close_WhenAllRequiredPartiesSignedAGeneralProblem_ClosesIt()
    {
        var problem = UnderReview(Severity.General);
        foreach (var party in new[] { Role.UnitLeader, Role.DisciplineCommission, Role.OrganizationDepartment })
        {
            Assert.That(Sign(problem, party), Is.Null, $"{party} signs");
        }

        var refusal = problem.Close(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, driver.Now());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null, () => CaseDriver.Describe(refusal));
            Assert.That(problem.State, Is.EqualTo(ProblemStates.Closed));
            Assert.That(problem.ClosedAt, Is.Not.Null);
        }
    }

    [Test]
    public void Close_WhenMajorProblemLacksInspectionOfficeSignature_IsRefusedUntilItSigns()
    {
        var problem = UnderReview(Severity.Major);
        foreach (var party in new[] { Role.UnitLeader, Role.DisciplineCommission, Role.OrganizationDepartment })
        {
            Assert.That(Sign(problem, party), Is.Null, $"{party} signs");
        }

        var early = problem.Close(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, driver.Now());
        var missing = problem.MissingSignatures(ProblemDefinition);
        var inspectionOfficeSigns = Sign(problem, Role.InspectionOffice);
        var closing = problem.Close(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, driver.Now());

        AssertGuardsUnmet(early, ProblemStates.UnderReview, ProblemTriggers.Close, "all-required-signed");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing, Is.EqualTo(new[] { Role.InspectionOffice }), "a major problem needs the inspection office too");
            Assert.That(inspectionOfficeSigns, Is.Null, () => CaseDriver.Describe(inspectionOfficeSigns));
            Assert.That(closing, Is.Null, () => CaseDriver.Describe(closing));
            Assert.That(problem.State, Is.EqualTo(ProblemStates.Closed));
        }
    }

    [Test]
    public void RejectReview_WhenAPartyRejects_SendsProblemBackAndNextRoundNeedsFreshSignatures()
    {
        var problem = UnderReview(Severity.General);
        Assert.That(Sign(problem, Role.UnitLeader), Is.Null);
        Assert.That(Sign(problem, Role.OrganizationDepartment), Is.Null);

        var rejection = problem.Sign(driver.Machine(problem, Role.DisciplineCommission), Role.DisciplineCommission, CaseDriver.User,
            approve: false, "the contracts are still split", driver.Now());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rejection, Is.Null, () => CaseDriver.Describe(rejection));
            Assert.That(problem.State, Is.EqualTo(ProblemStates.Rectifying));
            Assert.That(problem.SignOffs.Single(s => !s.Approved).Comment, Is.EqualTo("the contracts are still split"));
        }

        Assert.That(driver.ReportProgress(problem, Role.UnitLiaison, withEvidence: true), Is.Null);
        Assert.That(problem.SubmitForReview(driver.Machine(problem, Role.UnitLiaison), Role.UnitLiaison), Is.Null);
        Assert.That(problem.ReviewRound, Is.EqualTo(2));

        var closeWithOldSignatures = problem.Close(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, driver.Now());

        AssertGuardsUnmet(closeWithOldSignatures, ProblemStates.UnderReview, ProblemTriggers.Close, "all-required-signed");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.MissingSignatures(ProblemDefinition),
                Is.EquivalentTo(new[] { Role.UnitLeader, Role.DisciplineCommission, Role.OrganizationDepartment }), "last round's signatures do not count");
            Assert.That(problem.HasSigned(Role.UnitLeader), Is.False);
            Assert.That(Sign(problem, Role.UnitLeader), Is.Null, "the unit leader signs again in the new round");
        }
    }

    [Test]
    public void SubmitForReview_WhenResubmittedAfterRejectionWithoutNewProgress_IsRefused()
    {
        var problem = UnderReview(Severity.General);
        Assert.That(problem.Sign(driver.Machine(problem, Role.UnitLeader), Role.UnitLeader, CaseDriver.User, approve: false, "not done", driver.Now()), Is.Null);

        var refusal = problem.SubmitForReview(driver.Machine(problem, Role.UnitLiaison), Role.UnitLiaison);

        AssertGuardsUnmet(refusal, ProblemStates.Rectifying, ProblemTriggers.SubmitForReview, "progress-reported");
    }

    [Test]
    public void Submit_WhenALedgerLineIsIncomplete_IsRefusedListingGapsPerProblemCode()
    {
        var plan = driver.NewPlan();
        var p1 = plan.Lines.Single(l => l.ProblemCode == "P-001").ProblemId;
        Assert.That(plan.EditLine(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, p1, CaseDriver.CompleteEntry), Is.Null);

        var refusal = plan.Submit(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, CaseDriver.User, driver.Now());

        AssertGuardsUnmet(refusal, PlanStates.Drafting, PlanTriggers.Submit, "ledger-complete");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Unmet(refusal!), Does.Contain("P-002: measures, responsible leader, responsible department, kind, deadline"));
            Assert.That(UnmetZh(refusal!), Is.EqualTo("每个反馈问题的台账均已填写完整（P-002：缺整改措施、责任领导、责任部门、整改类型、整改时限）"));
            Assert.That(Unmet(refusal!), Does.Not.Contain("P-001"), "a complete line is not listed");
            Assert.That(plan.State, Is.EqualTo(PlanStates.Drafting));
            Assert.That(plan.Revisions, Is.Empty, "a refused submission keeps no revision");
        }
    }

    [Test]
    public void Submit_WhenEveryLineIsEmpty_ListsEachProblemCodeWithItsMissingFields()
    {
        var plan = driver.NewPlan();

        var refusal = plan.Submit(driver.Machine(plan, Role.UnitLeader), Role.UnitLeader, CaseDriver.User, driver.Now());

        AssertGuardsUnmet(refusal, PlanStates.Drafting, PlanTriggers.Submit, "ledger-complete");
        Assert.That(Unmet(refusal!), Does.Contain(
            "(P-001: measures, responsible leader, responsible department, kind, deadline; P-002: measures, responsible leader, responsible department, kind, deadline)"));
        Assert.That(UnmetZh(refusal!), Is.EqualTo(
            "每个反馈问题的台账均已填写完整（P-001：缺整改措施、责任领导、责任部门、整改类型、整改时限；P-002：缺整改措施、责任领导、责任部门、整改类型、整改时限）"));
    }

    [Test]
    public void Submit_WhenALineHasOnlyWhitespaceMeasures_ListsMeasuresAsMissing()
    {
        var plan = driver.NewPlan();
        foreach (var line in plan.Lines)
        {
            Assert.That(plan.EditLine(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, line.ProblemId, CaseDriver.CompleteEntry with { Measures = "   " }), Is.Null);
        }

        var refusal = plan.Submit(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, CaseDriver.User, driver.Now());

        AssertGuardsUnmet(refusal, PlanStates.Drafting, PlanTriggers.Submit, "ledger-complete");
        Assert.That(Unmet(refusal!), Does.Contain("P-001: measures; P-002: measures"));
    }

    [Test]
    public void Submit_WhenEveryLineIsComplete_FreezesARevision()
    {
        var plan = driver.NewPlan();
        foreach (var line in plan.Lines)
        {
            Assert.That(plan.EditLine(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, line.ProblemId, CaseDriver.CompleteEntry), Is.Null);
        }

        var refusal = plan.Submit(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, CaseDriver.User, driver.Now());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null, () => CaseDriver.Describe(refusal));
            Assert.That(plan.State, Is.EqualTo(PlanStates.Submitted));
            Assert.That(plan.Revisions, Has.Count.EqualTo(1));
            Assert.That(plan.CurrentRevision!.Lines.Select(l => l.ProblemCode), Is.EquivalentTo(new[] { "P-001", "P-002" }));
        }
    }

    [Test]
    public void Conclude_WhenRefusedForRole_RecordsNoOutcome()
    {
        var clue = (Clue)driver.InState(Clue.Lifecycle, ClueStates.UnderInvestigation);

        var refusal = clue.Conclude(driver.Machine(clue, Role.InspectionOffice), Role.InspectionOffice, CaseDriver.Outcome, driver.Now());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal?.Code, Is.EqualTo("transition.role-not-allowed"));
            Assert.That(clue.Outcome, Is.Null);
            Assert.That(clue.State, Is.EqualTo(ClueStates.UnderInvestigation));
        }
    }

    [Test]
    public void Conclude_WhenOutcomeIsGiven_RecordsItAndConcludes()
    {
        var clue = (Clue)driver.InState(Clue.Lifecycle, ClueStates.UnderInvestigation);

        var refusal = clue.Conclude(driver.Machine(clue, Role.DisciplineCommission), Role.DisciplineCommission, CaseDriver.Outcome, driver.Now());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null, () => CaseDriver.Describe(refusal));
            Assert.That(clue.State, Is.EqualTo(ClueStates.Concluded));
            Assert.That(clue.Outcome, Is.EqualTo(CaseDriver.Outcome));
            Assert.That(clue.ConcludedAt, Is.Not.Null);
        }
    }

    [Test]
    public void PermittedTriggers_WhenClueIsUnderInvestigation_OffersConcludeToTheDisciplineCommission()
    {
        var clue = (Clue)driver.InState(Clue.Lifecycle, ClueStates.UnderInvestigation);
        var machine = driver.Machine(clue, Role.DisciplineCommission);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(machine.PermittedTriggers(Role.DisciplineCommission), Does.Contain(ClueTriggers.Conclude));
            Assert.That(machine.Check(ClueTriggers.Conclude, Role.DisciplineCommission), Is.Null);
        }
    }

    [Test]
    public void Reopen_WhenClosedProblemIsFoundNotFixed_SetsNewDeadlineCountsAndRecordsReason()
    {
        var problem = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.Closed);
        var oldDeadline = problem.Deadline;
        var newDeadline = new DateOnly(2026, 3, 31);
        var lookBack = Guid.NewGuid();

        var refusal = problem.Reopen(driver.Machine(problem, Role.InspectionGroup), Role.InspectionGroup, CaseDriver.User,
            "look-back: contracts still split", newDeadline, lookBack, driver.Now());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null, () => CaseDriver.Describe(refusal));
            Assert.That(problem.State, Is.EqualTo(ProblemStates.Rectifying));
            Assert.That(problem.Deadline, Is.EqualTo(newDeadline));
            Assert.That(problem.ReopenCount, Is.EqualTo(1));
            Assert.That(problem.ClosedAt, Is.Null);
            Assert.That(problem.Reopenings, Has.Count.EqualTo(1));
            var reopening = problem.Reopenings[0];
            Assert.That(reopening.Reason, Is.EqualTo("look-back: contracts still split"));
            Assert.That(reopening.OldDeadline, Is.EqualTo(oldDeadline));
            Assert.That(reopening.NewDeadline, Is.EqualTo(newDeadline));
            Assert.That(reopening.LookBackInspectionId, Is.EqualTo(lookBack));
            Assert.That(reopening.ReopenedBy, Is.EqualTo(CaseDriver.User));
        }
    }

    [Test]
    public void Reopen_WhenReopened_NeedsFreshProgressBeforeTheNextReview()
    {
        var problem = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.Closed);
        Assert.That(problem.Reopen(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, CaseDriver.User, "recurred",
            new DateOnly(2026, 1, 15), null, driver.Now()), Is.Null);

        var refusal = problem.SubmitForReview(driver.Machine(problem, Role.UnitLiaison), Role.UnitLiaison);

        AssertGuardsUnmet(refusal, ProblemStates.Rectifying, ProblemTriggers.SubmitForReview, "progress-reported");
    }

    [Test]
    public void Reopen_WhenReopenedTwice_CountsBothAndKeepsEachDeadline()
    {
        var problem = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.Closed);
        var first = new DateOnly(2026, 1, 15);
        var second = new DateOnly(2026, 6, 30);
        Assert.That(problem.Reopen(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, CaseDriver.User, "first look-back", first, null, driver.Now()), Is.Null);
        driver.DriveTo(problem, ProblemStates.Closed);

        var refusal = problem.Reopen(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, CaseDriver.User, "second look-back", second, null, driver.Now());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null, () => CaseDriver.Describe(refusal));
            Assert.That(problem.ReopenCount, Is.EqualTo(2));
            Assert.That(problem.Deadline, Is.EqualTo(second));
            Assert.That(problem.Reopenings.Select(r => (r.Reason, r.OldDeadline, r.NewDeadline)),
                Is.EqualTo(new[] { ("first look-back", (DateOnly?)CaseDriver.Deadline, first), ("second look-back", (DateOnly?)first, second) }));
        }
    }

    [Test]
    public void Reopen_WhenProblemIsNotClosed_IsRefusedAndKeepsDeadline()
    {
        var problem = RectifyingProblem();

        var refusal = problem.Reopen(driver.Machine(problem, Role.InspectionOffice), Role.InspectionOffice, CaseDriver.User, "too early",
            new DateOnly(2026, 1, 15), null, driver.Now());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal?.Code, Is.EqualTo("transition.not-allowed"));
            Assert.That(problem.Deadline, Is.EqualTo(CaseDriver.Deadline));
            Assert.That(problem.ReopenCount, Is.Zero);
            Assert.That(problem.Reopenings, Is.Empty);
        }
    }

    private Problem RectifyingProblem(Severity severity = Severity.General)
    {
        var problem = driver.NewProblem(severity);
        driver.DriveTo(problem, ProblemStates.FedBack);
        StartRectification(problem);
        return problem;
    }

    private void StartRectification(Problem problem) =>
        Assert.That(problem.StartRectification(driver.Machine(problem, Role.System), RectificationKind.TimeLimited, CaseDriver.Deadline, driver.Now()), Is.Null);

    /// <summary>A problem of the severity, submitted for review with evidenced progress and no signatures yet.</summary>
    private Problem UnderReview(Severity severity)
    {
        var problem = RectifyingProblem(severity);
        Assert.That(driver.ReportProgress(problem, Role.UnitLiaison, withEvidence: true), Is.Null);
        Assert.That(problem.SubmitForReview(driver.Machine(problem, Role.UnitLiaison), Role.UnitLiaison), Is.Null);
        Assert.That(problem.State, Is.EqualTo(ProblemStates.UnderReview));
        return problem;
    }

    private Error? Sign(Problem problem, Role party) =>
        problem.Sign(driver.Machine(problem, party), party, CaseDriver.User, approve: true, "rectified", driver.Now());

    /// <summary>The refusal is <c>transition.guards-unmet</c> in the state and names exactly the given guards by their descriptions.</summary>
    private static void AssertGuardsUnmet(Error? refusal, string state, string trigger, params string[] guards)
    {
        Assert.That(refusal, Is.Not.Null, "the transition should have been refused");
        var unmet = Unmet(refusal!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal.Kind, Is.EqualTo(ErrorKind.TransitionNotAllowed));
            Assert.That(refusal.Code, Is.EqualTo("transition.guards-unmet"));
            Assert.That(Error.Plain(refusal!.Args["state"]), Is.EqualTo(state));
            Assert.That(Error.Plain(refusal.Args["trigger"]), Is.EqualTo(trigger));
            foreach (var guard in guards)
            {
                Assert.That(unmet, Does.Contain(Describe(guard)), $"the refusal names guard '{guard}'");
            }

            var others = Guards.All.Keys.Except(guards).Select(Describe).Where(d => unmet.Contains(d, StringComparison.Ordinal));
            Assert.That(others, Is.Empty, "only the unmet guards are named");
        }
    }

    [Test]
    public void GuardsUnmet_WhenAGuardGivesAnEmptyDetail_ShowsTheGuardsWordsWithoutBrackets()
    {
        var definition = Repo.Definition(Problem.Lifecycle);

        var refusal = TransitionErrors.GuardsUnmet(definition, ProblemStates.Rectifying, ProblemTriggers.SubmitForReview,
            [("progress-reported", new LocalizedText("", "")), ("evidence-attached", null)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(UnmetZh(refusal), Is.EqualTo("进入整改后已报送过整改进展、最近一次整改进展附有佐证材料"));
            Assert.That(Unmet(refusal), Is.EqualTo("a progress report was made since the problem (re)entered rectification; the latest progress report carries evidence"));
        }
    }
}
