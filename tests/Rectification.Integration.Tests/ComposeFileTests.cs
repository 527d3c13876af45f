using System.Text.RegularExpressions;
using Rectification.Integration.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Rectification.Integration.Tests;

/// <summary>
/// No container engine installs here, so the compose files are checked against what the host requires in Production instead of by
/// <c>docker compose config</c>: the settings without which it refuses to start or sends mail nobody can open, a database it can reach
/// and waits for, a volume for its files, and every secret named in <c>deploy/.env.example</c>.
/// </summary>
public sealed partial class ComposeFileTests
{
    public static IEnumerable<string> ComposeFiles => ["compose.yaml", "compose.postgres.yaml"];

    [TestCaseSource(nameof(ComposeFiles))]
    public void Compose_GivesTheHostEverythingProductionRequires(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root(), "deploy", file));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        var web = (YamlMappingNode)services["web"];
        var environment = ((YamlMappingNode)web["environment"]).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!);
        // The web service waits for the database, or for the step that prepares it (which itself waits for the database).
        var waitsFor = ((YamlMappingNode)web["depends_on"]).Children.Keys.Cast<YamlScalarNode>().Single().Value!;
        var database = services.Children.ContainsKey(waitsFor) && ((YamlMappingNode)services[waitsFor]).Children.ContainsKey("healthcheck")
            ? waitsFor
            : ((YamlMappingNode)((YamlMappingNode)services[waitsFor])["depends_on"]).Children.Keys.Cast<YamlScalarNode>().Single().Value!;
        var example = File.ReadAllText(Path.Combine(Repository.Root(), "deploy", ".env.example"));
        var required = RequiredVariable().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(environment["ASPNETCORE_ENVIRONMENT"], Is.EqualTo("Production"));
            Assert.That(environment["Authentication__Jwt__SigningKey"], Does.StartWith("${JWT_SIGNING_KEY:?"), "Production refuses to start without a signing key");
            Assert.That(environment["Email__BaseUrl"], Does.StartWith("${PUBLIC_URL"), "mail links need the public address");
            Assert.That(environment["Database__Provider"], Is.AnyOf("SqlServer", "PostgreSql"));
            Assert.That(environment["ConnectionStrings__Rectification"], Does.Contain(database), "the connection string names the database service");
            Assert.That(environment["ConnectionStrings__Rectification"], Does.Not.Contain("User Id=sa;").And.Not.Contain("Username=postgres"),
                "the application logs in with its own login where the image allows one");
            Assert.That(((YamlMappingNode)services[database]).Children.ContainsKey("healthcheck"), Is.True, "the web service waits for a healthy database");
            Assert.That(((YamlSequenceNode)web["volumes"]).Children.Select(v => ((YamlScalarNode)v).Value), Has.Some.EndsWith(":/app/data"),
                "evidence files and audit digests outlive the container");
            Assert.That(required.Where(v => !Regex.IsMatch(example, $"^{v}=", RegexOptions.Multiline)), Is.Empty, "every required variable is in .env.example");
        }
    }

    [GeneratedRegex(@"\$\{([A-Z_]+):\?")]
    private static partial Regex RequiredVariable();
}
