using Rectification.Domain.Lifecycles;
using Rectification.Infrastructure.Lifecycles;

namespace Rectification.Domain.Tests.Support;

/// <summary>Locates the repository (the folder holding <c>workflows/problem.yaml</c>) and reads its lifecycle files once.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);
    private static readonly Lazy<IReadOnlyDictionary<string, LifecycleDefinition>> Loaded = new(() =>
        LifecycleCatalog.ReadFolder(WorkflowsFolder).ToDictionary(d => d.Name, StringComparer.Ordinal));

    public static string Root => RootPath.Value;

    public static string WorkflowsFolder => Path.Combine(Root, "workflows");

    public static string Readme => Path.Combine(Root, "README.md");

    /// <summary>Every lifecycle of the repository's workflows folder, by name.</summary>
    public static IReadOnlyDictionary<string, LifecycleDefinition> Definitions => Loaded.Value;

    public static LifecycleDefinition Definition(string name) =>
        Definitions.TryGetValue(name, out var d) ? d : throw new InvalidOperationException($"workflows/ holds no lifecycle '{name}'.");

    /// <summary>The lifecycle files: every YAML file of workflows/ but the reminder ladders and the calendar.</summary>
    public static IEnumerable<string> WorkflowFiles => Directory.EnumerateFiles(WorkflowsFolder, "*.yaml")
        .Where(LifecycleCatalog.IsLifecycleFile)
        .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        string start;
        try
        {
            start = TestContext.CurrentContext.TestDirectory;
        }
        catch (Exception)
        {
            // Test case sources run while tests are discovered, possibly before a test context exists.
            start = AppContext.BaseDirectory;
        }

        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "workflows", "problem.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above '{start}' holds workflows/problem.yaml.");
    }
}
