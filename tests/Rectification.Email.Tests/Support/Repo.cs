namespace Rectification.Email.Tests.Support;

/// <summary>Locates the repository (the folder holding <c>workflows/problem.yaml</c>).</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string WorkflowsFolder => Path.Combine(RootPath.Value, "workflows");

    public static string TemplatesFolder => Path.Combine(WorkflowsFolder, "templates");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "workflows", "problem.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above '{AppContext.BaseDirectory}' holds workflows/problem.yaml.");
    }
}
