using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Tests.Support;
using Rectification.Infrastructure.Lifecycles;

namespace Rectification.Domain.Tests;

/// <summary>
/// Runs every transition of every lifecycle file in <c>workflows/</c> on real aggregates: the allowed roles fire it,
/// every other role is refused, and every trigger a state does not define is refused naming what is allowed.
/// </summary>
[TestFixture]
public sealed class LifecycleDefinitionTests
{
    private static readonly Role[] AllRoles = Enum.GetValues<Role>();

    public static IEnumerable<TestCaseData> AllowedFirings() =>
        from d in Repo.Definitions.Values
        from t in d.Transitions
        from role in t.Roles
        select new TestCaseData(d.Name, t, role).SetArgDisplayNames(d.Name, $"{t.From} --{t.Trigger}--> {t.To}", role.ToString());

    public static IEnumerable<TestCaseData> ForbiddenFirings() =>
        from d in Repo.Definitions.Values
        from t in d.Transitions
        from role in AllRoles.Except(t.Roles)
        select new TestCaseData(d.Name, t, role).SetArgDisplayNames(d.Name, $"{t.From} --{t.Trigger}--> {t.To}", role.ToString());

    public static IEnumerable<TestCaseData> UndefinedPairs() =>
        from d in Repo.Definitions.Values
        from state in d.States.Keys
        from trigger in d.Transitions.Select(t => t.Trigger).Distinct()
        where d.Find(state, trigger) is null
        select new TestCaseData(d.Name, state, trigger).SetArgDisplayNames(d.Name, state, trigger);

    public static IEnumerable<TestCaseData> States() =>
        from d in Repo.Definitions.Values
        from state in d.States.Keys
        select new TestCaseData(d.Name, state).SetArgDisplayNames(d.Name, state);

