using System.Text.RegularExpressions;

namespace Rectification.Domain.Tests.Support;

public enum DiagramSync { Matches, Differs, Updated, MissingFile, MissingMarkers }

/// <summary>
/// The lifecycle diagrams README.md shows, each between <c>&lt;!-- lifecycle:NAME:begin --&gt;</c> and
/// <c>&lt;!-- lifecycle:NAME:end --&gt;</c> as a <c>```mermaid</c> fenced block.
/// </summary>
internal static class ReadmeDiagrams
{
    public const string UpdateVariable = "UPDATE_DIAGRAMS";

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string Begin(string lifecycle) => $"<!-- lifecycle:{lifecycle}:begin -->";

    public static string End(string lifecycle) => $"<!-- lifecycle:{lifecycle}:end -->";

    /// <summary>The fenced diagram between the lifecycle's markers (line endings as <c>\n</c>, trimmed), or null if there is none.</summary>
    public static string? Extract(string readme, string lifecycle)
    {
        var match = Fenced(lifecycle).Match(readme);
        return match.Success ? match.Groups["body"].Value.ReplaceLineEndings("\n").Trim() : null;
    }

    /// <summary>README text with everything between the lifecycle's markers replaced by the diagram's fenced block, or null if the markers are missing.</summary>
    public static string? Replace(string readme, string lifecycle, string diagram)
    {
        var match = Markers(lifecycle).Match(readme);
        if (!match.Success)
        {
            return null;
        }

        var newline = readme.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var block = string.Join(newline, "", "```mermaid", diagram.ReplaceLineEndings("\n").Trim().ReplaceLineEndings(newline), "```", "");
        var inner = match.Groups["inner"];
        return string.Concat(readme.AsSpan(0, inner.Index), block, readme.AsSpan(inner.Index + inner.Length));
    }

    /// <summary>Compares the README's block for the lifecycle with the diagram, or rewrites the block when <paramref name="update"/> is set.</summary>
    public static (DiagramSync Outcome, string? Shown) Sync(string readmePath, string lifecycle, string diagram, bool update)
    {
        if (!File.Exists(readmePath))
        {
            return (DiagramSync.MissingFile, null);
        }

        var readme = File.ReadAllText(readmePath);
        var expected = diagram.ReplaceLineEndings("\n").Trim();
        var shown = Extract(readme, lifecycle);
        if (shown == expected)
        {
            return (DiagramSync.Matches, shown);
        }

        if (!update)
        {
            return (Markers(lifecycle).IsMatch(readme) ? DiagramSync.Differs : DiagramSync.MissingMarkers, shown);
        }

        if (Replace(readme, lifecycle, diagram) is not { } updated)
        {
            return (DiagramSync.MissingMarkers, shown);
        }

        File.WriteAllText(readmePath, updated);
        return (DiagramSync.Updated, shown);
    }

    private static Regex Markers(string lifecycle) =>
        new($"{Regex.Escape(Begin(lifecycle))}(?<inner>.*?){Regex.Escape(End(lifecycle))}", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static Regex Fenced(string lifecycle) =>
        new($@"{Regex.Escape(Begin(lifecycle))}\s*```mermaid[ \t]*\r?\n(?<body>.*?)\r?\n[ \t]*```\s*{Regex.Escape(End(lifecycle))}",
            RegexOptions.Singleline | RegexOptions.CultureInvariant);
}
