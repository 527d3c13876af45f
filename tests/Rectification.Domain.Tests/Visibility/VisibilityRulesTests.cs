using Rectification.Domain.Organization;
using Rectification.Domain.Visibility;

namespace Rectification.Domain.Tests.Visibility;

/// <summary>
/// 可见范围 within scope: a kind, state or field the rules name is seen only by the roles listed; anything not named is seen
/// by every role; the system sees all.
/// </summary>
[TestFixture]
public sealed class VisibilityRulesTests
{
    private static readonly Dictionary<string, IReadOnlyList<Role>> None = [];

    private static readonly VisibilityRules Rules = new(2, new Dictionary<string, KindVisibility>
    {
        ["clue"] = new([Role.DisciplineCommission], [Role.Leadership], None, None),
        ["problem"] = new(null, null,
            new Dictionary<string, IReadOnlyList<Role>> { ["Registered"] = [Role.InspectionOffice] },
            new Dictionary<string, IReadOnlyList<Role>> { ["dossier"] = [Role.InspectionGroup] }),
        ["plan"] = new([Role.InspectionOffice], null, new Dictionary<string, IReadOnlyList<Role>> { ["Drafting"] = [Role.UnitLiaison] }, None),
    });

    [TestCase(Role.DisciplineCommission, "clue", true)]
    [TestCase(Role.UnitLiaison, "clue", false)]
    [TestCase(Role.System, "clue", true)]
    [TestCase(Role.UnitLiaison, "problem", true)]
    [TestCase(Role.UnitLiaison, "receipt", true)]
    public void Sees_AKindOnlyIfNotNamedOrTheRoleIsListed(Role role, string kind, bool sees)
    {
        Assert.That(Rules.Sees(role, kind), Is.EqualTo(sees));
    }

    [TestCase(Role.Leadership, "clue", true)]
    [TestCase(Role.DisciplineCommission, "clue", true)]
    [TestCase(Role.UnitLiaison, "clue", false)]
    [TestCase(Role.Leadership, "plan", false)]
    [TestCase(Role.Leadership, "receipt", true)]
    public void SeesCounts_ForThoseWhoSeeTheKindAndThoseListedForItsFigures(Role role, string kind, bool sees)
    {
        Assert.That(Rules.SeesCounts(role, kind), Is.EqualTo(sees));
    }

    [TestCase(Role.InspectionOffice, "problem", "Registered", true)]
    [TestCase(Role.UnitLiaison, "problem", "Registered", false)]
    [TestCase(Role.UnitLiaison, "problem", "FedBack", true)]
    [TestCase(Role.System, "problem", "Registered", true)]
    [TestCase(Role.InspectionOffice, "plan", "Drafting", false)]
    [TestCase(Role.UnitLiaison, "plan", "Drafting", false)]
    [TestCase(Role.InspectionOffice, "plan", "Submitted", true)]
    [TestCase(Role.UnitLiaison, "receipt", "Pending", true)]
    public void SeesState_NeedsTheKindAndTheState(Role role, string kind, string state, bool sees)
    {
        Assert.That(Rules.SeesState(role, kind, state), Is.EqualTo(sees));
    }

    [Test]
    public void HiddenStates_AreTheNamedStatesTheRoleIsNotListedFor()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Rules.HiddenStates(Role.UnitLiaison, "problem"), Is.EqualTo(new[] { "Registered" }));
            Assert.That(Rules.HiddenStates(Role.InspectionOffice, "problem"), Is.Empty);
            Assert.That(Rules.HiddenStates(Role.System, "problem"), Is.Empty);
            Assert.That(Rules.HiddenStates(Role.UnitLiaison, "receipt"), Is.Empty);
        }
    }

    [TestCase(Role.InspectionGroup, "problem", "dossier", true)]
    [TestCase(Role.UnitLiaison, "problem", "dossier", false)]
    [TestCase(Role.System, "problem", "dossier", true)]
    [TestCase(Role.UnitLiaison, "problem", "title", true)]
    [TestCase(Role.UnitLiaison, "receipt", "dossier", true)]
    public void SeesField_OnlyIfNotNamedOrTheRoleIsListed(Role role, string kind, string field, bool sees)
    {
        Assert.That(Rules.SeesField(role, kind, field), Is.EqualTo(sees));
    }

    [Test]
    public void HiddenKinds_AreTheKindsTheRoleMayNotSee()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Rules.HiddenKinds(Role.UnitLiaison), Is.EqualTo(new[] { "clue", "plan" }));
            Assert.That(Rules.HiddenKinds(Role.DisciplineCommission), Is.EqualTo(new[] { "plan" }));
            Assert.That(Rules.HiddenKinds(Role.System), Is.Empty);
        }
    }

    [Test]
    public void Open_HidesNothing()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(VisibilityRules.Open.Version, Is.Zero);
            Assert.That(VisibilityRules.Open.Sees(Role.UnitLiaison, "clue"), Is.True);
            Assert.That(VisibilityRules.Open.HiddenKinds(Role.UnitLiaison), Is.Empty);
        }
    }

    [Test]
    public void KnownFields_OfAProblem_AreItsDossier()
    {
        Assert.That(VisibilityRules.KnownFields["problem"], Is.EqualTo(new[] { "dossier" }));
        Assert.That(ProblemFields.Dossier, Is.EqualTo("dossier"));
    }
}
