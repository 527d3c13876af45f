namespace Rectification.Domain.Lifecycles;

/// <summary>An aggregate whose state is driven by a lifecycle definition.</summary>
public interface ILifecycleCase
{
    Guid Id { get; }
    Guid UnitId { get; }
    string State { get; set; }
    int DefinitionVersion { get; }

    /// <summary>The kind of case, so shared code never switches on the aggregate's type or name.</summary>
    CaseKind CaseKind { get; }
}
