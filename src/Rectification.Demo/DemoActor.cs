using Rectification.Application.Abstractions;

namespace Rectification.Demo;

/// <summary>Who the demo acts as in one command's scope: the account that would take this step (see <see cref="DemoCommands"/>).</summary>
public sealed class DemoActor
{
    public ICurrentUser? User { get; set; }
}
