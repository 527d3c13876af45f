using Rectification.Domain.Organization;
using OrgUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Domain.Tests.Organization;

/// <summary>Units and their scope (a unit and those below it), accounts, and deputies named for an absence.</summary>
[TestFixture]
public sealed class OrganizationTests
{
    private static readonly Guid User = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Deputy = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly DateTime Now = new(2025, 7, 1, 2, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Create_AUnitBelowAnother_ExtendsTheParentsPath()
    {
        var city = OrgUnit.Create(Guid.Parse("00000000-0000-0000-0000-000000000001"), "C01", "Dongcheng City", UnitLevel.City, null);
        var county = OrgUnit.Create(Guid.Parse("00000000-0000-0000-0000-000000000002"), "K07", "Xishan County", UnitLevel.County, city);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(city.Path, Is.EqualTo("/C01/"));
            Assert.That(city.ParentId, Is.Null);
            Assert.That(county.Path, Is.EqualTo("/C01/K07/"));
            Assert.That(county.ParentId, Is.EqualTo(city.Id));
            Assert.That(county.Id, Is.EqualTo(Guid.Parse("00000000-0000-0000-0000-000000000002")));
            Assert.That(county.Code, Is.EqualTo("K07"));
            Assert.That(county.Name, Is.EqualTo("Xishan County"));
            Assert.That(county.Level, Is.EqualTo(UnitLevel.County));
        }
    }

    [Test]
    public void Contains_ItselfAndUnitsBelow_NotItsParentNorASiblingWhoseCodeStartsTheSame()
    {
        var city = OrgUnit.Create(Guid.NewGuid(), "C01", "Dongcheng City", UnitLevel.City, null);
        var county = OrgUnit.Create(Guid.NewGuid(), "K1", "Xishan County", UnitLevel.County, city);
        var township = OrgUnit.Create(Guid.NewGuid(), "T3", "Beiwang Township", UnitLevel.Township, county);
        var sibling = OrgUnit.Create(Guid.NewGuid(), "K10", "Nanhu County", UnitLevel.County, city);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(county.Contains(county), Is.True);
            Assert.That(county.Contains(township), Is.True);
            Assert.That(city.Contains(township), Is.True);
            Assert.That(county.Contains(city), Is.False);
            Assert.That(county.Contains(sibling), Is.False, "K10 is not below K1");
        }
    }

    [Test]
    public void CreateAccount_SpeaksChineseUnlessToldOtherwise()
    {
        var unitId = Guid.NewGuid();
        var chinese = UserAccount.Create(User, "zhangsan", "张三", "zhangsan@example.org", Role.UnitLiaison, unitId);
        var english = UserAccount.Create(Deputy, "lisi", "Li Si", "lisi@example.org", Role.InspectionOffice, unitId, "en");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chinese.PreferredLanguage, Is.EqualTo("zh-CN"));
            Assert.That(english.PreferredLanguage, Is.EqualTo("en"));
            Assert.That(chinese.Id, Is.EqualTo(User));
            Assert.That(chinese.UserName, Is.EqualTo("zhangsan"));
            Assert.That(chinese.DisplayName, Is.EqualTo("张三"));
            Assert.That(chinese.Email, Is.EqualTo("zhangsan@example.org"));
            Assert.That(chinese.Role, Is.EqualTo(Role.UnitLiaison));
            Assert.That(chinese.UnitId, Is.EqualTo(unitId));
        }
    }

    [Test]
    public void NameDeputy_RecordsThePeriodAndWhy()
    {
        var delegation = Delegation.Name(User, Deputy, new DateOnly(2025, 7, 7), new DateOnly(2025, 7, 11), "annual leave", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delegation.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(delegation.UserId, Is.EqualTo(User));
            Assert.That(delegation.DeputyUserId, Is.EqualTo(Deputy));
            Assert.That(delegation.From, Is.EqualTo(new DateOnly(2025, 7, 7)));
            Assert.That(delegation.To, Is.EqualTo(new DateOnly(2025, 7, 11)));
            Assert.That(delegation.Reason, Is.EqualTo("annual leave"));
            Assert.That(delegation.CreatedAt, Is.EqualTo(Now));
            Assert.That(delegation.Revoked, Is.False);
        }
    }

    [TestCase("2025-07-06", false, TestName = "IsActiveOn_TheDayBeforeThePeriod_IsFalse")]
    [TestCase("2025-07-07", true, TestName = "IsActiveOn_TheFirstDay_IsTrue")]
    [TestCase("2025-07-09", true, TestName = "IsActiveOn_ADayInThePeriod_IsTrue")]
    [TestCase("2025-07-11", true, TestName = "IsActiveOn_TheLastDay_IsTrue")]
    [TestCase("2025-07-12", false, TestName = "IsActiveOn_TheDayAfterThePeriod_IsFalse")]
    public void IsActiveOn_ThePeriodIncludesBothEnds(string day, bool active)
    {
        var delegation = Delegation.Name(User, Deputy, new DateOnly(2025, 7, 7), new DateOnly(2025, 7, 11), "annual leave", Now);

        Assert.That(delegation.IsActiveOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(active));
    }

    [Test]
    public void Revoke_EndsTheDelegationWithinItsPeriod()
    {
        var delegation = Delegation.Name(User, Deputy, new DateOnly(2025, 7, 7), new DateOnly(2025, 7, 11), "annual leave", Now);

        delegation.Revoke();

        Assert.That(delegation.Revoked, Is.True);
        Assert.That(delegation.IsActiveOn(new DateOnly(2025, 7, 9)), Is.False);
    }
}
