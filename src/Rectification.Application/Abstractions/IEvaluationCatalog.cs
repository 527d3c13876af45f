using Rectification.Domain.Evaluations;

namespace Rectification.Application.Abstractions;

/// <summary>The effect-evaluation scheme from <c>workflows/evaluation.yaml</c>.</summary>
public interface IEvaluationCatalog
{
    EvaluationScheme Scheme { get; }
}
