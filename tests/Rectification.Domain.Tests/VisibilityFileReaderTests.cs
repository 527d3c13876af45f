using Rectification.Domain.Organization;
using Rectification.Domain.Tests.Support;
using Rectification.Infrastructure.Lifecycles;

namespace Rectification.Domain.Tests;

/// <summary>workflows/visibility.yaml: the repository's rules as the practice states them, and a broken file refused with file and line.</summary>
public sealed class VisibilityFileReaderTests
{
    private static readonly IReadOnlyList<Lifecycles.LifecycleDefinition> Lifecycles = LifecycleCatalog.ReadFolder(Repo.WorkflowsFolder);

    private static Rectification.Domain.Visibility.VisibilityRules RepositoryRules() =>
        VisibilityFileReader.Read(Path.Combine(Repo.WorkflowsFolder, VisibilityFileReader.FileName), Lifecycles,
            ReminderFileReader.ReadLadders(Path.Combine(Repo.WorkflowsFolder, ReminderFileReader.LaddersFile), Lifecycles));

    [TestCase(Role.DisciplineCommission, true)]
    [TestCase(Role.InspectionOffice, true)]
    [TestCase(Role.InspectionGroup, true)]
    [TestCase(Role.UnitLiaison, false)]
    [TestCase(Role.UnitLeader, false)]
    [TestCase(Role.OrganizationDepartment, false)]
    [TestCase(Role.Leadership, false)]
    [TestCase(Role.Administrator, false)]
    [TestCase(Role.System, true)]
    public void ClueSheets_AreSeenOnlyByTheCommissionAndTheInspectionSide(Role role, bool sees) =>
        Assert.That(RepositoryRules().Sees(role, "clue"), Is.EqualTo(sees));

    [Test]
    public void ClueFigures_AreReadByLeadersToo_ButNotByTheUnit()
    {
        var rules = RepositoryRules();
        Assert.That(new[] { Role.Leadership, Role.UnitLiaison, Role.UnitLeader, Role.Administrator }.Select(r => rules.SeesCounts(r, "clue")),
            Is.EqualTo(new[] { true, false, false, false }));
    }

    [Test]
    public void ProblemsBeforeFeedback_AndTheDossier_StayWithTheInspectionSide()
    {
        var rules = RepositoryRules();
        Assert.That(rules.HiddenStates(Role.UnitLiaison, "problem"), Is.EqualTo(new[] { "Registered" }));
        Assert.That(rules.HiddenStates(Role.InspectionGroup, "problem"), Is.Empty);
        Assert.That(new[] { Role.UnitLiaison, Role.UnitLeader, Role.OrganizationDepartment, Role.InspectionGroup, Role.DisciplineCommission }
            .Select(r => rules.SeesField(r, "problem", "dossier")), Is.EqualTo(new[] { false, false, false, true, true }));
        Assert.That(rules.Sees(Role.UnitLiaison, "plan"), Is.True, "a kind the file does not name is seen by every role in scope");
    }

    [TestCase("kinds:\n  cue:\n    see: [DisciplineCommission]\n", "visibility.yaml(3): unknown kind 'cue'")]
    [TestCase("kinds:\n  clue:\n    see: [Commission]\n", "visibility.yaml(4): unknown role 'Commission'")]
    [TestCase("kinds:\n  problem:\n    states:\n      Drafted: [InspectionOffice]\n", "visibility.yaml(5): unknown state 'Drafted' of 'problem'")]
    [TestCase("kinds:\n  problem:\n    fields:\n      salary: [InspectionOffice]\n", "visibility.yaml(5): unknown field group 'salary' of 'problem'")]
    [TestCase("kinds:\n  clue:\n    sees: [InspectionOffice]\n", "visibility.yaml(4): unknown key 'sees' under 'clue'")]
    // clue.yaml copies every handover sheet to the inspection office: a file that hides sheets from the office must not start.
    [TestCase("kinds:\n  clue:\n    see: [DisciplineCommission]\n", "visibility.yaml(3): notification on HandOver in clue v1 sends 'clue' to InspectionOffice, which may not see it")]
    public void Parse_WhenTheFileIsBroken_IsRefusedWithFileAndLine(string body, string expected)
    {
        var error = Assert.Throws<LifecycleFileException>(() => VisibilityFileReader.Parse("version: 1\n" + body, "visibility.yaml", Lifecycles));
        Assert.That(error!.Message, Does.Contain(expected));
    }
}
