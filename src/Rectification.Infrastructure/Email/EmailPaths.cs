using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Rectification.Infrastructure.Email;

/// <summary>
/// Where the pickup folder and the templates are. Relative settings are taken from the content root, like the
/// database file; without a setting, templates are <c>workflows/templates/</c>, found the way the lifecycle files are.
/// </summary>
public sealed class EmailPaths(IOptions<EmailOptions> options, IConfiguration? configuration = null, IHostEnvironment? environment = null)
{
    private string Root => environment?.ContentRootPath is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();

    public string PickupFolder => Path.GetFullPath(options.Value.PickupFolder, Root);

    public string TemplatesFolder => options.Value.TemplatesFolder is { Length: > 0 } configured
        ? Path.GetFullPath(configured, Root)
        : Path.Combine(WorkflowsFolder, "templates");

    /// <summary>The lifecycle and reminder files: <c>Workflows:Path</c>, else the nearest <c>workflows/</c> above the content root, else beside the binaries.</summary>
    public string WorkflowsFolder
    {
        get
        {
            if (configuration?["Workflows:Path"] is { Length: > 0 } configured)
            {
                return Path.GetFullPath(configured, Root);
            }

            for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (Directory.Exists(Path.Combine(candidate, "templates")))
                {
                    return candidate;
                }
            }

            return Path.Combine(AppContext.BaseDirectory, "workflows");
        }
    }
}
