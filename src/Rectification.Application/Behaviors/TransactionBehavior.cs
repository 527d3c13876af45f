using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Domain.Common;

namespace Rectification.Application.Behaviors;

/// <summary>
/// One transaction per command: the change, its audit entries and its outbox rows are saved together or not at all.
/// A failed command leaves nothing behind, not even in the change tracker of the scope.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IAppDbContext db, AtomicSave save) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>
    where TResponse : IResult<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            TResponse result;
            try
            {
                result = await next(message, ct);
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }

            if (!result.IsSuccess)
            {
                db.ChangeTracker.Clear();
                return result;
            }

            var outcome = await save.SaveAsync(ct);
            return outcome.Saved ? result : TResponse.Fail(Error.Conflict("concurrency.conflict", ("entity", outcome.ConflictingEntity)));
        }, cancellationToken);
    }
}
