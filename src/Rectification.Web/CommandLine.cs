using Rectification.Domain.Organization;

namespace Rectification.Web;

/// <summary>
/// The host's command line. <c>--seed-demo</c> and <c>--seed-only</c> are plain switches and <c>setup</c> a verb with its own
/// options; they are taken out before ASP.NET Core reads the rest as configuration, whose provider would otherwise read a switch
/// followed by an argument as a key and its value (<c>--seed-demo --urls …</c> lost the address).
/// </summary>
/// <param name="BackupTo">The folder of <c>backup --to FOLDER</c>.</param>
public sealed record CommandLine(string[] HostArguments, bool SeedDemo, bool SeedOnly, SetupOptions? Setup, string? Problem, string? BackupTo = null)
{
    public const string AdminPasswordVariable = "RECTIFICATION_ADMIN_PASSWORD";

    public static CommandLine Parse(string[] args)
    {
        var rest = new List<string>();
        bool seedDemo = false, seedOnly = false;
        SetupOptions? setup = null;
        string? problem = null, backupTo = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed-demo":
                    seedDemo = true;
                    break;
                case "--seed-only":
                    seedOnly = true;
                    break;
                case "setup":
                    (setup, problem, i) = ReadSetup(args, i + 1);
                    break;
                case "backup" when i + 2 < args.Length && args[i + 1] == "--to":
                    backupTo = args[i + 2];
                    i += 2;
                    break;
                case "backup":
                    problem = "backup needs --to FOLDER";
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new CommandLine([.. rest], seedDemo, seedOnly, setup, problem, backupTo);
    }

    /// <summary>The setup's options up to the first argument that is not one of them (which goes on to configuration).</summary>
    private static (SetupOptions?, string?, int) ReadSetup(string[] args, int start)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = start;
        for (; i + 1 < args.Length && SetupOptions.Names.Contains(args[i]); i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        if (i < args.Length && SetupOptions.Names.Contains(args[i]))
        {
            return (null, $"setup: {args[i]} needs a value", i);
        }

        if (!values.TryGetValue("--root-code", out var code) || !values.TryGetValue("--root-name", out var name) || !values.TryGetValue("--admin-email", out var email))
        {
            return (null, "setup needs --root-code, --root-name and --admin-email (" + SetupOptions.Usage + ")", i - 1);
        }

        var level = UnitLevel.City;
        if (values.TryGetValue("--root-level", out var levelText) && !Enum.TryParse(levelText, ignoreCase: true, out level))
        {
            return (null, $"setup: --root-level is one of {string.Join(", ", Enum.GetNames<UnitLevel>())}", i - 1);
        }

        return (new SetupOptions(code, name, level, values.GetValueOrDefault("--admin") ?? "admin", values.GetValueOrDefault("--admin-name") ?? "系统管理员",
            email, values.GetValueOrDefault("--language") ?? "zh-CN"), null, i - 1);
    }
}

/// <summary>What <c>setup</c> creates: the root unit and its first administrator.</summary>
public sealed record SetupOptions(string RootCode, string RootName, UnitLevel RootLevel, string AdminUserName, string AdminDisplayName, string AdminEmail,
    string Language)
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "--root-code", "--root-name", "--root-level", "--admin", "--admin-name", "--admin-email", "--language",
    };

    public const string Usage = "setup --root-code CODE --root-name NAME [--root-level City] --admin-email ADDRESS [--admin admin] [--admin-name NAME] [--language zh-CN]";
}
