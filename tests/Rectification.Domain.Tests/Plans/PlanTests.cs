using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests.Plans;

/// <summary>
/// A unit's plan: one ledger line per fed-back problem, every submission kept as a revision with its screening, and accepted
/// line changes coming into force as new, accepted revisions.
/// </summary>
[TestFixture]
public sealed class PlanTests
{
    private static readonly Guid Screener = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly DateTime Noon = new(2025, 4, 1, 4, 0, 0, DateTimeKind.Utc);

    private readonly CaseDriver driver = CaseDriver.ForRepo();

    [Test]
    public void Open_StartsInDraftingWithTheSubmissionDueDate()
    {
        var plan = Plan.Open(Repo.Definition(Plan.Lifecycle), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2025, 4, 2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.State, Is.EqualTo(PlanStates.Drafting));
            Assert.That(plan.SubmissionDue, Is.EqualTo(new DateOnly(2025, 4, 2)));
            Assert.That(plan.Lines, Is.Empty);
            Assert.That(plan.Revisions, Is.Empty);
            Assert.That(plan.CurrentRevision, Is.Null);
        }
    }

    [Test]
    public void Cover_TheSameProblemTwice_AddsOneLine()
    {
        var plan = Plan.Open(Repo.Definition(Plan.Lifecycle), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2025, 4, 2));
        var problem = driver.NewProblem(code: "P-007");

        plan.Cover(problem);
        plan.Cover(problem);

        Assert.That(plan.Lines.Select(l => (l.ProblemId, l.ProblemCode, l.PlanId)), Is.EqualTo(new[] { (problem.Id, "P-007", plan.Id) }));
    }

    [Test]
    public void Gaps_OfANewPlan_NameEveryFieldOfEveryLine()
    {
        var plan = driver.NewPlan();

        var gaps = plan.Gaps();

        string[] all = ["Measures", "ResponsibleLeader", "ResponsibleDepartment", "Kind", "Deadline"];
        Assert.That(gaps.Select(g => (g.ProblemCode, string.Join(",", g.Missing))),
            Is.EqualTo(new[] { ("P-001", string.Join(",", all)), ("P-002", string.Join(",", all)) }));
    }

    [Test]
    public void EditLine_FillsTheLineWithTrimmedText()
    {
        var plan = driver.NewPlan();
        var line = plan.Lines[0];

        var refusal = plan.EditLine(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, line.ProblemId,
            new LedgerEntry("  Rewrite the rules ", " Li ", " Finance ", RectificationKind.Immediate, new DateOnly(2025, 5, 1)));

        Assert.That(refusal, Is.Null);
        Assert.That(line.Snapshot(), Is.EqualTo(new LedgerLineSnapshot(line.ProblemId, "P-001", "Rewrite the rules", "Li", "Finance", RectificationKind.Immediate, new DateOnly(2025, 5, 1))));
        Assert.That(plan.Gaps().Select(g => g.ProblemCode), Is.EqualTo(new[] { "P-002" }), "only the other line is still missing");
    }

    [Test]
    public void EditLine_OfAProblemThePlanDoesNotCover_IsNotFound()
    {
        var plan = driver.NewPlan();
        var elsewhere = Guid.NewGuid();

        var refusal = plan.EditLine(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, elsewhere, CaseDriver.CompleteEntry);

        Assert.That(refusal?.Kind, Is.EqualTo(ErrorKind.NotFound));
        Assert.That(Error.Plain(refusal!.Args["entity"]), Is.EqualTo("LedgerLine"));
        Assert.That(refusal.Args["id"], Is.EqualTo(elsewhere));
    }

    [Test]
    public void EditLine_OnceSubmitted_IsRefusedAndLeavesTheLine()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Submitted);
        var before = plan.Lines[0].Snapshot();

        var refusal = plan.EditLine(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, plan.Lines[0].ProblemId,
            CaseDriver.CompleteEntry with { Measures = "Something else" });

        Assert.That(refusal?.Kind, Is.EqualTo(ErrorKind.TransitionNotAllowed));
        Assert.That(plan.Lines[0].Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Submit_FreezesTheLinesAsAPendingRevision()
    {
        var plan = driver.NewPlan();
        driver.Satisfy(plan, Repo.Definition(Plan.Lifecycle).Find(PlanStates.Drafting, PlanTriggers.Submit)!, Role.UnitLiaison);

        var refusal = plan.Submit(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, CaseDriver.User, Noon);

        Assert.That(refusal, Is.Null);
        var revision = plan.CurrentRevision!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(revision.Number, Is.EqualTo(1));
            Assert.That(revision.PlanId, Is.EqualTo(plan.Id));
            Assert.That(revision.SubmittedBy, Is.EqualTo(CaseDriver.User));
            Assert.That(revision.SubmittedAt, Is.EqualTo(Noon));
            Assert.That(revision.Outcome, Is.EqualTo(ScreeningOutcome.Pending));
            Assert.That(revision.Comment, Is.Empty, "nobody has screened it yet");
            Assert.That(revision.ScreenedBy, Is.Null);
            Assert.That(revision.Lines.Select(l => (l.ProblemCode, l.Measures)),
                Is.EqualTo(new[] { ("P-001", "Rewrite the procurement rules"), ("P-002", "Rewrite the procurement rules") }));
        }
    }

    [Test]
    public void Accept_ScreensTheCurrentRevisionAsAccepted()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Submitted);

        var refusal = plan.Accept(driver.Machine(plan, Role.InspectionOffice), Role.InspectionOffice, Screener, "measures are concrete", Noon);

        Assert.That(refusal, Is.Null);
        var revision = plan.CurrentRevision!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.State, Is.EqualTo(PlanStates.Accepted));
            Assert.That(plan.AcceptedAt, Is.EqualTo(Noon));
            Assert.That(plan.ReturnCount, Is.Zero);
            Assert.That(revision.Outcome, Is.EqualTo(ScreeningOutcome.Accepted));
            Assert.That(revision.ScreenedBy, Is.EqualTo(Screener));
            Assert.That(revision.ScreenedByRole, Is.EqualTo(Role.InspectionOffice));
            Assert.That(revision.ScreenedAt, Is.EqualTo(Noon));
            Assert.That(revision.Comment, Is.EqualTo("measures are concrete"));
        }
    }

    [Test]
    public void Accept_ByTheUnit_IsRefusedAndLeavesTheRevisionPending()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Submitted);

        var refusal = plan.Accept(driver.Machine(plan, Role.UnitLeader), Role.UnitLeader, CaseDriver.User, "we like it", Noon);

        Assert.That(refusal?.Kind, Is.EqualTo(ErrorKind.Forbidden));
        Assert.That(plan.CurrentRevision!.Outcome, Is.EqualTo(ScreeningOutcome.Pending));
        Assert.That(plan.AcceptedAt, Is.Null);
    }

    [Test]
    public void Return_ScreensTheRevisionAsReturnedWithTheLineComments_AndCountsTheReturn()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Submitted);
        var comments = new[] { new LineComment(plan.Lines[1].ProblemId, "name a person, not a department") };

        var refusal = plan.Return(driver.Machine(plan, Role.InspectionOffice), Role.InspectionOffice, Screener, "too vague", comments, Noon);

        Assert.That(refusal, Is.Null);
        var revision = plan.CurrentRevision!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.State, Is.EqualTo(PlanStates.Returned));
            Assert.That(plan.ReturnCount, Is.EqualTo(1));
            Assert.That(plan.AcceptedAt, Is.Null);
            Assert.That(revision.Outcome, Is.EqualTo(ScreeningOutcome.Returned));
            Assert.That(revision.Comment, Is.EqualTo("too vague"));
            Assert.That(revision.ScreenedByRole, Is.EqualTo(Role.InspectionOffice));
            Assert.That(revision.LineComments, Is.EqualTo(comments));
        }
    }

    [Test]
    public void Return_ByTheUnit_IsRefusedAndCountsNothing()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Submitted);

        var refusal = plan.Return(driver.Machine(plan, Role.UnitLiaison), Role.UnitLiaison, CaseDriver.User, "no", [], Noon);

        Assert.That(refusal?.Kind, Is.EqualTo(ErrorKind.Forbidden));
        Assert.That(plan.ReturnCount, Is.Zero);
        Assert.That(plan.CurrentRevision!.Outcome, Is.EqualTo(ScreeningOutcome.Pending));
    }

    [Test]
    public void AReturnedPlanSubmittedAgain_KeepsTheFirstRevisionAndScreensTheSecond()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Returned);
        driver.FireAsFirstRole(plan, PlanTriggers.Submit);

        var refusal = plan.Return(driver.Machine(plan, Role.InspectionOffice), Role.InspectionOffice, Screener, "still vague", [], Noon);

        Assert.That(refusal, Is.Null);
        Assert.That(plan.ReturnCount, Is.EqualTo(2));
        Assert.That(plan.CurrentRevision!.Number, Is.EqualTo(2), "the current revision is the latest");
        Assert.That(plan.Revisions.Select(r => (r.Number, r.Outcome, r.Comment)),
            Is.EqualTo(new[] { (1, ScreeningOutcome.Returned, "measures too vague"), (2, ScreeningOutcome.Returned, "still vague") }));
    }

    [Test]
    public void ApplyLineChange_OfAMaterialChange_PutsTheNewTermsInForceAsAnAcceptedRevision()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Accepted);
        var problemId = plan.Lines[0].ProblemId;
        var later = CaseDriver.CompleteEntry with { Deadline = new DateOnly(2025, 12, 31) };
        var change = LedgerLineChange.Propose(plan, problemId, later, "tender takes longer", CaseDriver.User, Noon).Value;
        change.Decide(accept: true, Screener, Role.InspectionOffice, "agreed", Noon.AddDays(1));

        var refusal = plan.ApplyLineChange(change, Screener, Role.InspectionOffice, "agreed", Noon.AddDays(1));

        Assert.That(refusal, Is.Null);
        var revision = plan.CurrentRevision!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Lines[0].Deadline, Is.EqualTo(new DateOnly(2025, 12, 31)));
            Assert.That(plan.Revisions, Has.Count.EqualTo(2), "revision 1 was submitted and accepted; the change is revision 2");
            Assert.That(revision.Number, Is.EqualTo(2));
            Assert.That(revision.SubmittedBy, Is.EqualTo(CaseDriver.User), "the revision is the proposer's");
            Assert.That(revision.Outcome, Is.EqualTo(ScreeningOutcome.Accepted));
            Assert.That(revision.ScreenedBy, Is.EqualTo(Screener));
            Assert.That(revision.Comment, Is.EqualTo("agreed"));
            Assert.That(revision.Lines[0].Deadline, Is.EqualTo(new DateOnly(2025, 12, 31)));
            Assert.That(plan.Revisions[^2].Lines[0].Deadline, Is.EqualTo(CaseDriver.Deadline), "the old line stays in the history");
            Assert.That(change.Status, Is.EqualTo(LineChangeStatus.Accepted), "a decided change keeps its decision");
        }
    }

    [Test]
    public void ApplyLineChange_OfAnEarlierDeadline_MarksTheChangeAppliedAtOnce()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Accepted);
        var earlier = CaseDriver.CompleteEntry with { Deadline = new DateOnly(2025, 8, 31) };
        var change = LedgerLineChange.Propose(plan, plan.Lines[1].ProblemId, earlier, "done sooner", CaseDriver.User, Noon).Value;

        var refusal = plan.ApplyLineChange(change, CaseDriver.User, Role.UnitLiaison, "tightened", Noon);

        Assert.That(refusal, Is.Null);
        Assert.That(plan.Lines[1].Deadline, Is.EqualTo(new DateOnly(2025, 8, 31)));
        Assert.That(plan.Lines[0].Deadline, Is.EqualTo(CaseDriver.Deadline), "the other line is untouched");
        Assert.That(change.Status, Is.EqualTo(LineChangeStatus.AppliedAtOnce));
        Assert.That(change.DecidedAt, Is.EqualTo(Noon));
    }

    [Test]
    public void ApplyLineChange_ToAPlanNotAccepted_IsRefusedAndChangesNothing()
    {
        var accepted = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Accepted);
        var change = LedgerLineChange.Propose(accepted, accepted.Lines[0].ProblemId, CaseDriver.CompleteEntry with { Measures = "More" }, "why", CaseDriver.User, Noon).Value;
        var submitted = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Submitted);

        var refusal = submitted.ApplyLineChange(change, Screener, Role.InspectionOffice, "agreed", Noon);

        Assert.That(refusal?.Code, Is.EqualTo("ledger-change.plan-not-accepted"));
        Assert.That(refusal!.Args["state"], Is.EqualTo(PlanStates.Submitted));
        Assert.That(submitted.Revisions, Has.Count.EqualTo(1));
    }

    [Test]
    public void StartSubmissionWindow_WhileDrafting_MovesTheDueDateLater()
    {
        var plan = driver.NewPlan();

        plan.StartSubmissionWindow(new DateOnly(2025, 5, 6));

        Assert.That(plan.SubmissionDue, Is.EqualTo(new DateOnly(2025, 5, 6)));
    }

    [Test]
    public void StartSubmissionWindow_EarlierThanTheWindowAlreadyOpen_KeepsTheLaterDate()
    {
        var plan = driver.NewPlan();

        plan.StartSubmissionWindow(new DateOnly(2025, 4, 1));

        Assert.That(plan.SubmissionDue, Is.EqualTo(new DateOnly(2025, 4, 2)));
    }

    [Test]
    public void StartSubmissionWindow_OnceSubmitted_ChangesNothing()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Submitted);

        plan.StartSubmissionWindow(new DateOnly(2025, 5, 6));

        Assert.That(plan.SubmissionDue, Is.EqualTo(new DateOnly(2025, 4, 2)));
    }

    [Test]
    public void ExtendSubmission_SetsTheNewDueDate()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Submitted);

        plan.ExtendSubmission(new DateOnly(2025, 4, 16));

        Assert.That(plan.SubmissionDue, Is.EqualTo(new DateOnly(2025, 4, 16)));
    }
}
