using Rectification.Application.Abstractions;
using Rectification.Domain.Reminders;

namespace Rectification.Infrastructure.Lifecycles;

/// <summary>Filled once at start-up, after the lifecycles it refers to are known.</summary>
public sealed class ReminderCatalog : IReminderCatalog
{
    private ReminderSettings? settings;

    public ReminderSettings Settings => settings ?? throw new InvalidOperationException("The reminder ladders are not loaded yet.");

    public void Load(ReminderSettings value) => settings = value;
}

/// <summary>Read once, at start-up, from <c>workflows/evaluation.yaml</c>.</summary>
public sealed class EvaluationCatalog(WorkflowsFolder folder) : IEvaluationCatalog
{
    private readonly Lazy<Domain.Evaluations.EvaluationScheme> scheme = new(() => EvaluationFileReader.Read(Path.Combine(folder.Path, EvaluationFileReader.FileName)));

    public Domain.Evaluations.EvaluationScheme Scheme => scheme.Value;
}

/// <summary>Filled once at start-up, after the lifecycles and ladders it is checked against are known.</summary>
public sealed class VisibilityCatalog : IVisibilityCatalog
{
    private Domain.Visibility.VisibilityRules? rules;

    public Domain.Visibility.VisibilityRules Rules => rules ?? throw new InvalidOperationException("The visibility rules are not loaded yet.");

    public void Load(Domain.Visibility.VisibilityRules value) => rules = value;
}
