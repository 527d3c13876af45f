using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Web.Http;

/// <summary>Expected outcomes become ProblemDetails in one place: 400, 404, 403, 409, 409, 422, with the stable code in extensions.</summary>
public static class ResultMapping
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "type", "title", "status", "detail", "instance", "code", "traceId", "errors",
    };

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult>? onSuccess = null) =>
        result.IsSuccess ? (onSuccess ?? (v => Results.Ok(v)))(result.Value) : ToProblem(result.Error!);

    /// <summary>The HTTP status a refusal of this kind answers with.</summary>
    public static int StatusOf(Error error) => error.Kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.TransitionNotAllowed => StatusCodes.Status409Conflict,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <param name="statusOverride">For refusals HTTP has a closer status for than the kind's: 401 for refused credentials, 413, 415.</param>
    public static IResult ToProblem(Error error, int? statusOverride = null)
    {
        var culture = CultureInfo.CurrentUICulture;
        var status = statusOverride ?? StatusOf(error);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        foreach (var (key, value) in error.Args)
        {
            // An argument named like a member of the ProblemDetails (e.g. "code" of a taken problem code, "status" of a decided
            // request) must neither replace the stable code nor write the member twice: it goes under "arg" + its name.
            extensions[Reserved.Contains(key) ? "arg" + char.ToUpperInvariant(key[0]) + key[1..] : key] = Error.Plain(value);
        }

        if (error.Kind == ErrorKind.Validation && statusOverride is null or StatusCodes.Status400BadRequest)
        {
            return Results.ValidationProblem(error.FieldErrors.ToDictionary(kv => FieldNames.Json(kv.Key), kv => kv.Value), Messages.Format(error, culture),
                title: Messages.Title(error.Kind, culture), extensions: extensions);
        }

        var title = status == StatusCodes.Status401Unauthorized ? (Messages.IsEnglish(culture) ? "Sign-in failed" : "登录失败") : Messages.Title(error.Kind, culture);
        return Results.Problem(Messages.Format(error, culture), statusCode: status, title: title, extensions: extensions);
    }
}
