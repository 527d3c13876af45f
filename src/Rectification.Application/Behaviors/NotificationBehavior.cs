using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Behaviors;

/// <summary>
/// Cross-notification is a rule, not a courtesy: for every lifecycle event the command raised, the definition's
/// notification rules are addressed and written to the outbox in the same transaction. A required rule whose
/// role has nobody to receive it refuses the whole command.
/// </summary>
public sealed class NotificationBehavior<TMessage, TResponse>(IAppDbContext db, RaisedEvents events, RecipientResolver recipients, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>
    where TResponse : IResult<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var result = await next(message, cancellationToken);
        if (!result.IsSuccess)
        {
            return result;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var written = new HashSet<(Guid Case, string Event, Guid User)>();
        foreach (var raised in events.All)
        {
            foreach (var rule in raised.Definition.NotificationsOn(raised.Name))
            {
                foreach (var spec in rule.To)
                {
                    var users = await recipients.ResolveAsync(spec, raised.Case.UnitId, raised.Definition.Name, cancellationToken);
                    if (users.Count == 0 && rule.Required)
                    {
                        var unit = await db.Units.Where(u => u.Id == raised.Case.UnitId).Select(u => u.Name).FirstAsync(cancellationToken);
                        return TResponse.Fail(Error.Rule("notification.no-recipient",
                            ("event", raised.Name), ("role", spec.Role.ToString()), ("scope", spec.Scope.ToString()), ("unit", unit)));
                    }

                    foreach (var user in users.Where(u => written.Add((raised.Case.Id, raised.Name, u.Id))))
                    {
                        db.Queue(Model(raised), raised.Name, rule.Template, spec, user, now);
                    }
                }
            }
        }

        return result;
    }

    private static MailModel Model(RaisedEvent raised) =>
        new(raised.Definition.Name, raised.Case.Id, raised.Case.UnitId) { State = raised.Case.State };
}
