using System.Text.Json;

namespace Rectification.Application.Messaging;

/// <summary>How an error names a field: as the client wrote it in its JSON body, so it can show the error beside that field.</summary>
public static class FieldNames
{
    /// <summary>"LineComments[0].Comment" (as FluentValidation names a member) to "lineComments[0].comment" (as JSON names it); idempotent.</summary>
    public static string Json(string memberPath) =>
        string.Join('.', memberPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
