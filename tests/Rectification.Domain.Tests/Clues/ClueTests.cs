using Rectification.Domain.Clues;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests.Clues;

/// <summary>A problem clue handed over on a coloured sheet (交办单): accepted, investigated and concluded by the discipline commission.</summary>
[TestFixture]
public sealed class ClueTests
{
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid InspectionId = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    private static readonly Guid UnitId = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid ProblemA = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid ProblemB = Guid.Parse("00000000-0000-0000-0000-0000000000f2");
    private static readonly Guid Officer = Guid.Parse("00000000-0000-0000-0000-0000000000a7");
    private static readonly DateTime HandedOverAt = new(2025, 3, 3, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime AcceptedAt = new(2025, 3, 4, 6, 30, 0, DateTimeKind.Utc);

    private static LifecycleDefinition Definition => Repo.Definition(Clue.Lifecycle);

    private static Clue HandOver() =>
        Clue.HandOver(Definition, Id, InspectionId, UnitId, "C-007", "Kickbacks on catering contracts", SheetColour.Yellow,
            new DateOnly(2025, 3, 24), [ProblemA, ProblemB, ProblemA], HandedOverAt);

    private static LifecycleMachine Machine(Clue clue, Role actor, DateTime at) => new(Definition, clue, actor, at);

    [Test]
    public void HandOver_StartsInTheInitialStateWithTheSheetAndEachProblemOnce()
    {
        var clue = HandOver();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(clue.Id, Is.EqualTo(Id));
            Assert.That(clue.InspectionId, Is.EqualTo(InspectionId));
            Assert.That(clue.UnitId, Is.EqualTo(UnitId));
            Assert.That(clue.Code, Is.EqualTo("C-007"));
            Assert.That(clue.Summary, Is.EqualTo("Kickbacks on catering contracts"));
            Assert.That(clue.Colour, Is.EqualTo(SheetColour.Yellow));
            Assert.That(clue.State, Is.EqualTo("HandedOver"));
            Assert.That(clue.DefinitionVersion, Is.EqualTo(1));
            Assert.That(clue.HandedOverAt, Is.EqualTo(HandedOverAt));
            Assert.That(clue.DueDate, Is.EqualTo(new DateOnly(2025, 3, 24)));
            Assert.That(clue.ProblemIds, Is.EqualTo(new[] { ProblemA, ProblemB }));
            Assert.That(clue.AcceptedAt, Is.Null);
            Assert.That(clue.Outcome, Is.Null);
        }
    }

    [Test]
    public void Accept_ByTheDisciplineCommission_RecordsWhoAndWhen()
    {
        var clue = HandOver();

        var refusal = clue.Accept(Machine(clue, Role.DisciplineCommission, AcceptedAt), Role.DisciplineCommission, Officer, AcceptedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null, () => CaseDriver.Describe(refusal));
            Assert.That(clue.State, Is.EqualTo("Accepted"));
            Assert.That(clue.AcceptedAt, Is.EqualTo(AcceptedAt));
            Assert.That(clue.AcceptedBy, Is.EqualTo(Officer));
        }
    }

    [Test]
    public void Accept_ByTheInspectionOffice_IsRefusedAndRecordsNothing()
    {
        var clue = HandOver();

        var refusal = clue.Accept(Machine(clue, Role.InspectionOffice, AcceptedAt), Role.InspectionOffice, Officer, AcceptedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal?.Code, Is.EqualTo("transition.role-not-allowed"));
            Assert.That(clue.State, Is.EqualTo("HandedOver"));
            Assert.That(clue.AcceptedAt, Is.Null);
            Assert.That(clue.AcceptedBy, Is.Null);
        }
    }

    [Test]
    public void StartInvestigation_AfterAcceptance_PutsTheClueUnderInvestigation()
    {
        var clue = HandOver();
        clue.Accept(Machine(clue, Role.DisciplineCommission, AcceptedAt), Role.DisciplineCommission, Officer, AcceptedAt);

        var refusal = clue.StartInvestigation(Machine(clue, Role.DisciplineCommission, AcceptedAt), Role.DisciplineCommission);

        Assert.That(refusal, Is.Null, () => CaseDriver.Describe(refusal));
        Assert.That(clue.State, Is.EqualTo("UnderInvestigation"));
    }

    [Test]
    public void StartInvestigation_BeforeAcceptance_IsNotAllowed()
    {
        var clue = HandOver();

        var refusal = clue.StartInvestigation(Machine(clue, Role.DisciplineCommission, AcceptedAt), Role.DisciplineCommission);

        Assert.That(refusal?.Code, Is.EqualTo("transition.not-allowed"));
        Assert.That(clue.State, Is.EqualTo("HandedOver"));
    }

    [Test]
    public void Conclude_RecordsTheTimeOfTheConclusion()
    {
        var clue = HandOver();
        clue.Accept(Machine(clue, Role.DisciplineCommission, AcceptedAt), Role.DisciplineCommission, Officer, AcceptedAt);
        clue.StartInvestigation(Machine(clue, Role.DisciplineCommission, AcceptedAt), Role.DisciplineCommission);
        var concludedAt = new DateTime(2025, 3, 20, 8, 0, 0, DateTimeKind.Utc);

        var refusal = clue.Conclude(Machine(clue, Role.DisciplineCommission, concludedAt), Role.DisciplineCommission, CaseDriver.Outcome, concludedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null, () => CaseDriver.Describe(refusal));
            Assert.That(clue.ConcludedAt, Is.EqualTo(concludedAt));
            Assert.That(clue.Outcome!.MoneyRecovered, Is.EqualTo(125_000m));
        }
    }

    [Test]
    public void Conclude_WithoutAnOutcome_Throws()
    {
        var clue = HandOver();

        Assert.That(() => clue.Conclude(Machine(clue, Role.DisciplineCommission, AcceptedAt), Role.DisciplineCommission, null!, AcceptedAt),
            Throws.ArgumentNullException);
    }

    [Test]
    public void ExtendDue_MovesTheDueDate()
    {
        var clue = HandOver();

        clue.ExtendDue(new DateOnly(2025, 4, 7));

        Assert.That(clue.DueDate, Is.EqualTo(new DateOnly(2025, 4, 7)));
    }

    [Test]
    public void TheCaseKind_IsClue()
    {
        ILifecycleCase clue = HandOver();

        Assert.That(clue.CaseKind, Is.SameAs(CaseKind.Clue));
    }

    [Test]
    public void States_AreTheFourTheCodeReads()
    {
        Assert.That(ClueStates.All, Is.EqualTo(new[] { "HandedOver", "Accepted", "UnderInvestigation", "Concluded" }));
    }

    [TestCase(SheetColour.Red, "红色", "red")]
    [TestCase(SheetColour.Yellow, "黄色", "yellow")]
    [TestCase(SheetColour.Blue, "蓝色", "blue")]
    [TestCase(null, "", "")]
    public void Label_OfASheetColour_IsWhatTheSheetIsCalled(SheetColour? colour, string zhCn, string en)
    {
        Assert.That(SheetColours.Label(colour), Is.EqualTo(new LocalizedText(zhCn, en)));
    }
}
