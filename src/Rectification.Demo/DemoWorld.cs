using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Demo;

/// <summary>What every part of the demo story shares: the database (to read), the commands, chance, time, the definitions and the city desk.</summary>
internal sealed record DemoWorld(
    RectificationDbContext Db,
    DemoCommands Commands,
    DemoRandom Random,
    DemoTimeline Clock,
    LifecycleDefinition ProblemLifecycle,
    LifecycleDefinition PlanLifecycle,
    LifecycleDefinition ClueLifecycle,
    DemoDesk City)
{
    /// <summary>The account that acts for a party in a unit's case: its own leader and liaison, its district's supervisors, the city's office.</summary>
    public UserAccount ActorFor(Role role, DemoTarget target) => role switch
    {
        Role.UnitLeader => target.Leader,
        Role.UnitLiaison => target.Liaison,
        Role.DisciplineCommission => target.Discipline,
        Role.OrganizationDepartment => target.Organization,
        Role.InspectionOffice => City.Office,
        Role.InspectionGroup => City.Group,
        Role.Leadership => City.Leadership,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No demo account acts for this role."),
    };
}
