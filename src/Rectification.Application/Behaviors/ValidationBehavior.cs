using FluentValidation;
using Mediator;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Application.Behaviors;

/// <summary>
/// First in the pipeline: field errors come back before anything is loaded or checked. Besides the message's own validators,
/// every string it carries must be plain text (<see cref="PlainTextFields"/>). Fields are named as the JSON names them.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IResult<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<(string Field, string Message)>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors.Select(f => (FieldNames.Json(f.PropertyName), f.ErrorMessage)));
        }

        failures.AddRange(PlainTextFields.Check(message));
        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var fields = failures
            .GroupBy(f => f.Field)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Message).Distinct().ToArray());
        return TResponse.Fail(Error.Validation(fields));
    }
}
