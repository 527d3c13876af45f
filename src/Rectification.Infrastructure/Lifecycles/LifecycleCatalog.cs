using Rectification.Application.Abstractions;
using Rectification.Domain.Lifecycles;

namespace Rectification.Infrastructure.Lifecycles;

/// <summary>Every published version of every lifecycle, filled once at start-up; the current version of each is the highest.</summary>
public sealed class LifecycleCatalog : ILifecycleCatalog
{
    private Dictionary<(string Name, int Version), LifecycleDefinition> versions = [];
    private Dictionary<string, LifecycleDefinition> current = [];

    /// <summary>Files in the workflows folder that are not lifecycles.</summary>
    private static readonly HashSet<string> NotLifecycles = [ReminderFileReader.LaddersFile, ReminderFileReader.CalendarFile, EvaluationFileReader.FileName, VisibilityFileReader.FileName];

    public static bool IsLifecycleFile(string path) => path.EndsWith(".yaml", StringComparison.Ordinal) && !NotLifecycles.Contains(Path.GetFileName(path));

    public IReadOnlyList<LifecycleDefinition> All => versions.Values.ToList();

    public LifecycleDefinition Current(string lifecycle) =>
        current.TryGetValue(lifecycle, out var d) ? d : throw new KeyNotFoundException($"No lifecycle '{lifecycle}' is published.");

    public LifecycleDefinition Get(string lifecycle, int version) =>
        versions.TryGetValue((lifecycle, version), out var d) ? d : throw new KeyNotFoundException($"Lifecycle '{lifecycle}' v{version} is not published.");

    public void Load(IEnumerable<LifecycleDefinition> definitions)
    {
        versions = definitions.ToDictionary(d => (d.Name, d.Version));
        current = versions.Values.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!);
    }

    /// <summary>Reads and validates every <c>*.yaml</c> file of a folder; the first broken file stops with its name and line.</summary>
    public static IReadOnlyList<LifecycleDefinition> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The workflows folder '{folder}' does not exist.");
        }

        var definitions = Directory.EnumerateFiles(folder, "*.yaml")
            .Where(IsLifecycleFile)
            .Order(StringComparer.Ordinal)
            .Select(LifecycleFileReader.Read)
            .ToList();
        var duplicate = definitions.GroupBy(d => (d.Name, d.Version)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new LifecycleFileException(folder, 1, $"lifecycle '{duplicate.Key.Name}' v{duplicate.Key.Version} is defined by more than one file");
        }

        return definitions;
    }

    public static LifecycleCatalog FromFolder(string folder)
    {
        var catalog = new LifecycleCatalog();
        catalog.Load(ReadFolder(folder));
        return catalog;
    }
}
