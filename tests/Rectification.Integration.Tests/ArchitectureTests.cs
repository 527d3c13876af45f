using System.Reflection;
using Mediator;
using NetArchTest.Rules;
using Rectification.Application.Messaging;

namespace Rectification.Integration.Tests;

/// <summary>
/// The layers as the README draws them: Domain → Application → Infrastructure → Web, each depending only on those before it,
/// and every request through the Mediator pipeline.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Rectification.Domain.Lifecycles.CaseKind).Assembly;
    private static readonly Assembly Application = typeof(IAppCommand<>).Assembly;
    private static readonly Assembly Infrastructure = typeof(Rectification.Infrastructure.Persistence.RectificationDbContext).Assembly;
    private static readonly Assembly Web = typeof(Rectification.Web.Security.CrossSiteRequests).Assembly;
    private static readonly Assembly Demo = typeof(Rectification.Demo.DemoSeeder).Assembly;

    /// <summary>The composition root wires the database up; composing is the host's job.</summary>
    private const string CompositionRoot = "Program";

    /// <summary>
    /// Host types that still read or write the database themselves. The renovation moves each behind an application command;
    /// the list may only shrink: a new entry fails the test, and so does an entry that no longer needs to be here.
    /// </summary>
    private static readonly string[] HostTypesStillReachingPersistence = [];

    /// <summary>
    /// Demo types that still write the database themselves instead of sending the application's commands. The demo is meant to
    /// tell its story through the commands only, so that it tests them; this list may only shrink, like the host's.
    /// </summary>
    private static readonly string[] DemoTypesStillReachingPersistence =
    [
        "Rectification.Demo.DemoInspectionStory",
        "Rectification.Demo.DemoRules",
        "Rectification.Demo.DemoSeeder",
        "Rectification.Demo.DemoSummary",
        "Rectification.Demo.DemoWorld",
    ];

    [Test]
    public void Domain_DependsOnNoOtherLayer_NorOnPersistenceOrTheWeb()
    {
        AssertNone(Types.InAssembly(Domain).Should().NotHaveDependencyOnAny(
            "Rectification.Application", "Rectification.Infrastructure", "Rectification.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Mediator"));
    }

    [Test]
    public void Application_DependsNeitherOnInfrastructureNorOnTheWeb()
    {
        AssertNone(Types.InAssembly(Application).Should().NotHaveDependencyOnAny("Rectification.Infrastructure", "Rectification.Web", "Microsoft.AspNetCore"));
    }

    [Test]
    public void Infrastructure_DoesNotDependOnTheWeb()
    {
        AssertNone(Types.InAssembly(Infrastructure).Should().NotHaveDependencyOn("Rectification.Web"));
    }

    [Test]
    public void TheDemo_DependsNotOnTheHost()
    {
        AssertNone(Types.InAssembly(Demo).Should().NotHaveDependencyOn("Rectification.Web"));
    }

    [Test]
    public void TheHost_ReachesPersistenceOnlyWhereItIsListed_AndTheListOnlyShrinks()
    {
        Assert.That(TypesReachingPersistence(Web), Is.EqualTo(HostTypesStillReachingPersistence.Order(StringComparer.Ordinal)),
            "a host type reads or writes the database itself: send an application command or query instead (or, if it no longer does, remove it from the list)");
    }

    [Test]
    public void TheDemo_ReachesPersistenceOnlyWhereItIsListed_AndTheListOnlyShrinks()
    {
        Assert.That(TypesReachingPersistence(Demo), Is.EqualTo(DemoTypesStillReachingPersistence.Order(StringComparer.Ordinal)),
            "a demo type reads or writes the database itself: send an application command or query instead (or, if it no longer does, remove it from the list)");
    }

    private static List<string> TypesReachingPersistence(Assembly assembly) =>
        Types.InAssembly(assembly)
            .That().HaveDependencyOnAny("Rectification.Infrastructure.Persistence", "Rectification.Application.Abstractions.IAppDbContext", "Microsoft.EntityFrameworkCore")
            .GetTypes()
            .Select(t => t.FullName!)
            .Select(OuterTypeName)
            .Where(n => n != CompositionRoot)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    [Test]
    public void EveryRequest_IsAnApplicationCommandOrQuery_SoItPassesThroughThePipeline()
    {
        var requests = Application.GetTypes().Concat(Web.GetTypes()).Concat(Demo.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t))
            .ToList();
        var outside = requests.Where(t => !Implements(t, typeof(IAppCommand<>)) && !Implements(t, typeof(IAppQuery<>))).Select(t => t.FullName).ToList();

        Assert.That(requests, Has.Count.GreaterThan(50), "the requests were not found");
        Assert.That(outside, Is.Empty, "a Mediator request that is neither IAppCommand nor IAppQuery skips validation, authorization and the transaction");
    }

    [Test]
    public void EveryApplicationCommandAndQuery_HasExactlyOneHandler()
    {
        var handlers = Application.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        var requests = Application.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && (Implements(t, typeof(IAppCommand<>)) || Implements(t, typeof(IAppQuery<>))))
            .ToList();

        Assert.That(requests.Where(r => handlers.Count(h => h == r) != 1).Select(r => r.Name), Is.Empty);
    }

    [Test]
    public void EveryUseCase_HasAFileOfItsOwn_AndEveryHandlerHandlesOneRequest()
    {
        var requests = Application.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && (Implements(t, typeof(IAppCommand<>)) || Implements(t, typeof(IAppQuery<>))))
            .Select(t => t.Name)
            .ToHashSet();
        var sources = Directory.EnumerateFiles(LifecyclePublishingTests.RepositoryFolder("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var declaredIn = new Dictionary<string, List<string>>();
        foreach (var file in sources)
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"\brecord\s+(\w+)"))
            {
                if (requests.Contains(m.Groups[1].Value))
                {
                    (declaredIn.TryGetValue(file, out var names) ? names : declaredIn[file] = []).Add(m.Groups[1].Value);
                }
            }
        }

        var crowded = declaredIn.Where(d => d.Value.Count > 1).Select(d => $"{Path.GetFileName(d.Key)}: {string.Join(", ", d.Value)}").ToList();
        var handlersOfSeveral = Application.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false }
                && t.GetInterfaces().Count(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>))) > 1)
            .Select(t => t.Name)
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(declaredIn.Values.Sum(v => v.Count), Is.EqualTo(requests.Count), "every command and query was found in a source file");
            Assert.That(crowded, Is.Empty, "one command or query per file, with its validator and handler");
            Assert.That(handlersOfSeveral, Is.Empty, "one handler class per request");
        }
    }

    private static bool Implements(Type type, Type openInterface) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface);

    /// <summary>Compiler-generated closures and nested types count as their outer type.</summary>
    private static string OuterTypeName(string fullName) => fullName.Split('/', '+')[0];

    private static void AssertNone(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }
}
