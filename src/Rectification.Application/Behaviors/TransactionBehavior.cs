using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Domain.Common;

namespace Rectification.Application.Behaviors;

/// <summary>
/// One transaction per command: the change, its audit entries and its outbox rows are saved together or not at all.
/// A failed command leaves nothing behind, not even in the change tracker of the scope.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IAppDbContext db, IDatabaseErrors errors, IWriteGate gate) : IPipelineBehavior<TMessage, TResponse>
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

            using var turn = await gate.EnterAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (Exception e) when (e is DbUpdateConcurrencyException || errors.IsUniqueViolation(e) || errors.IsDeadlock(e))
            {
                // Someone else changed the same aggregate first: a stale version, a child key taken in the race, or a
                // deadlock the server resolved against this transaction (EF wraps that one as transient, hence the unwrapping).
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var update = e as DbUpdateException ?? e.InnerException as DbUpdateException;
                var entity = update?.Entries.FirstOrDefault()?.Metadata.ClrType.Name ?? "entity";
                return TResponse.Fail(Error.Conflict("concurrency.conflict", ("entity", entity)));
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }, cancellationToken);
    }
}
