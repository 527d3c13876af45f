namespace Rectification.Web;

/// <summary>Where the lifecycle files are: configured, else the repository's <c>workflows/</c>, else the copy beside the binaries.</summary>
public static class WorkflowsFolderResolver
{
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Workflows:Path"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured, environment.ContentRootPath);
        }

        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (File.Exists(Path.Combine(candidate, "problem.yaml")))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "workflows");
    }
}
