using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests.Plans;

/// <summary>
/// A change to a line of an accepted plan: which fields changed, and whether it is material (needs the supervising side's
/// decision) or only tightens the deadline (applies at once).
/// </summary>
[TestFixture]
public sealed class LedgerLineChangeTests
{
    private static readonly DateTime Now = new(2025, 5, 6, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Decider = Guid.Parse("00000000-0000-0000-0000-0000000000b2");

    private readonly CaseDriver driver = CaseDriver.ForRepo();

    /// <summary>An accepted plan whose lines read <see cref="CaseDriver.CompleteEntry"/> (deadline 2025-09-30).</summary>
    private Plan AcceptedPlan() => (Plan)driver.InState(Plan.Lifecycle, PlanStates.Accepted);

    private static LedgerLineChange Propose(Plan plan, LedgerEntry entry) =>
        LedgerLineChange.Propose(plan, plan.Lines[0].ProblemId, entry, "the tender was cancelled", CaseDriver.User, Now).Value;

    [Test]
    public void Propose_RecordsBothLinesWhoAndWhy()
    {
        var plan = AcceptedPlan();
        var entry = CaseDriver.CompleteEntry with { Measures = "Cancel and re-tender" };

        var change = Propose(plan, entry);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(change.PlanId, Is.EqualTo(plan.Id));
            Assert.That(change.UnitId, Is.EqualTo(plan.UnitId));
            Assert.That(change.ProblemId, Is.EqualTo(plan.Lines[0].ProblemId));
            Assert.That(change.Before.Measures, Is.EqualTo("Rewrite the procurement rules"));
            Assert.That(change.After.Measures, Is.EqualTo("Cancel and re-tender"));
            Assert.That(change.After.ProblemCode, Is.EqualTo("P-001"));
            Assert.That(change.Reason, Is.EqualTo("the tender was cancelled"));
            Assert.That(change.ProposedBy, Is.EqualTo(CaseDriver.User));
            Assert.That(change.ProposedAt, Is.EqualTo(Now));
            Assert.That(change.Status, Is.EqualTo(LineChangeStatus.Proposed));
            Assert.That(change.Entry, Is.EqualTo(entry));
            Assert.That(plan.Lines[0].Measures, Is.EqualTo("Rewrite the procurement rules"), "the line in force stays as accepted");
        }
    }

    private static IEnumerable<TestCaseData> SingleFieldChanges()
    {
        var e = CaseDriver.CompleteEntry;
        yield return new TestCaseData(e with { Measures = "Re-tender" }, "Measures", true).SetName("Propose_OfNewMeasures_IsMaterial");
        yield return new TestCaseData(e with { ResponsibleLeader = "Director Wang" }, "ResponsibleLeader", true).SetName("Propose_OfAnotherLeader_IsMaterial");
        yield return new TestCaseData(e with { ResponsibleDepartment = "Audit office" }, "ResponsibleDepartment", true).SetName("Propose_OfAnotherDepartment_IsMaterial");
        yield return new TestCaseData(e with { Kind = RectificationKind.LongTerm }, "Kind", true).SetName("Propose_OfAnotherKind_IsMaterial");
        yield return new TestCaseData(e with { Deadline = new DateOnly(2025, 10, 1) }, "Deadline", true).SetName("Propose_OfALaterDeadline_IsMaterial");
        yield return new TestCaseData(e with { Deadline = new DateOnly(2025, 9, 29) }, "Deadline", false).SetName("Propose_OfAnEarlierDeadline_OnlyTightensAndIsNotMaterial");
    }

    [TestCaseSource(nameof(SingleFieldChanges))]
    public void Propose_OfOneField_NamesThatFieldAndWhetherItIsMaterial(LedgerEntry entry, string field, bool material)
    {
        var change = Propose(AcceptedPlan(), entry);

        Assert.That(change.ChangedFields, Is.EqualTo(new[] { field }));
        Assert.That(change.Material, Is.EqualTo(material));
    }

