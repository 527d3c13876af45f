using Rectification.Domain.Organization;
using OrgUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Domain.Tests.Organization;

/// <summary>The guards of renaming, moving and deactivating a unit: a refusal names its rule and leaves the unit as it was.</summary>
[TestFixture]
public sealed class UnitChangeTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    private static (OrgUnit City, OrgUnit West, OrgUnit East, OrgUnit Bureau, OrgUnit Office) Tree()
    {
        var city = OrgUnit.Create(Guid.NewGuid(), "C", "City", UnitLevel.City, null);
        var west = OrgUnit.Create(Guid.NewGuid(), "W", "West", UnitLevel.County, city);
        var east = OrgUnit.Create(Guid.NewGuid(), "E", "East", UnitLevel.County, city);
        var bureau = OrgUnit.Create(Guid.NewGuid(), "B", "Bureau", UnitLevel.Bureau, west);
        var office = OrgUnit.Create(Guid.NewGuid(), "O", "Office", UnitLevel.Institution, bureau);
        return (city, west, east, bureau, office);
    }

    [Test]
    public void MoveUnder_RewritesThePathOfTheUnitAndOfEverythingBelowIt()
    {
        var (_, _, east, bureau, office) = Tree();
        var refused = bureau.MoveUnder(east, [bureau, office]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused, Is.Null);
            Assert.That((bureau.Path, bureau.ParentId, office.Path, office.ParentId), Is.EqualTo(("/C/E/B/", (Guid?)east.Id, "/C/E/B/O/", (Guid?)bureau.Id)));
        }
    }

    [Test]
    public void MoveUnder_ItsOwnSubordinate_ItselfOrItsPresentParent_IsRefused_AndNothingChanges()
    {
        var (_, west, _, bureau, office) = Tree();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bureau.MoveUnder(office, [bureau, office])?.Code, Is.EqualTo("unit.move-into-own-subtree"));
            Assert.That(bureau.MoveUnder(bureau, [bureau, office])?.Code, Is.EqualTo("unit.move-into-own-subtree"));
            Assert.That(bureau.MoveUnder(west, [bureau, office])?.Code, Is.EqualTo("unit.already-under"));
            Assert.That((bureau.Path, office.Path), Is.EqualTo(("/C/W/B/", "/C/W/B/O/")));
        }
    }

    [Test]
    public void Deactivate_IsRefusedWhileAnythingDependsOnTheUnit_ThenRefusesRenameMoveAndBeingAParent()
    {
        var (city, west, east, bureau, office) = Tree();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(city.Deactivate(0, 0, 0, Now)?.Code, Is.EqualTo("unit.root"));
            Assert.That(bureau.Deactivate(1, 0, 0, Now)?.Code, Is.EqualTo("unit.has-active-subordinates"));
            Assert.That(office.Deactivate(0, 2, 0, Now)?.Code, Is.EqualTo("unit.has-open-problems"));
            Assert.That(office.Deactivate(0, 0, 1, Now)?.Code, Is.EqualTo("unit.has-active-users"));
            Assert.That(office.Active, Is.True, "a refusal leaves the unit active");
            Assert.That(office.Deactivate(0, 0, 0, Now), Is.Null);
            Assert.That((office.Active, office.DeactivatedAt), Is.EqualTo((false, (DateTime?)Now)));
            Assert.That(office.Rename("Old office")?.Code, Is.EqualTo("unit.inactive"));
            Assert.That(office.MoveUnder(east, [office])?.Code, Is.EqualTo("unit.inactive"));
            Assert.That(east.MoveUnder(office, [east])?.Code, Is.EqualTo("unit.parent-inactive"));
            Assert.That(office.Deactivate(0, 0, 0, Now)?.Code, Is.EqualTo("unit.inactive"));
        }
    }

    [Test]
    public void Rename_ToTheSameName_IsRefused()
    {
        var (_, _, _, bureau, _) = Tree();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bureau.Rename("Bureau")?.Code, Is.EqualTo("unit.name-unchanged"));
            Assert.That(bureau.Rename("Finance Bureau"), Is.Null);
            Assert.That(bureau.Name, Is.EqualTo("Finance Bureau"));
        }
    }

    [Test]
    public void MoveUnder_WhenTheDeepestPathBelowWouldBeExactly450Characters_IsAllowed()
    {
        // /R/ + 442 characters + / is the new parent's path (446); the unit's /U/ and its subordinate's /S/ make the deepest 450.
        var root = OrgUnit.Create(Guid.NewGuid(), "R", "Root", UnitLevel.City, null);
        var parent = OrgUnit.Create(Guid.NewGuid(), new string('P', 442), "Long", UnitLevel.County, root);
        var unit = OrgUnit.Create(Guid.NewGuid(), "U", "Unit", UnitLevel.Bureau, root);
        var sub = OrgUnit.Create(Guid.NewGuid(), "S", "Sub", UnitLevel.Institution, unit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unit.MoveUnder(parent, [unit, sub]), Is.Null);
            Assert.That(sub.Path, Has.Length.EqualTo(450));
            Assert.That(sub.Path, Is.EqualTo("/R/" + new string('P', 442) + "/U/S/"));
        }
    }

    [Test]
    public void MoveUnder_WhenTheDeepestPathBelowWouldBe451Characters_IsRefusedAsTooDeep_AndNothingChanges()
    {
        var root = OrgUnit.Create(Guid.NewGuid(), "R", "Root", UnitLevel.City, null);
        var parent = OrgUnit.Create(Guid.NewGuid(), new string('P', 443), "Long", UnitLevel.County, root);
        var unit = OrgUnit.Create(Guid.NewGuid(), "U", "Unit", UnitLevel.Bureau, root);
        var sub = OrgUnit.Create(Guid.NewGuid(), "S", "Sub", UnitLevel.Institution, unit);

        var refused = unit.MoveUnder(parent, [unit, sub]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused?.Code, Is.EqualTo("unit.too-deep"));
            Assert.That(refused?.Args["unit"], Is.EqualTo("Unit"));
            Assert.That(refused?.Args["parent"], Is.EqualTo("Long"));
            Assert.That((unit.Path, unit.ParentId, sub.Path), Is.EqualTo(("/R/U/", (Guid?)root.Id, "/R/U/S/")));
        }
    }

    [Test]
    public void MoveUnder_WhenNoSubtreeIsGiven_MeasuresTheUnitsOwnNewPath()
    {
        // The unit's own new path would be /R/ + 445 + /U/ = 451 characters.
        var root = OrgUnit.Create(Guid.NewGuid(), "R", "Root", UnitLevel.City, null);
        var parent = OrgUnit.Create(Guid.NewGuid(), new string('P', 445), "Long", UnitLevel.County, root);
        var fits = OrgUnit.Create(Guid.NewGuid(), new string('P', 444), "Fits", UnitLevel.County, root);
        var unit = OrgUnit.Create(Guid.NewGuid(), "U", "Unit", UnitLevel.Bureau, root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unit.MoveUnder(parent, [])?.Code, Is.EqualTo("unit.too-deep"));
            Assert.That(unit.MoveUnder(fits, []), Is.Null);
            Assert.That(unit.Path, Is.EqualTo("/R/" + new string('P', 444) + "/U/"));
        }
    }

    [Test]
    public void Refusals_NameTheUnitAndTheParentAndTheCount()
    {
        var (_, west, east, bureau, office) = Tree();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bureau.MoveUnder(office, [bureau, office])?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["unit"] = "Bureau", ["parent"] = "Office" }));
            Assert.That(bureau.MoveUnder(west, [bureau, office])?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["unit"] = "Bureau", ["parent"] = "West" }));
            Assert.That(bureau.Rename("Bureau")?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["unit"] = "Bureau" }));
            Assert.That(bureau.Deactivate(3, 0, 0, Now)?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["unit"] = "Bureau", ["count"] = 3 }));
            Assert.That(office.Deactivate(0, 4, 0, Now)?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["unit"] = "Office", ["count"] = 4 }));
            Assert.That(office.Deactivate(0, 0, 5, Now)?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["unit"] = "Office", ["count"] = 5 }));
            Assert.That(east.Deactivate(0, 0, 0, Now), Is.Null);
            Assert.That(bureau.MoveUnder(east, [bureau, office])?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["parent"] = "East" }));
            Assert.That(east.Rename("New East")?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["unit"] = "East" }));
            Assert.That(east.MoveUnder(west, [east])?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["unit"] = "East" }));
            Assert.That(east.Deactivate(0, 0, 0, Now)?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["unit"] = "East" }));
            Assert.That(Tree().City.Deactivate(0, 0, 0, Now)?.Args, Is.EquivalentTo(new Dictionary<string, object?> { ["unit"] = "City" }));
        }
    }
}
