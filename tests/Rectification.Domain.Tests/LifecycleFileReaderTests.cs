using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Infrastructure.Lifecycles;

namespace Rectification.Domain.Tests;

/// <summary>
/// A broken definition file must stop start-up with the file name and the line an operator has to fix.
/// Each case takes a valid copy of problem.yaml, changes one line and expects that line to be reported.
/// </summary>
[TestFixture]
public sealed class LifecycleFileReaderTests
{
    private const string FileName = "problem.yaml";

    private const string Valid = """
        # Problem rectification lifecycle (a trimmed copy of workflows/problem.yaml).
        lifecycle: problem
        version: 1
        initial: Registered
        states:
          Registered:  { zh-CN: 已登记, en: Registered }
          FedBack:     { zh-CN: 已反馈, en: Fed back }
          Rectifying:  { zh-CN: 整改中, en: Rectifying }
          UnderReview: { zh-CN: 审核中, en: Under review }
          Closed:      { zh-CN: 已销号, en: Closed }
        durations:
          # Longest deadline per rectification kind.
          Immediate: 30d
          TimeLimited: 180d
          LongTerm: 730d
          LongTermReport: 90d
          Review: 15wd
        transitions:
          - { trigger: FeedBack, from: Registered, to: FedBack, roles: [InspectionOffice, InspectionGroup] }
          - { trigger: StartRectification, from: FedBack, to: Rectifying, roles: [System] }
          - { trigger: ReportProgress, from: FedBack, to: FedBack, roles: [UnitLiaison, UnitLeader] }
          - { trigger: ReportProgress, from: Rectifying, to: Rectifying, roles: [UnitLiaison, UnitLeader] }
          - trigger: SubmitForReview
            from: Rectifying
            to: UnderReview
            roles: [UnitLiaison, UnitLeader]
            guards: [progress-reported, evidence-attached]
          - trigger: SignOff
            from: UnderReview
            to: UnderReview
            roles: [UnitLeader, DisciplineCommission, OrganizationDepartment, InspectionOffice]
            guards: [actor-is-required-party, not-yet-signed-by-actor, signing-in-order]
          - { trigger: Close, from: UnderReview, to: Closed, roles: [InspectionOffice], guards: [all-required-signed] }
          - { trigger: Reopen, from: Closed, to: Rectifying, roles: [InspectionGroup] }
        signOff:
          order: parallel
          parties: [UnitLeader, DisciplineCommission, OrganizationDepartment]
          when:
            - { severity: Major, add: [InspectionOffice] }
        notifications:
          - on: FeedBack
            template: problem-fed-back
            required: true
            to:
              - { role: UnitLeader, scope: unit }
              - { role: DisciplineCommission, scope: above, copy: true }
          - on: Close
            template: problem-closed
            to:
              - { role: UnitLeader, scope: unit }
        """;

