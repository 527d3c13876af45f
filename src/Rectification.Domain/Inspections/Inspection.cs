using Rectification.Domain.Common;

namespace Rectification.Domain.Inspections;

/// <summary>SelfCheck: the inspection a unit opens for itself when a pushed common problem (未巡先改) is present there.</summary>
public enum InspectionKind { Regular, Special, Mobile, Cross, Elevated, LookBack, SelfCheck }

/// <summary>One inspection (巡视/巡察) of one unit in one round.</summary>
public sealed class Inspection : IVersioned
{
    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid UnitId { get; private set; }
    public InspectionKind Kind { get; private set; }
    public string GroupName { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public DateTime? FedBackAt { get; private set; }
    public long Version { get; set; }

    private Inspection() { }

    public static Inspection Register(Guid id, Guid roundId, Guid unitId, InspectionKind kind, string groupName, DateOnly start, DateOnly end) => new()
    {
        Id = id,
        RoundId = roundId,
        UnitId = unitId,
        Kind = kind,
        GroupName = groupName,
        StartDate = start,
        EndDate = end,
    };

    public void MarkFedBack(DateTime utcNow) => FedBackAt ??= utcNow;
}
