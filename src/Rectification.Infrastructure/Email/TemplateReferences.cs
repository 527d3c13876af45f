using System.Text.RegularExpressions;

namespace Rectification.Infrastructure.Email;

/// <summary>
/// The template names the workflow files mention (<c>template: NAME</c>, in block or flow style). Read from the text,
/// not through each file's reader, so that every kind of workflow file is covered, reminders as much as lifecycles.
/// </summary>
public static partial class TemplateReferences
{
    public static IReadOnlyList<string> InFolder(string workflowsFolder) =>
        Directory.Exists(workflowsFolder)
            ? Directory.EnumerateFiles(workflowsFolder, "*.yaml").Order(StringComparer.Ordinal)
                .SelectMany(f => InText(File.ReadAllText(f))).Distinct(StringComparer.Ordinal).ToList()
            : [];

    public static IEnumerable<string> InText(string yaml) =>
        yaml.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Split('#')[0])
            .SelectMany(line => Reference().Matches(line).Select(m => m.Groups[1].Value));

    [GeneratedRegex(@"(?:^|[\s{,])template:\s*([A-Za-z0-9][A-Za-z0-9_-]*)")]
    private static partial Regex Reference();
}
