using FluentValidation;
using Mediator;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Application.Behaviors;

/// <summary>
/// First in the pipeline: field errors come back before anything is loaded or checked. Besides the message's own validators,
/// every string it carries must be plain text (<see cref="PlainTextFields"/>). Fields are named as the JSON names them. A rule
/// may name its refusal by a code of the message catalog (<c>WithErrorCode</c>, its arguments by <c>WithState</c>): when that
/// is the only refusal, the error keeps its code, so a client can tell it from other field errors.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IResult<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<(string Field, string Message)>();
        var coded = new List<(string Code, IReadOnlyDictionary<string, object?>? Args)>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors.Select(f => (FieldNames.Json(f.PropertyName), f.ErrorMessage)));
            coded.AddRange(result.Errors.Where(f => f.ErrorCode is not null && Messages.Catalog.ContainsKey(f.ErrorCode))
                .Select(f => (f.ErrorCode, f.CustomState as IReadOnlyDictionary<string, object?>)));
        }

        failures.AddRange(PlainTextFields.Check(message));
        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var fields = failures
            .GroupBy(f => f.Field)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Message).Distinct().ToArray());
        return TResponse.Fail(coded.Count == failures.Count && coded.DistinctBy(c => c.Code).ToList() is [var only]
            ? new Error(ErrorKind.Validation, only.Code, only.Args ?? new Dictionary<string, object?>()) { FieldErrors = fields }
            : Error.Validation(fields));
    }
}
