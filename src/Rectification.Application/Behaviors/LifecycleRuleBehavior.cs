using Mediator;
using Microsoft.Extensions.Logging;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Behaviors;

/// <summary>
/// The workflow rule: loads the case, refuses a stale version, and asks the case's own lifecycle version
/// whether this actor may fire this trigger in this state with these guards, before the handler changes anything.
/// </summary>
public sealed class LifecycleRuleBehavior<TMessage, TResponse>(
    CaseStore cases, ILifecycleCatalog catalog, ICurrentUser user, TimeProvider clock, RaisedEvents events,
    ILogger<LifecycleRuleBehavior<TMessage, TResponse>> log)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ILifecycleCommand, IMessage
    where TResponse : IResult<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var loaded = await cases.LoadAsync(message.Target, cancellationToken);
        if (loaded is not { } found)
        {
            return TResponse.Fail(Error.NotFound(message.Target.Kind.ToString(), message.Target.Id));
        }

        var versioned = (IVersioned)found.Case;
        if (message.ExpectedVersion is { } expected && expected != versioned.Version)
        {
            return TResponse.Fail(Error.Conflict("concurrency.stale-version",
                ("entity", message.Target.Kind.ToString()), ("id", message.Target.Id), ("expected", expected), ("current", versioned.Version)));
        }

        var machine = catalog.MachineFor(found.Case, user.Role, clock.GetUtcNow().UtcDateTime);
        var definition = machine.Definition;
        if (machine.Check(message.Trigger, user.Role) is { } refusal)
        {
            log.LogInformation("Refused {Trigger} on {Lifecycle} {Id} in state {State} for {User} ({Role}): {Code}",
                message.Trigger, found.Lifecycle, message.Target.Id, found.Case.State, user.UserName, user.Role, refusal.Code);
            return TResponse.Fail(refusal);
        }

        events.Raise(definition, found.Case, message.Trigger);
        return await next(message, cancellationToken);
    }
}