    [Test]
    public void Propose_OfAnEarlierDeadlineWithNewMeasures_IsMaterial()
    {
        var change = Propose(AcceptedPlan(), CaseDriver.CompleteEntry with { Measures = "Re-tender", Deadline = new DateOnly(2025, 8, 1) });

        Assert.That(change.ChangedFields, Is.EqualTo(new[] { "Measures", "Deadline" }));
        Assert.That(change.Material, Is.True);
    }

    [Test]
    public void Propose_OfTheSameTermsWithSpacesAround_ChangesNothingAndIsRefused()
    {
        var plan = AcceptedPlan();
        var same = CaseDriver.CompleteEntry with { Measures = " Rewrite the procurement rules ", ResponsibleLeader = "Deputy director Li  " };

        var result = LedgerLineChange.Propose(plan, plan.Lines[0].ProblemId, same, "no reason", CaseDriver.User, Now);

        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Error!.Code, Is.EqualTo("ledger-change.nothing-changed"));
        Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.RuleBroken));
        Assert.That(result.Error.Args["problem"], Is.EqualTo("P-001"));
    }

    [Test]
    public void Propose_ForAPlanNotYetAccepted_IsRefused()
    {
        var plan = (Plan)driver.InState(Plan.Lifecycle, PlanStates.Submitted);

        var result = LedgerLineChange.Propose(plan, plan.Lines[0].ProblemId, CaseDriver.CompleteEntry with { Measures = "x" }, "why", CaseDriver.User, Now);

        Assert.That(result.Error?.Code, Is.EqualTo("ledger-change.plan-not-accepted"));
        Assert.That(result.Error!.Args["state"], Is.EqualTo(PlanStates.Submitted));
    }

    [Test]
    public void Propose_ForAProblemThePlanDoesNotCover_IsNotFound()
    {
        var elsewhere = Guid.NewGuid();

        var result = LedgerLineChange.Propose(AcceptedPlan(), elsewhere, CaseDriver.CompleteEntry, "why", CaseDriver.User, Now);

        Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
        Assert.That(Error.Plain(result.Error!.Args["entity"]), Is.EqualTo("LedgerLine"));
        Assert.That(result.Error.Args["id"], Is.EqualTo(elsewhere));
    }

    [TestCase(true, LineChangeStatus.Accepted)]
    [TestCase(false, LineChangeStatus.Refused)]
    public void Decide_RecordsTheDecisionAndWhoMadeIt(bool accept, LineChangeStatus status)
    {
        var change = Propose(AcceptedPlan(), CaseDriver.CompleteEntry with { Measures = "Re-tender" });

        var refusal = change.Decide(accept, Decider, Role.InspectionOffice, "considered", Now.AddDays(2));

        Assert.That(refusal, Is.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(change.Status, Is.EqualTo(status));
            Assert.That(change.DecidedBy, Is.EqualTo(Decider));
            Assert.That(change.DecidedByRole, Is.EqualTo(Role.InspectionOffice));
            Assert.That(change.DecidedAt, Is.EqualTo(Now.AddDays(2)));
            Assert.That(change.DecisionComment, Is.EqualTo("considered"));
        }
    }

    [Test]
    public void Decide_ASecondTime_IsAConflictAndKeepsTheFirstDecision()
    {
        var change = Propose(AcceptedPlan(), CaseDriver.CompleteEntry with { Measures = "Re-tender" });
        change.Decide(accept: true, Decider, Role.InspectionOffice, "yes", Now);

        var refusal = change.Decide(accept: false, Guid.NewGuid(), Role.DisciplineCommission, "no", Now.AddHours(1));

        Assert.That(refusal?.Kind, Is.EqualTo(ErrorKind.Conflict));
        Assert.That(refusal!.Code, Is.EqualTo("ledger-change.already-decided"));
        Assert.That(refusal.Args["status"], Is.EqualTo("Accepted"));
        Assert.That((change.Status, change.DecidedBy, change.DecisionComment), Is.EqualTo((LineChangeStatus.Accepted, (Guid?)Decider, "yes")));
    }
}
