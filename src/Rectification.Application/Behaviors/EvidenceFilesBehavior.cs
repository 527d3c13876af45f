using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Domain.Common;

namespace Rectification.Application.Behaviors;

/// <summary>
/// Around the transaction: evidence files a command kept are deleted again when the command is not committed after all (refused
/// after its handler, lost to a concurrent writer, faulted), so a stored file always has its row.
/// </summary>
public sealed class EvidenceFilesBehavior<TMessage, TResponse>(IEvidenceStore store) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>
    where TResponse : IResult<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        TResponse result;
        try
        {
            result = await next(message, cancellationToken);
        }
        catch
        {
            store.DiscardKept();
            throw;
        }

        if (result.IsSuccess)
        {
            store.AcceptKept();
        }
        else
        {
            store.DiscardKept();
        }

        return result;
    }
}