    [Test]
    public void ReadFolder_WhenReadingRepositoryWorkflows_LoadsEveryFileAsItsOwnLifecycle()
    {
        var files = Repo.WorkflowFiles.ToList();
        var definitions = LifecycleCatalog.ReadFolder(Repo.WorkflowsFolder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(definitions, Has.Count.EqualTo(files.Count));
            Assert.That(definitions.Select(d => d.Name), Is.SupersetOf(new[] { "problem", "plan", "clue" }));
            foreach (var file in files)
            {
                var definition = LifecycleFileReader.Read(file);
                Assert.That(definition.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(file)), $"{Path.GetFileName(file)} should define the lifecycle it is named after");
                Assert.That(definition.Source, Is.EqualTo(File.ReadAllText(file)), "the definition keeps its source text");
                Assert.That(definition.ContentHash, Is.EqualTo(LifecycleFileReader.Hash(File.ReadAllText(file))));
                Assert.That(definition.States, Does.ContainKey(definition.Initial));
            }
        }
    }

    [Test]
    public void FromFolder_WhenReadingRepositoryWorkflows_PublishesEachLifecycleAsCurrent()
    {
        var catalog = LifecycleCatalog.FromFolder(Repo.WorkflowsFolder);

        using (Assert.EnterMultipleScope())
        {
            foreach (var name in new[] { "problem", "plan", "clue" })
            {
                Assert.That(catalog.Current(name).Name, Is.EqualTo(name));
                Assert.That(catalog.Get(name, catalog.Current(name).Version), Is.SameAs(catalog.Current(name)));
            }

            Assert.That(() => catalog.Current("no-such-lifecycle"), Throws.TypeOf<KeyNotFoundException>());
        }
    }

    [TestCaseSource(nameof(States))]
    public void DriveTo_WhenStateIsDefined_ReachesItFromTheInitialState(string lifecycle, string state)
    {
        var driver = CaseDriver.ForRepo();

        var subject = driver.InState(lifecycle, state);

        Assert.That(subject.State, Is.EqualTo(state));
    }

    [TestCaseSource(nameof(AllowedFirings))]
    public void Fire_WhenRoleIsAllowedAndGuardsHold_LandsInTargetState(string lifecycle, TransitionDefinition transition, Role role)
    {
        var driver = CaseDriver.ForRepo();
        var subject = driver.ReadyFor(lifecycle, transition, role);
        var machine = driver.Machine(subject, role);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(machine.Check(transition.Trigger, role), Is.Null, () => CaseDriver.Describe(machine.Check(transition.Trigger, role)));
            Assert.That(machine.PermittedTriggers(role), Does.Contain(transition.Trigger), "a permitted trigger is offered to the user");
        }

        var refusal = machine.Fire(transition.Trigger, role);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null, () => CaseDriver.Describe(refusal));
            Assert.That(subject.State, Is.EqualTo(transition.To));
            Assert.That(machine.State, Is.EqualTo(transition.To));
        }
    }

    [TestCaseSource(nameof(ForbiddenFirings))]
    public void Check_WhenRoleIsNotAmongTransitionRoles_ReturnsForbiddenAndKeepsState(string lifecycle, TransitionDefinition transition, Role role)
    {
        var driver = CaseDriver.ForRepo();
        var subject = driver.ReadyFor(lifecycle, transition, transition.Roles[0]);
        var machine = driver.Machine(subject, role);

        var check = machine.Check(transition.Trigger, role);
        var fire = machine.Fire(transition.Trigger, role);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(check, Is.Not.Null);
            Assert.That(check!.Kind, Is.EqualTo(ErrorKind.Forbidden));
            Assert.That(check.Code, Is.EqualTo("transition.role-not-allowed"));
            Assert.That(Error.Plain(check.Args["lifecycle"]), Is.EqualTo(lifecycle));
            Assert.That(Error.Plain(check.Args["state"]), Is.EqualTo(transition.From));
            Assert.That(Error.Plain(check.Args["trigger"]), Is.EqualTo(transition.Trigger));
            Assert.That(Error.Plain(check.Args["role"]), Is.EqualTo(role.ToString()));
            Assert.That(Error.Plain(check.Args["roles"]), Is.EqualTo(transition.Roles.Select(r => r.ToString()).ToArray()));
            Assert.That(fire, Is.EqualTo(check).Using<Error>(SameRefusal), "Fire refuses exactly as Check does");
            Assert.That(subject.State, Is.EqualTo(transition.From), "a refused trigger leaves the state unchanged");
            Assert.That(machine.PermittedTriggers(role), Does.Not.Contain(transition.Trigger));
        }
    }

    [TestCaseSource(nameof(UndefinedPairs))]
    public void Check_WhenTriggerIsNotDefinedInState_ReturnsNotAllowedNamingStateAndAllowedTriggers(string lifecycle, string state, string trigger)
    {
        var driver = CaseDriver.ForRepo();
        var definition = Repo.Definition(lifecycle);
        var subject = driver.InState(lifecycle, state);
        // A role that may fire this trigger elsewhere: the refusal is about the state, not the role.
        var role = definition.Transitions.First(t => t.Trigger == trigger).Roles[0];
        var machine = driver.Machine(subject, role);
        var expectedAllowed = definition.Transitions.Where(t => t.From == state).Select(t => t.Trigger).Distinct().ToArray();

        var check = machine.Check(trigger, role);
        var fire = machine.Fire(trigger, role);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(check, Is.Not.Null);
            Assert.That(check!.Kind, Is.EqualTo(ErrorKind.TransitionNotAllowed));
            Assert.That(check.Code, Is.EqualTo("transition.not-allowed"));
            Assert.That(Error.Plain(check.Args["lifecycle"]), Is.EqualTo(lifecycle));
            Assert.That(Error.Plain(check.Args["state"]), Is.EqualTo(state));
            Assert.That(Error.Plain(check.Args["trigger"]), Is.EqualTo(trigger));
            Assert.That(Error.Plain(check.Args["allowed"]), Is.EqualTo(expectedAllowed));
            Assert.That(fire, Is.EqualTo(check).Using<Error>(SameRefusal), "Fire refuses exactly as Check does");
            Assert.That(subject.State, Is.EqualTo(state), "a refused trigger leaves the state unchanged");
        }
    }

    [TestCaseSource(nameof(States))]
    public void PermittedTriggers_WhenAnyRoleAsks_OffersOnlyTriggersDefinedFromTheStateForThatRole(string lifecycle, string state)
    {
        var driver = CaseDriver.ForRepo();
        var definition = Repo.Definition(lifecycle);
        var subject = driver.InState(lifecycle, state);

        using (Assert.EnterMultipleScope())
        {
            foreach (var role in AllRoles)
            {
                var permitted = driver.Machine(subject, role).PermittedTriggers(role);
                var definedForRole = definition.Transitions.Where(t => t.From == state && t.Roles.Contains(role)).Select(t => t.Trigger);
                Assert.That(permitted, Is.SubsetOf(definedForRole), $"{role} in {state}");
                Assert.That(permitted, Is.Unique);
            }
        }
    }

    [Test]
    public void Constructor_WhenCaseStartedOnAnotherVersion_RefusesToRunItOnThisOne()
    {
        var driver = CaseDriver.ForRepo();
        var problem = driver.NewProblem();
        var current = Repo.Definition("problem");
        var next = LifecycleFileReader.Parse(current.Source.Replace($"version: {current.Version}", $"version: {current.Version + 1}", StringComparison.Ordinal), "problem.yaml");

        Assert.That(() => new LifecycleMachine(next, problem, Role.InspectionOffice, driver.Now()),
            Throws.ArgumentException.With.Message.Contains($"v{current.Version}"));
    }

    private static bool SameRefusal(Error a, Error b) =>
        a.Kind == b.Kind && a.Code == b.Code && a.Args.Count == b.Args.Count && a.Args.All(kv => b.Args.TryGetValue(kv.Key, out var v) && Same(v, kv.Value));

    private static bool Same(object? a, object? b) => (Error.Plain(a), Error.Plain(b)) switch
    {
        (string[] x, string[] y) => x.SequenceEqual(y),
        var (x, y) => Equals(x, y),
    };
}
