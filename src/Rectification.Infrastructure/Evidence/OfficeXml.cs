using System.Xml;

namespace Rectification.Infrastructure.Evidence;

/// <summary>Reads a package's XML parts as data: no DTD (no entity expansion), nothing resolved from outside.</summary>
internal static class OfficeXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Each element with the given local name (whatever its namespace), as its attributes by local name.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Elements(Stream part, params string[] localNames)
    {
        using var reader = XmlReader.Create(part, Settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || !localNames.Contains(reader.LocalName, StringComparer.Ordinal))
            {
                continue;
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["#element"] = reader.LocalName };
            while (reader.MoveToNextAttribute())
            {
                attributes[reader.LocalName] = reader.Value;
            }

            yield return attributes;
        }
    }
}
