namespace Rectification.Domain.Organization;

/// <summary>Who acts. Every user belongs to a unit; scope is that unit and its subordinates.</summary>
public enum Role
{
    UnitLiaison,
    UnitLeader,
    InspectionOffice,
    InspectionGroup,
    DisciplineCommission,
    OrganizationDepartment,
    Leadership,
    Administrator,
    System,
}
