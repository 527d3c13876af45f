using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Application.Behaviors;

/// <summary>
/// Applies <see cref="PlainText"/> to every string a message carries, its nested records and lists included, so that no command
/// can forget it; the errors are keyed by the field's JSON name (<c>title</c>, <c>lineComments[0].comment</c>).
/// </summary>
public static class PlainTextFields
{
    public const string Code = "text.forbidden-character";
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static IEnumerable<(string Field, string Message)> Check(object message)
    {
        var found = new List<(string, string)>();
        Walk(message, "", 0, found);
        return found;
    }

    private static void Walk(object value, string path, int depth, List<(string, string)> found)
    {
        switch (value)
        {
            case string text:
                if (PlainText.FirstForbidden(text) is { } violation)
                {
                    found.Add((path, Messages.Format(Code, new Dictionary<string, object?>
                    {
                        ["character"] = violation.CodePoint,
                        ["position"] = violation.Position,
                    }, CultureInfo.CurrentUICulture)));
                }

                return;
            case byte[]:
                return;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), depth + 1, found);
                    }

                    index++;
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Rectification.", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            if (property.GetValue(value) is { } member)
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                Walk(member, path.Length == 0 ? name : path + "." + name, depth + 1, found);
            }
        }
    }

    /// <summary>What a client sends: public properties, without the computed ones the JSON leaves out nor secrets (any character goes).</summary>
    private static PropertyInfo[] Readable(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null
            && p.GetCustomAttribute<Messaging.SecretAttribute>() is null && p.Name != "EqualityContract")
        .ToArray();
}
