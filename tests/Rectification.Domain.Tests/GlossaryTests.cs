using System.Globalization;
using System.Text.RegularExpressions;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests;

/// <summary>Every code a user can meet has its words in both languages, and the messages use them instead of the codes.</summary>
public sealed partial class GlossaryTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Enums a user never reads: the kind of an error has its own titles.</summary>
    private static readonly Type[] Unlabelled = [typeof(ErrorKind)];

    [Test]
    public void EveryValueOfEveryDomainEnum_HasAChineseAndAnEnglishLabel()
    {
        var enums = typeof(Glossary).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic && !Unlabelled.Contains(t)).ToList();
        var missing = enums.SelectMany(e => Enum.GetNames(e).Select(n => (Enum: e, Name: n)))
            .Where(v => Glossary.Of(v.Enum, v.Name) is var l && (l.ZhCn == v.Name || l.En.Length == 0 || l.ZhCn.Length == 0))
            .Select(v => $"{v.Enum.Name}.{v.Name}")
            .ToList();

        Assert.That(enums, Has.Count.GreaterThanOrEqualTo(15));
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void EveryStateTriggerAndGuardOfTheLifecycleFiles_HasBothLabels()
    {
        var definitions = Repo.Definitions.Values.ToList();
        var states = definitions.SelectMany(d => d.States.Select(s => (Code: $"{d.Name}.{s.Key}", s.Value)));
        var triggers = definitions.SelectMany(d => d.Transitions).Select(t => t.Trigger).Distinct().Select(t => (Code: t, Value: Glossary.Trigger(t)));
        var guards = definitions.SelectMany(d => d.Transitions).SelectMany(t => t.Guards).Distinct().Select(g => (Code: g, Value: Glossary.Guard(g)));

        var unlabelled = states.Concat(triggers).Concat(guards)
            .Where(x => !HasChinese(x.Value.ZhCn) || x.Value.En.Length == 0)
            .Select(x => x.Code)
            .ToList();

        Assert.That(unlabelled, Is.Empty);
    }

    [Test]
    public void EveryCommand_HasTheNameTheAuditTrailShows()
    {
        var commands = typeof(IAppCommand<>).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAppCommand<>)))
            .Select(t => t.Name)
            .ToList();

        Assert.That(commands, Has.Count.GreaterThan(20));
        Assert.That(commands.Where(c => !HasChinese(Glossary.Action(c).ZhCn)), Is.Empty, string.Join(" ", commands.Where(c => !HasChinese(Glossary.Action(c).ZhCn))));
    }

    [Test]
    public void Close_BeforeEverySignature_IsRefusedInWordsAUserReads_NotInCodes()
    {
        var driver = CaseDriver.ForRepo();
        var problem = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.UnderReview);

        var refusal = driver.Machine(problem, Role.InspectionOffice).Check(ProblemTriggers.Close, Role.InspectionOffice)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Messages.Format(refusal, Chinese), Is.EqualTo("问题在“审核中”状态下暂不能执行“销号”，尚未满足：须签字的各方均已签字。"));
            Assert.That(Messages.Format(refusal, English), Is.EqualTo("The problem cannot close in state Under review yet; unmet: every required party has signed this review."));
            Assert.That(Error.Plain(refusal.Args["state"]), Is.EqualTo("UnderReview"), "the ProblemDetails keep the code");
        }
    }

    [Test]
    public void AWrongRole_IsRefusedNamingTheRolesInChinese()
    {
        var driver = CaseDriver.ForRepo();
        var problem = (Problem)driver.InState(Problem.Lifecycle, ProblemStates.UnderReview);

        var refusal = driver.Machine(problem, Role.UnitLiaison).Check(ProblemTriggers.Close, Role.UnitLiaison)!;

        Assert.That(Messages.Format(refusal, Chinese), Is.EqualTo("问题在“审核中”状态下，角色“整改联络员”不能执行“销号”；可执行的角色：巡察办。"));
    }

    [Test]
    public void AnUnknownObject_IsNamedInChinese()
    {
        Assert.That(Messages.Format(Error.NotFound("Problem", "P-1"), Chinese), Is.EqualTo("未找到问题（P-1）。"));
    }

    [Test]
    public void ASelfCheck_IsNotCalledALookBack()
    {
        Assert.That(Glossary.Of(Rectification.Domain.Inspections.InspectionKind.SelfCheck).ZhCn, Is.EqualTo("未巡先改自查"));
        Assert.That(Glossary.Of(Rectification.Domain.Inspections.InspectionKind.LookBack).ZhCn, Is.EqualTo("巡察“回头看”"));
    }

    private static bool HasChinese(string text) => Han().IsMatch(text);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
