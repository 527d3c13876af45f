using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Lifecycles;

/// <summary>The case a lifecycle command acts on, its machine for the acting user, and the moment of the action.</summary>
public sealed record LifecycleStep<TCase>(TCase Case, LifecycleMachine Machine, DateTime Now) where TCase : class, ILifecycleCase
{
    public LifecycleDefinition Definition => Machine.Definition;
}

/// <summary>
/// The handler of a command that fires one trigger on one case. The rule behavior has already checked state, role and guards; the
/// handler finds the same case in the unit of work and fires on a machine of the same lifecycle version for the same actor.
/// </summary>
public abstract class LifecycleCommandHandler<TCommand, TCase, TResponse>(LifecycleCommandServices services)
    : ICommandHandler<TCommand, Result<TResponse>>
    where TCommand : IAppCommand<TResponse>, ILifecycleCommand
    where TCase : class, ILifecycleCase
{
    protected ICurrentUser User => services.User;

    public async ValueTask<Result<TResponse>> Handle(TCommand command, CancellationToken cancellationToken)
    {
        if (await services.Cases.FindAsync(command.Target, cancellationToken) is not TCase subject)
        {
            return Error.NotFound(command.Target.Kind.ToString(), command.Target.Id);
        }

        // A command that succeeds saves the case one version on (AuditBehavior marks it changed, the context writes original + 1): the
        // answer built from it carries the version a read right after shows. A refusal is never saved, so the step costs nothing then.
        if (subject is IVersioned versioned)
        {
            versioned.Version++;
        }

        var now = services.Clock.GetUtcNow().UtcDateTime;
        return await Fire(command, new LifecycleStep<TCase>(subject, services.Catalog.MachineFor(subject, services.User.Role, now), now), cancellationToken);
    }

    protected abstract ValueTask<Result<TResponse>> Fire(TCommand command, LifecycleStep<TCase> step, CancellationToken ct);
}

/// <summary>What every lifecycle handler needs, in one parameter so that each use case names only its own dependencies.</summary>
public sealed class LifecycleCommandServices(CaseStore cases, ILifecycleCatalog catalog, ICurrentUser user, TimeProvider clock)
{
    public CaseStore Cases => cases;
    public ILifecycleCatalog Catalog => catalog;
    public ICurrentUser User => user;
    public TimeProvider Clock => clock;
}
