using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests;

/// <summary>The diagrams drawn from the lifecycle files show every state and transition, and README.md shows the current ones.</summary>
[TestFixture]
public sealed class DiagramTests
{
    public static IEnumerable<TestCaseData> Lifecycles() =>
        Repo.Definitions.Keys.Order(StringComparer.Ordinal).Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [TestCaseSource(nameof(Lifecycles))]
    public void ToMermaid_ForEachLifecycle_DrawsEveryStateAndTransitionWithItsGuards(string lifecycle)
    {
        var definition = Repo.Definition(lifecycle);

        var mermaid = LifecycleMachine.ToMermaid(definition);
        var lines = mermaid.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo("stateDiagram-v2"));
            Assert.That(lines, Does.Contain($"[*] --> {definition.Initial}"), "the initial state is marked");
            foreach (var state in definition.States.Keys)
            {
                Assert.That(lines.Any(l => l.StartsWith($"{state} ", StringComparison.Ordinal) || l.Contains($"--> {state} ", StringComparison.Ordinal) || l.EndsWith($"--> {state}", StringComparison.Ordinal)),
                    $"state {state} is drawn");
            }

            foreach (var t in definition.Transitions)
            {
                var line = lines.SingleOrDefault(l => l.StartsWith($"{t.From} --> {t.To} : {t.Trigger}", StringComparison.Ordinal));
                Assert.That(line, Is.Not.Null, $"transition {t.From} --{t.Trigger}--> {t.To} is drawn");
                foreach (var guard in t.Guards)
                {
                    Assert.That(line, Does.Contain($"[{Glossary.Guard(guard).En}]"), $"guard {guard} is shown on {t.Trigger}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Lifecycles))]
    public void ToDot_ForEachLifecycle_DrawsEveryStateAndTransition(string lifecycle)
    {
        var definition = Repo.Definition(lifecycle);

        var dot = LifecycleMachine.ToDot(definition);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dot.TrimStart(), Does.StartWith("digraph"));
            foreach (var state in definition.States.Keys)
            {
                Assert.That(dot, Does.Contain($"\"{state}\" [label=\"{state}\""), $"state {state} is drawn");
            }

            foreach (var t in definition.Transitions)
            {
                Assert.That(dot, Does.Contain($"\"{t.From}\" -> \"{t.To}\" [style=\"solid\", label=\"{t.Trigger}"), $"transition {t.From} --{t.Trigger}--> {t.To} is drawn");
            }

            Assert.That(dot, Does.Contain($"init -> \"{definition.Initial}\""), "the initial state is marked");
        }
    }

    [TestCaseSource(nameof(Lifecycles))]
    public void ToMermaid_WhenDrawnTwice_IsIdentical(string lifecycle)
    {
        var definition = Repo.Definition(lifecycle);

        var first = LifecycleMachine.ToMermaid(definition);
        var second = LifecycleMachine.ToMermaid(definition);

        Assert.That(second, Is.EqualTo(first), "the README golden check needs a stable drawing");
    }

    /// <summary>
    /// Golden check: README.md shows each lifecycle's current diagram. With UPDATE_DIAGRAMS=1 the blocks are rewritten instead.
    /// </summary>
    [TestCaseSource(nameof(Lifecycles))]
    public void Readme_WhenShowingLifecycleDiagram_MatchesTheDefinition(string lifecycle)
    {
        var expected = LifecycleMachine.ToMermaid(Repo.Definition(lifecycle)).Trim();
        var howToFix = $"Add the markers `{ReadmeDiagrams.Begin(lifecycle)}` and `{ReadmeDiagrams.End(lifecycle)}` to README.md at the repository root, " +
            $"then run `{ReadmeDiagrams.UpdateVariable}=1 dotnet test tests/Rectification.Domain.Tests` to write the diagram between them.";

        var (outcome, shown) = ReadmeDiagrams.Sync(Repo.Readme, lifecycle, expected, ReadmeDiagrams.UpdateRequested);

        switch (outcome)
        {
            case DiagramSync.MissingFile:
                Assert.Fail($"{Repo.Readme} does not exist. {howToFix}");
                break;
            case DiagramSync.MissingMarkers:
                Assert.Fail($"README.md has no ```mermaid block between the {lifecycle} markers. {howToFix}");
                break;
            case DiagramSync.Updated:
                Assert.Pass($"README.md's {lifecycle} diagram was rewritten from workflows/{lifecycle}.yaml.");
                break;
            default:
                Assert.That(shown, Is.EqualTo(expected),
                    $"README.md's {lifecycle} diagram is stale; run `{ReadmeDiagrams.UpdateVariable}=1 dotnet test tests/Rectification.Domain.Tests` to rewrite it.");
                break;
        }
    }

    [Test]
    public void Sync_WhenUpdateIsRequested_RewritesOnlyTheMarkedBlockAndThenMatches()
    {
        var definition = Repo.Definition("problem");
        var diagram = LifecycleMachine.ToMermaid(definition).Trim();
        var before = "# Rectification\n\nIntro text.\n\n";
        var other = "<!-- lifecycle:plan:begin -->\n```mermaid\nstateDiagram-v2\n\tA --> B : Untouched\n```\n<!-- lifecycle:plan:end -->\n";
        var stale = "<!-- lifecycle:problem:begin -->\n```mermaid\nstateDiagram-v2\n\tRegistered --> Closed : Old\n```\n<!-- lifecycle:problem:end -->\n";
        var after = "\n## Running\n\n```bash\ndotnet run\n```\n";
        using var readme = new TempReadme(before + other + "\n" + stale + after);

        var check = ReadmeDiagrams.Sync(readme.Path, "problem", diagram, update: false);
        var update = ReadmeDiagrams.Sync(readme.Path, "problem", diagram, update: true);
        var written = File.ReadAllText(readme.Path);
        var recheck = ReadmeDiagrams.Sync(readme.Path, "problem", diagram, update: false);
        var again = ReadmeDiagrams.Sync(readme.Path, "problem", diagram, update: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(check.Outcome, Is.EqualTo(DiagramSync.Differs));
            Assert.That(check.Shown, Is.EqualTo("stateDiagram-v2\n\tRegistered --> Closed : Old"));
            Assert.That(update.Outcome, Is.EqualTo(DiagramSync.Updated));
            Assert.That(written, Is.EqualTo(before + other + "\n<!-- lifecycle:problem:begin -->\n```mermaid\n" + diagram.ReplaceLineEndings("\n") + "\n```\n<!-- lifecycle:problem:end -->\n" + after));
            Assert.That(recheck.Outcome, Is.EqualTo(DiagramSync.Matches));
            Assert.That(again.Outcome, Is.EqualTo(DiagramSync.Matches), "an up-to-date README is left alone");
            Assert.That(File.ReadAllText(readme.Path), Is.EqualTo(written));
        }
    }

    [Test]
    public void Sync_WhenMarkersEncloseNothingYet_WritesTheFencedDiagram()
    {
        var diagram = LifecycleMachine.ToMermaid(Repo.Definition("clue")).Trim();
        using var readme = new TempReadme("# Clues\n<!-- lifecycle:clue:begin -->\n<!-- lifecycle:clue:end -->\n");

        var update = ReadmeDiagrams.Sync(readme.Path, "clue", diagram, update: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(update.Outcome, Is.EqualTo(DiagramSync.Updated));
            Assert.That(ReadmeDiagrams.Extract(File.ReadAllText(readme.Path), "clue"), Is.EqualTo(diagram.ReplaceLineEndings("\n")));
        }
    }

    [Test]
    public void Sync_WhenReadmeUsesCrLf_KeepsCrLfAndMatchesAfterUpdate()
    {
        var diagram = LifecycleMachine.ToMermaid(Repo.Definition("plan")).Trim();
        using var readme = new TempReadme("# Plans\r\n<!-- lifecycle:plan:begin -->\r\n```mermaid\r\nold\r\n```\r\n<!-- lifecycle:plan:end -->\r\nTail\r\n");

        var update = ReadmeDiagrams.Sync(readme.Path, "plan", diagram, update: true);
        var written = File.ReadAllText(readme.Path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(update.Outcome, Is.EqualTo(DiagramSync.Updated));
            Assert.That(written.Replace("\r\n", "", StringComparison.Ordinal), Does.Not.Contain("\n"), "no bare LF is introduced");
            Assert.That(written, Does.EndWith("<!-- lifecycle:plan:end -->\r\nTail\r\n"));
            Assert.That(ReadmeDiagrams.Sync(readme.Path, "plan", diagram, update: false).Outcome, Is.EqualTo(DiagramSync.Matches));
        }
    }

    [Test]
    public void Sync_WhenMarkersAreMissing_ReportsItAndLeavesTheFileAlone()
    {
        const string text = "# Rectification\n\nNo diagrams yet.\n";
        using var readme = new TempReadme(text);

        var check = ReadmeDiagrams.Sync(readme.Path, "problem", "stateDiagram-v2", update: false);
        var update = ReadmeDiagrams.Sync(readme.Path, "problem", "stateDiagram-v2", update: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(check.Outcome, Is.EqualTo(DiagramSync.MissingMarkers));
            Assert.That(update.Outcome, Is.EqualTo(DiagramSync.MissingMarkers));
            Assert.That(File.ReadAllText(readme.Path), Is.EqualTo(text));
        }
    }

    [Test]
    public void Sync_WhenReadmeDoesNotExist_ReportsItWithoutCreatingOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"README-{Guid.NewGuid():N}.md");

        var outcome = ReadmeDiagrams.Sync(path, "problem", "stateDiagram-v2", update: true).Outcome;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome, Is.EqualTo(DiagramSync.MissingFile));
            Assert.That(File.Exists(path), Is.False);
        }
    }

    private sealed class TempReadme : IDisposable
    {
        public TempReadme(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"README-{Guid.NewGuid():N}.md");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
