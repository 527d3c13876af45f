using Rectification.Domain.Visibility;

namespace Rectification.Application.Abstractions;

/// <summary>Who may see what, from <c>workflows/visibility.yaml</c>, loaded at start-up.</summary>
public interface IVisibilityCatalog
{
    VisibilityRules Rules { get; }
}
