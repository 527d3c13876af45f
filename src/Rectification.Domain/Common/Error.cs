namespace Rectification.Domain.Common;

public enum ErrorKind { Validation, NotFound, Forbidden, TransitionNotAllowed, Conflict, RuleBroken }

/// <summary>An expected outcome that is not success. The code is stable and is what clients and the message catalog key on.</summary>
public sealed record Error(ErrorKind Kind, string Code, IReadOnlyDictionary<string, object?> Args)
{
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; init; } = new Dictionary<string, string[]>();

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorKind.Validation, "validation.failed", new Dictionary<string, object?>()) { FieldErrors = fields };

    public static Error NotFound(string entity, object id) =>
        new(ErrorKind.NotFound, "not-found", new Dictionary<string, object?> { ["entity"] = Term.Object(entity), ["id"] = id });

    public static Error Forbidden(string code, params (string Key, object? Value)[] args) =>
        new(ErrorKind.Forbidden, code, args.ToDictionary(a => a.Key, a => a.Value));

    public static Error Conflict(string code, params (string Key, object? Value)[] args) =>
        new(ErrorKind.Conflict, code, args.ToDictionary(a => a.Key, a => a.Value));

    public static Error Rule(string code, params (string Key, object? Value)[] args) =>
        new(ErrorKind.RuleBroken, code, args.ToDictionary(a => a.Key, a => a.Value));

    public static Error Transition(string code, params (string Key, object? Value)[] args) =>
        new(ErrorKind.TransitionNotAllowed, code, args.ToDictionary(a => a.Key, a => a.Value));

    /// <summary>An argument as machine-readable output shows it: a term as its code, a list of terms as their codes.</summary>
    public static object? Plain(object? value) => value switch
    {
        Term term => term.Code,
        IEnumerable<Term> terms => terms.Select(t => t.Code).ToArray(),
        _ => value,
    };
}
