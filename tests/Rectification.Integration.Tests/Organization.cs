using Rectification.Domain.Organization;
using Rectification.Infrastructure.Persistence;
using DomainUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Integration.Tests;

/// <summary>
/// A small city: two districts, units below them, and users in every role. One unit has nobody in it, so that
/// a notification that must reach its leader cannot be addressed.
/// </summary>
public sealed class Organization
{
    public DomainUnit City { get; } = DomainUnit.Create(Guid.CreateVersion7(), "T", "测试市", UnitLevel.City, null);
    public DomainUnit District1 { get; private set; } = null!;
    public DomainUnit District2 { get; private set; } = null!;
    public DomainUnit Bureau { get; private set; } = null!;
    public DomainUnit Township { get; private set; } = null!;
    public DomainUnit Hospital { get; private set; } = null!;
    public DomainUnit Unstaffed { get; private set; } = null!;

    public static async Task<Organization> SeedAsync(RectificationDbContext db)
    {
        var org = new Organization();
        org.District1 = DomainUnit.Create(Guid.CreateVersion7(), "D1", "一区", UnitLevel.County, org.City);
        org.District2 = DomainUnit.Create(Guid.CreateVersion7(), "D2", "二区", UnitLevel.County, org.City);
        org.Bureau = DomainUnit.Create(Guid.CreateVersion7(), "B1", "一区财政局", UnitLevel.Bureau, org.District1);
        org.Township = DomainUnit.Create(Guid.CreateVersion7(), "T1", "一区东镇", UnitLevel.Township, org.District1);
        org.Hospital = DomainUnit.Create(Guid.CreateVersion7(), "H1", "二区人民医院", UnitLevel.Institution, org.District2);
        org.Unstaffed = DomainUnit.Create(Guid.CreateVersion7(), "X1", "二区无人单位", UnitLevel.Bureau, org.District2);
        db.Units.AddRange(org.City, org.District1, org.District2, org.Bureau, org.Township, org.Hospital, org.Unstaffed);

        Add(db, "office", Role.InspectionOffice, org.City);
        Add(db, "group", Role.InspectionGroup, org.City);
        Add(db, "discipline", Role.DisciplineCommission, org.City);
        Add(db, "organization", Role.OrganizationDepartment, org.City);
        Add(db, "leadership", Role.Leadership, org.City);
        Add(db, "admin", Role.Administrator, org.City);
        Add(db, "d1-discipline", Role.DisciplineCommission, org.District1);
        Add(db, "d2-office", Role.InspectionOffice, org.District2);
        foreach (var unit in new[] { org.Bureau, org.Township, org.Hospital })
        {
            Add(db, $"{unit.Code.ToLowerInvariant()}-leader", Role.UnitLeader, unit);
            Add(db, $"{unit.Code.ToLowerInvariant()}-liaison", Role.UnitLiaison, unit);
        }

        await db.SaveChangesAsync();
        return org;
    }

    private static void Add(RectificationDbContext db, string name, Role role, DomainUnit unit) =>
        db.Users.Add(UserAccount.Create(Guid.CreateVersion7(), name, name, $"{name}@test.local", role, unit.Id, name == "office" ? "en" : "zh-CN"));
}
