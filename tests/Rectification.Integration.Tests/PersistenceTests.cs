using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Problems;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Lifecycles;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Integration.Tests;

public sealed class MigrationTests
{
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.SqlServer)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public void Model_ForEveryProvider_HasAMigrationForEveryChange(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, $"the model changed without a {provider} migration: run deploy/add-migration.sh");
    }

    [Test]
    public void SqlServerScript_WhenGeneratedIdempotently_CreatesEveryTableGuardedByTheHistory()
    {
        using var db = Context(DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script, Does.Match(@"IF NOT EXISTS \(\s*SELECT \* FROM \[__EFMigrationsHistory\]"));
            foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Distinct())
            {
                Assert.That(script, Does.Contain($"CREATE TABLE [{table}]"), table);
            }

            Assert.That(script, Does.Contain("CREATE INDEX [IX_Problems_UnitId_State]"));
        }
    }

    private static RectificationDbContext Context(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<RectificationDbContext>();
        var connection = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.SqlServer => "Server=unused;Database=unused;TrustServerCertificate=True",
            _ => "Host=unused;Database=unused",
        };
        Rectification.Infrastructure.DependencyInjection.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connection });
        return new RectificationDbContext(builder.Options);
    }
}

/// <summary>Publishing lifecycle versions: a running case stays on the version it started on.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class LifecyclePublishingTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task PublishedVersion_WhenItsFileChangesWithoutANewVersion_StopsStartUpNamingTheFile()
    {
        var files = LifecycleCatalog.ReadFolder(RepositoryFolder("workflows"));
        var edited = files.Select(f => f.Name == "clue"
            ? LifecycleFileReader.Parse(f.Source.Replace("Red: 5wd", "Red: 3wd", StringComparison.Ordinal), "clue.yaml")
            : f).ToList();

        var error = await Publish(edited).ContinueWith(t => t.Exception?.InnerException);

        Assert.That(error, Is.InstanceOf<LifecycleFileException>());
        Assert.That(((LifecycleFileException)error!).File, Is.EqualTo("clue.yaml"));
        Assert.That(error.Message, Does.Contain("raise 'version'"));
    }

    [Test]
    public async Task NewVersion_WhenPublished_NewCasesUseItAndRunningCasesKeepTheirs()
    {
        var (_, _, problems) = await InRectification(Org.Hospital);
        var files = LifecycleCatalog.ReadFolder(RepositoryFolder("workflows"));
        var v2 = LifecycleFileReader.Parse(
            files.Single(f => f.Name == "problem").Source.Replace("version: 1", "version: 2", StringComparison.Ordinal)
                .Replace("roles: [UnitLiaison, UnitLeader]\n    guards: [progress-reported, evidence-attached]", "roles: [UnitLeader]\n    guards: [progress-reported, evidence-attached]", StringComparison.Ordinal),
            "problem.yaml");

        var published = await Publish([.. files, v2]);
        var catalog = Host.Services.GetRequiredService<LifecycleCatalog>();
        catalog.Load(published);
        try
        {
            Ok(await Host.Send<ProblemSummary>("h1-liaison", new ReportProgress(problems[0].Id, "完成", 100, null, [Evidence()])));
            var oldCase = await Host.Send<ProblemSummary>("h1-liaison", new SubmitForReview(problems[0].Id));
            var inspection = await NewInspection(Org.Hospital);
            var newCase = await NewProblem(inspection);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(published.Where(d => d.Name == "problem").Select(d => d.Version), Is.EquivalentTo(new[] { 1, 2 }));
                Assert.That(oldCase.IsSuccess, Is.True, "a case started on v1 keeps v1's rule that the liaison may submit");
                Assert.That(await Host.Query(db => db.Problems.Where(p => p.Id == newCase.Id).Select(p => p.DefinitionVersion).SingleAsync()), Is.EqualTo(2));
            }
        }
        finally
        {
            catalog.Load(published.Where(d => d.Version == 1));
        }
    }

    private async Task<IReadOnlyList<Domain.Lifecycles.LifecycleDefinition>> Publish(IReadOnlyList<Domain.Lifecycles.LifecycleDefinition> files)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await LifecyclePublisher.PublishAsync(scope.ServiceProvider.GetRequiredService<RectificationDbContext>(), files, Host.Clock.GetUtcNow().UtcDateTime);
    }

    public static string RepositoryFolder(string name)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, name)) && File.Exists(Path.Combine(dir.FullName, "Rectification.sln")))
            {
                return Path.Combine(dir.FullName, name);
            }
        }

        throw new DirectoryNotFoundException($"No {name}/ above {TestContext.CurrentContext.TestDirectory}.");
    }
}
