using System.Reflection;
using Mediator;
using Microsoft.Extensions.Logging;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Application.Behaviors;

/// <summary>
/// Role, then unit scope, then what the visibility rules let this role see. An object outside the user's scope, or
/// hidden from the role (a clue sheet, a finding not yet fed back), answers exactly like one that does not exist,
/// so identifiers of other units' objects reveal nothing. Every refusal is logged.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user, ScopeResolver scopes, Visibility.ReadPolicy visibility,
    ILogger<AuthorizationBehavior<TMessage, TResponse>> log)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IResult<TResponse>
{
    private static readonly AllowedRolesAttribute? Allowed = typeof(TMessage).GetCustomAttribute<AllowedRolesAttribute>();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Allowed is not null && !Allowed.Roles.Contains(user.Role))
        {
            log.LogWarning("Refused {Request} for {User} ({Role}): role not allowed", typeof(TMessage).Name, user.UserName, user.Role);
            return TResponse.Fail(Error.Forbidden("authorization.role-not-allowed",
                ("request", Term.Action(typeof(TMessage).Name)), ("role", Term.Of(user.Role)), ("roles", Allowed.Roles.Select(r => Term.Of(r)).ToList())));
        }

        if (message is IScoped scoped)
        {
            var path = await scopes.UnitPathOfAsync(scoped.Target, cancellationToken);
            var reason = path is null ? "not found"
                : !ScopeResolver.Covers(user, path) ? "outside scope"
                : !await visibility.AllowsAsync(scoped.Target, cancellationToken) ? "not visible to the role"
                : null;
            if (reason is not null)
            {
                log.LogWarning("Refused {Request} for {User} ({Role}) on {Kind} {Id}: {Reason}",
                    typeof(TMessage).Name, user.UserName, user.Role, scoped.Target.Kind, scoped.Target.Id, reason);
                return TResponse.Fail(Error.NotFound(scoped.Target.Kind.ToString(), scoped.Target.Id));
            }
        }

        return await next(message, cancellationToken);
    }
}
