using Microsoft.EntityFrameworkCore;
using Rectification.Application.Administration.Accounts;
using Rectification.Application.Organization;
using Rectification.Domain.Organization;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// Renaming, moving and deactivating units through the pipeline: each change is one audit entry per changed unit, and each
/// refusal (a move under the unit's own subtree, a deactivation while something still depends on the unit) changes nothing.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class UnitAdministrationTests(DatabaseProvider provider) : HostTest(provider)
{
    private const string Password = "Unit-Admin-Password-2026";

    [Test]
    public async Task Rename_ChangesTheNameOnly_WithOneAuditEntry()
    {
        var unit = Ok(await Host.Send<UnitDto>("admin", new CreateUnit(Org.District1.Id, "RN1", "一区档案馆", UnitLevel.Institution)));
        var renamed = Ok(await Host.Send<UnitDto>("admin", new RenameUnit(unit.Id, "  一区档案局 ")));
        var stored = await Host.Query(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == unit.Id));
        var entries = await Entries(unit.Id, nameof(RenameUnit));
        var again = await Host.SendForError(await Host.Actor("admin"), new RenameUnit(unit.Id, "一区档案局"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((renamed.Name, stored.Name, stored.Code, stored.Path), Is.EqualTo(("一区档案局", "一区档案局", "RN1", "/T/D1/RN1/")));
            Assert.That(entries.Select(e => (e.UserName, Name(e.Before), Name(e.After))), Is.EqualTo(new[] { ("admin", "一区档案馆", "一区档案局") }));
            Assert.That(again?.Code, Is.EqualTo("unit.name-unchanged"));
        }
    }

    [Test]
    public async Task Move_RewritesThePathsOfTheUnitAndEverythingBelow_AndScopeFollows()
    {
        var unit = Ok(await Host.Send<UnitDto>("admin", new CreateUnit(Org.District1.Id, "MV1", "一区水务局", UnitLevel.Bureau)));
        var below = Ok(await Host.Send<UnitDto>("admin", new CreateUnit(unit.Id, "MV2", "一区水务局水库管理站", UnitLevel.Institution)));
        var moved = Ok(await Host.Send<UnitDto>("admin", new MoveUnit(unit.Id, Org.District2.Id)));
        var paths = await Host.Query(db => db.Units.AsNoTracking().Where(u => u.Id == unit.Id || u.Id == below.Id).OrderBy(u => u.Path)
            .Select(u => new { u.Path, u.ParentId }).ToListAsync());
        var entries = (await Entries(unit.Id, nameof(MoveUnit))).Concat(await Entries(below.Id, nameof(MoveUnit))).ToList();
        var seenByD2 = Ok(await Host.Send<IReadOnlyList<UnitDto>>("d2-office", new ListUnits())).Select(u => u.Code).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((moved.ParentId, moved.Path), Is.EqualTo(((Guid?)Org.District2.Id, "/T/D2/MV1/")));
            Assert.That(paths.Select(p => (p.Path, p.ParentId)), Is.EqualTo(new[] { ("/T/D2/MV1/", (Guid?)Org.District2.Id), ("/T/D2/MV1/MV2/", (Guid?)unit.Id) }));
            Assert.That(entries, Has.Count.EqualTo(2), "one entry per changed unit");
            Assert.That(seenByD2, Does.Contain("MV1").And.Contain("MV2"), "the second district's scope now covers the moved branch");
        }
    }

    [Test]
    public async Task Move_UnderItsOwnSubtree_IsRefused_AndNothingChanges()
    {
        var before = await Host.Query(db => db.Units.AsNoTracking().OrderBy(u => u.Path).Select(u => u.Path).ToListAsync());
        var audit = await Host.Query(db => db.AuditEntries.CountAsync());
        var admin = await Host.Actor("admin");
        var underChild = await Host.SendForError(admin, new MoveUnit(Org.District1.Id, Org.Bureau.Id));
        var underItself = await Host.SendForError(admin, new MoveUnit(Org.District1.Id, Org.District1.Id));
        var after = await Host.Query(db => db.Units.AsNoTracking().OrderBy(u => u.Path).Select(u => u.Path).ToListAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(underChild?.Code, Is.EqualTo("unit.move-into-own-subtree"));
            Assert.That(underItself?.Code, Is.EqualTo("unit.move-into-own-subtree"));
            Assert.That(after, Is.EqualTo(before));
            Assert.That(await Host.Query(db => db.AuditEntries.CountAsync()), Is.EqualTo(audit), "a refusal writes no audit entry");
        }
    }

    [Test]
    public async Task Deactivate_IsRefusedWhileSubordinatesProblemsOrAccountsDependOnTheUnit_ThenTakesNothingNew()
    {
        var admin = await Host.Actor("admin");
        var withSubordinates = await Host.SendForError(admin, new DeactivateUnit(Org.District2.Id));
        await InRectification(Org.Bureau);
        var withProblems = await Host.SendForError(admin, new DeactivateUnit(Org.Bureau.Id));
        var root = await Host.SendForError(admin, new DeactivateUnit(Org.City.Id));

        var unit = Ok(await Host.Send<UnitDto>("admin", new CreateUnit(Org.District1.Id, "DA1", "一区撤并办", UnitLevel.Institution)));
        var account = Ok(await Host.Send<Guid>("admin", new CreateAccount("da1-liaison", "撤并办联络员", Role.UnitLiaison, "da1@test.local", "zh-CN", unit.Id, Password)));
        var withAccount = await Host.SendForError(admin, new DeactivateUnit(unit.Id));
        var stillActive = await Host.Query(db => db.Units.AsNoTracking().Where(u => u.Id == unit.Id || u.Id == Org.Bureau.Id || u.Id == Org.District2.Id)
            .CountAsync(u => u.DeactivatedAt == null));
        Ok(await Host.Send<Guid>("admin", new DisableAccount(account)));
        var deactivated = Ok(await Host.Send<UnitDto>("admin", new DeactivateUnit(unit.Id)));
        var stored = await Host.Query(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == unit.Id));
        var entries = await Entries(unit.Id, nameof(DeactivateUnit));
        var childRefused = await Host.SendForError(admin, new CreateUnit(unit.Id, "DA2", "下级", UnitLevel.Village));
        var accountRefused = await Host.SendForError(admin, new CreateAccount("da1-other", "新人", Role.UnitLiaison, "da1o@test.local", "zh-CN", unit.Id, Password));
        var moveInto = await Host.SendForError(admin, new MoveUnit(Org.Township.Id, unit.Id));
        var twice = await Host.SendForError(admin, new DeactivateUnit(unit.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withSubordinates?.Code, Is.EqualTo("unit.has-active-subordinates"));
            Assert.That(withProblems?.Code, Is.EqualTo("unit.has-open-problems"));
            Assert.That(root?.Code, Is.EqualTo("unit.root"));
            Assert.That(withAccount?.Code, Is.EqualTo("unit.has-active-users"));
            Assert.That(stillActive, Is.EqualTo(3), "a refused deactivation changes nothing");
            Assert.That(await Host.Query(db => db.AuditEntries.CountAsync(a => a.Command == nameof(DeactivateUnit) && a.EntityId != unit.Id)), Is.Zero);
            Assert.That((deactivated.Active, stored.DeactivatedAt), Is.EqualTo((false, (DateTime?)Host.Clock.GetUtcNow().UtcDateTime)));
            Assert.That(entries.Select(e => (e.EntityType, e.Before)), Is.EqualTo(new[] { ("Unit", """{"DeactivatedAt":null}""") }));
            Assert.That(childRefused?.Code, Is.EqualTo("unit.parent-inactive"));
            Assert.That(accountRefused?.Code, Is.EqualTo("unit.inactive"));
            Assert.That(moveInto?.Code, Is.EqualTo("unit.parent-inactive"));
            Assert.That(twice?.Code, Is.EqualTo("unit.inactive"));
        }
    }

    private static string? Name(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!["Name"]?.GetValue<string>();

    private Task<List<Domain.Auditing.AuditEntry>> Entries(Guid unitId, string command) =>
        Host.Query(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == unitId && a.Command == command).OrderBy(a => a.Id).ToListAsync());
}
