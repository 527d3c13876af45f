using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Clues;

/// <summary>The colour of a handover sheet (交办单); it sets the processing time limit, red fastest.</summary>
public enum SheetColour { Red, Yellow, Blue }

/// <summary>How a clue's investigation ended, with the counts the statistics report.</summary>
public sealed record ClueOutcome(string Summary, int CasesFiled, int PeopleDisciplined, int TransferredToJudicial, decimal MoneyRecovered);

/// <summary>A problem clue (问题线索) handed over to the discipline commission on a coloured sheet.</summary>
public sealed class Clue : ILifecycleCase, IVersioned
{
    public const string Lifecycle = "clue";

    CaseKind ILifecycleCase.CaseKind => CaseKind.Clue;

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Code { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public SheetColour Colour { get; private set; }
    public string State { get; set; } = "";
    public int DefinitionVersion { get; private set; }
    public DateTime HandedOverAt { get; private set; }
    public DateOnly DueDate { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public Guid? AcceptedBy { get; private set; }
    public DateTime? ConcludedAt { get; private set; }
    public ClueOutcome? Outcome { get; private set; }
    public List<Guid> ProblemIds { get; private set; } = [];
    public long Version { get; set; }

    private Clue() { }

    public static Clue HandOver(LifecycleDefinition definition, Guid id, Guid inspectionId, Guid unitId, string code, string summary,
        SheetColour colour, DateOnly dueDate, IEnumerable<Guid> problemIds, DateTime utcNow) => new()
    {
        Id = id,
        InspectionId = inspectionId,
        UnitId = unitId,
        Code = code,
        Summary = summary,
        Colour = colour,
        State = definition.Initial,
        DefinitionVersion = definition.Version,
        HandedOverAt = utcNow,
        DueDate = dueDate,
        ProblemIds = problemIds.Distinct().ToList(),
    };

    public Error? Accept(LifecycleMachine machine, Role actor, Guid userId, DateTime utcNow)
    {
        var refusal = machine.Fire(ClueTriggers.Accept, actor);
        if (refusal is null)
        {
            AcceptedAt = utcNow;
            AcceptedBy = userId;
        }

        return refusal;
    }

    public void ExtendDue(DateOnly newDue) => DueDate = newDue;

    public Error? StartInvestigation(LifecycleMachine machine, Role actor) => machine.Fire(ClueTriggers.StartInvestigation, actor);

    /// <summary>Concludes the investigation; the outcome comes with the conclusion, so a concluded clue always has one.</summary>
    public Error? Conclude(LifecycleMachine machine, Role actor, ClueOutcome outcome, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var refusal = machine.Fire(ClueTriggers.Conclude, actor);
        if (refusal is null)
        {
            Outcome = outcome;
            ConcludedAt = utcNow;
        }

        return refusal;
    }
}

public static class ClueTriggers
{
    public const string Accept = nameof(Accept);
    public const string StartInvestigation = nameof(StartInvestigation);
    public const string Conclude = nameof(Conclude);
}

public static class ClueStates
{
    public const string HandedOver = nameof(HandedOver);
    public const string Accepted = nameof(Accepted);
    public const string UnderInvestigation = nameof(UnderInvestigation);
    public const string Concluded = nameof(Concluded);
    public static readonly string[] All = [HandedOver, Accepted, UnderInvestigation, Concluded];
}