    [Test]
    public void Parse_WhenFileIsValid_ReadsEveryPart()
    {
        var definition = LifecycleFileReader.Parse(Valid, FileName);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(definition.Name, Is.EqualTo("problem"));
            Assert.That(definition.Version, Is.EqualTo(1));
            Assert.That(definition.Initial, Is.EqualTo("Registered"));
            Assert.That(definition.States.Keys, Is.EqualTo(new[] { "Registered", "FedBack", "Rectifying", "UnderReview", "Closed" }));
            Assert.That(definition.States["FedBack"], Is.EqualTo(new LocalizedText("已反馈", "Fed back")));
            Assert.That(definition.Transitions, Has.Count.EqualTo(8));
            Assert.That(definition.Find("Rectifying", "SubmitForReview")!.Guards, Is.EqualTo(new[] { "progress-reported", "evidence-attached" }));
            Assert.That(definition.Duration("Immediate"), Is.EqualTo(new DurationSpec(30, WorkingDays: false)));
            Assert.That(definition.Duration("Review"), Is.EqualTo(new DurationSpec(15, WorkingDays: true)));
            Assert.That(definition.SignOff!.RequiredFor("Major"), Is.EqualTo(new[] { Role.UnitLeader, Role.DisciplineCommission, Role.OrganizationDepartment, Role.InspectionOffice }));
            Assert.That(definition.SignOff.RequiredFor("General"), Is.EqualTo(new[] { Role.UnitLeader, Role.DisciplineCommission, Role.OrganizationDepartment }));
            Assert.That(definition.NotificationsOn("FeedBack").Single().To,
                Is.EqualTo(new[] { new RecipientSpec(Role.UnitLeader, RecipientScope.Unit, false), new RecipientSpec(Role.DisciplineCommission, RecipientScope.Above, true) }));
            Assert.That(definition.NotificationsOn("Close").Single().Required, Is.False);
        }
    }

    public static IEnumerable<TestCaseData> BrokenLines()
    {
        yield return Case("unknown state in a transition", "    to: UnderReview\n    roles: [UnitLiaison", "    to: UnderRevew\n    roles: [UnitLiaison", "unknown state 'UnderRevew'");
        yield return Case("unknown guard", "    guards: [progress-reported, evidence-attached]", "    guards: [progress-reported, evidence-atached]", "unknown guard 'evidence-atached'");
        yield return Case("unknown role", "roles: [InspectionOffice, InspectionGroup] }", "roles: [InspectionOffice, Inspector] }", "unknown role 'Inspector'");
        yield return Case("role written in lower case", "  - { trigger: Reopen, from: Closed, to: Rectifying, roles: [InspectionGroup] }",
            "  - { trigger: Reopen, from: Closed, to: Rectifying, roles: [inspectionGroup] }", "unknown role 'inspectionGroup'");
        yield return Case("bad duration", "  Immediate: 30d", "  Immediate: 30x", "duration '30x'");
        yield return Case("negative duration", "  Review: 15wd", "  Review: -15wd", "duration '-15wd'");
        yield return Case("duplicate trigger from the same state", "  - { trigger: ReportProgress, from: Rectifying, to: Rectifying,",
            "  - { trigger: ReportProgress, from: FedBack, to: Rectifying,", "trigger 'ReportProgress' is defined twice from state 'FedBack'");
        yield return Case("invalid YAML syntax", "  TimeLimited: 180d", "  TimeLimited: 180d: 90d", "");
        yield return Case("notification on an unknown event", "  - on: Close", "  - on: Closed", "unknown trigger or event 'Closed'");
        yield return Case("unknown top-level key", "initial: Registered", "inital: Registered", "unknown key 'inital'");
        yield return Case("initial state that is not a state", "initial: Registered", "initial: Draft", "initial state 'Draft'");
        yield return Case("version that is not a positive number", "version: 1", "version: 0", "version must be a whole number of at least 1");
        yield return Case("unknown recipient scope", "      - { role: UnitLeader, scope: unit }\n      - { role: DisciplineCommission",
            "      - { role: UnitLeader, scope: unitt }\n      - { role: DisciplineCommission", "unknown scope 'unitt'");
        yield return Case("unknown severity in the sign-off conditions", "    - { severity: Major, add: [InspectionOffice] }",
            "    - { severity: Critical, add: [InspectionOffice] }", "unknown severity 'Critical'");
    }

    [TestCaseSource(nameof(BrokenLines))]
    public void Parse_WhenOneLineIsBroken_ReportsFileAndThatLine(string original, string replacement, string problem)
    {
        var (text, line) = Mutate(original, replacement);

        var error = ParseError(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.File, Is.EqualTo(FileName));
            Assert.That(error.Line, Is.EqualTo(line), error.Message);
            Assert.That(error.Problem, Does.Contain(problem));
            Assert.That(error.Message, Does.StartWith($"{FileName}({line}): "));
        }
    }

    [Test]
    public void Parse_WhenATransitionLacksARequiredKey_ReportsTheTransitionsLine()
    {
        var (text, _) = Mutate("    to: UnderReview\n    roles: [UnitLiaison", "    # to: removed\n    roles: [UnitLiaison");

        var error = ParseError(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Line, Is.EqualTo(LineOf(text, "  - trigger: SubmitForReview")), error.Message);
            Assert.That(error.Problem, Does.Contain("'to' is required"));
        }
    }

    [Test]
    public void Parse_WhenANotificationLacksItsTemplate_ReportsTheNotificationsLine()
    {
        var (text, _) = Mutate("    template: problem-closed", "    # template removed");

        var error = ParseError(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Line, Is.EqualTo(LineOf(text, "  - on: Close")), error.Message);
            Assert.That(error.Problem, Does.Contain("'template' is required"));
        }
    }

    [Test]
    public void Parse_WhenARequiredDurationIsMissing_ReportsTheDurationsBlockNamingIt()
    {
        var (text, _) = Mutate("  LongTermReport: 90d", "  # LongTermReport removed");

        var error = ParseError(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Line, Is.InRange(LineOf(text, "durations:"), LineOf(text, "  Immediate: 30d")), error.Message);
            Assert.That(error.Problem, Does.Contain("duration 'LongTermReport' is required"));
        }
    }

    [Test]
    public void Parse_WhenAStateCannotBeReached_ReportsTheStatesBlockNamingIt()
    {
        var (text, _) = Mutate(
            "  - { trigger: Close, from: UnderReview, to: Closed,",
            "  - { trigger: Close, from: UnderReview, to: UnderReview,");

        var error = ParseError(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Line, Is.InRange(LineOf(text, "states:"), LineOf(text, "  Registered:")), error.Message);
            Assert.That(error.Problem, Does.Contain("Closed cannot be reached from 'Registered'"));
        }
    }

    [Test]
    public void Parse_WhenARequiredStateIsMissing_NamesIt()
    {
        var (text, _) = Mutate("  Closed:      { zh-CN: 已销号, en: Closed }", "  Done:        { zh-CN: 已销号, en: Closed }");

        var error = ParseError(text);

        Assert.That(error.Problem, Does.Contain("state 'Closed' is required for lifecycle 'problem'"));
    }

    [Test]
    public void Parse_WhenStatesOnlyReachEachOther_ReportsThemUnreachable()
    {
        var text = Valid
            .Replace("  Closed:      { zh-CN: 已销号, en: Closed }",
                "  Closed:      { zh-CN: 已销号, en: Closed }\n  Parked:      { zh-CN: 搁置, en: Parked }\n  Limbo:       { zh-CN: 待定, en: Limbo }", StringComparison.Ordinal)
            .Replace("transitions:\n",
                "transitions:\n  - { trigger: Park, from: Limbo, to: Parked, roles: [InspectionOffice] }\n  - { trigger: Unpark, from: Parked, to: Limbo, roles: [InspectionOffice] }\n",
                StringComparison.Ordinal);

        var error = ParseError(text);

        Assert.That(error.Problem, Does.Contain("cannot be reached"));
    }

    [Test]
    public void Parse_WhenARoleIsACommaSeparatedList_IsRefused()
    {
        var (text, line) = Mutate("      - { role: UnitLeader, scope: unit }\n      - { role: DisciplineCommission",
            "      - role: UnitLeader, InspectionOffice\n      - { role: DisciplineCommission");

        var error = ParseError(text);

        Assert.That(error.Line, Is.EqualTo(line), error.Message);
    }

    [Test]
    public void Parse_WhenTextIsEmpty_ReportsLineOne()
    {
        var error = ParseError("");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.File, Is.EqualTo(FileName));
            Assert.That(error.Line, Is.EqualTo(1));
        }
    }

    [Test]
    public void Read_WhenFileIsBroken_ReportsItsFileNameWithoutFolder()
    {
        var folder = Directory.CreateTempSubdirectory("lifecycles-");
        try
        {
            var (text, line) = Mutate("  Immediate: 30d", "  Immediate: 30x");
            var path = Path.Combine(folder.FullName, "problem.yaml");
            File.WriteAllText(path, text);

            var error = Assert.Throws<LifecycleFileException>(() => LifecycleFileReader.Read(path));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(error!.File, Is.EqualTo("problem.yaml"));
                Assert.That(error.Line, Is.EqualTo(line));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void ReadFolder_WhenOneFileIsBroken_StopsNamingThatFile()
    {
        var folder = Directory.CreateTempSubdirectory("lifecycles-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a-problem.yaml"), Valid);
            var (text, line) = Mutate("  - on: Close", "  - on: Closed");
            File.WriteAllText(Path.Combine(folder.FullName, "b-problem.yaml"), text.Replace("lifecycle: problem", "lifecycle: problem2", StringComparison.Ordinal));

            var error = Assert.Throws<LifecycleFileException>(() => LifecycleCatalog.ReadFolder(folder.FullName));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(error!.File, Is.EqualTo("b-problem.yaml"));
                Assert.That(error.Line, Is.EqualTo(line));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void ReadFolder_WhenTwoFilesPublishTheSameVersion_RefusesBoth()
    {
        var folder = Directory.CreateTempSubdirectory("lifecycles-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "problem.yaml"), Valid);
            File.WriteAllText(Path.Combine(folder.FullName, "problem-copy.yaml"), Valid);

            var error = Assert.Throws<LifecycleFileException>(() => LifecycleCatalog.ReadFolder(folder.FullName));

            Assert.That(error!.Problem, Does.Contain("lifecycle 'problem' v1 is defined by more than one file"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void FromFolder_WhenTwoVersionsArePublished_RunsNewCasesOnTheHighestAndKeepsTheOld()
    {
        var folder = Directory.CreateTempSubdirectory("lifecycles-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "problem.v1.yaml"), Valid);
            File.WriteAllText(Path.Combine(folder.FullName, "problem.v2.yaml"), Valid.Replace("version: 1", "version: 2", StringComparison.Ordinal));

            var catalog = LifecycleCatalog.FromFolder(folder.FullName);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(catalog.Current("problem").Version, Is.EqualTo(2));
                Assert.That(catalog.Get("problem", 1).Version, Is.EqualTo(1));
                Assert.That(catalog.All, Has.Count.EqualTo(2));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void ReadFolder_WhenFolderDoesNotExist_SaysWhichFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-workflows-{Guid.NewGuid():N}");

        Assert.That(() => LifecycleCatalog.ReadFolder(missing), Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contains(missing));
    }

    private static TestCaseData Case(string name, string original, string replacement, string problem) =>
        new TestCaseData(original, replacement, problem).SetArgDisplayNames(name);

    private static LifecycleFileException ParseError(string text)
    {
        var error = Assert.Throws<LifecycleFileException>(() => LifecycleFileReader.Parse(text, FileName));
        return error!;
    }

    /// <summary>Replaces the single occurrence of <paramref name="original"/>; returns the text and the 1-based line where it starts.</summary>
    private static (string Text, int Line) Mutate(string original, string replacement)
    {
        var text = Valid.ReplaceLineEndings("\n");
        var at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"the base file contains '{original}'");
        Assert.That(text.IndexOf(original, at + 1, StringComparison.Ordinal), Is.EqualTo(-1), $"'{original}' occurs once in the base file");
        var line = text[..at].Count(c => c == '\n') + 1;
        return (string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length)), line);
    }

    private static int LineOf(string text, string content)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(content, StringComparison.Ordinal));
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"a line starts with '{content}'");
        return index + 1;
    }
}
