using Rectification.Application.Lifecycles.Kinds;
using Rectification.Domain.Clues;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Tests.Support;
using Rectification.Infrastructure.Lifecycles;

namespace Rectification.Domain.Tests;

/// <summary>The registry of case kinds is the only place that tells the kinds apart; these tests keep it complete.</summary>
public sealed class CaseKindTests
{
    [Test]
    public void Registry_NamesTheFiveKindsOfCase_EachWithBothLabels()
    {
        Assert.That(CaseKind.All.Select(k => k.Lifecycle), Is.EqualTo(new[] { "problem", "plan", "clue", "receipt", "self-check" }));
        Assert.That(CaseKind.All.Select(k => k.Noun.ZhCn), Is.EqualTo(new[] { "问题", "整改方案", "问题线索", "签收事项", "未巡先改自查任务" }));
        Assert.That(CaseKind.All.Select(k => k.Noun.En), Is.EqualTo(new[] { "problem", "rectification plan", "problem clue", "item to acknowledge", "self-check task" }));
    }

    [Test]
    public void EveryKind_HasExactlyOneApplicationSource()
    {
        Assert.That(CaseSources.All.Select(s => s.Kind), Is.EquivalentTo(CaseKind.All));
        Assert.That(CaseSources.All.Select(s => s.Lifecycle), Is.Unique);
    }

    [Test]
    public void EveryLifecycleFile_IsAKindReadFromAFile_AndEveryKindReadFromAFileHasOne()
    {
        Assert.That(Repo.Definitions.Keys, Is.EquivalentTo(CaseKind.All.Where(k => k.FromFile).Select(k => k.Lifecycle)));
    }

    [Test]
    public void EveryReminderLadder_ChasesAKindWithASource()
    {
        var ladders = ReminderFileReader.ReadLadders(Path.Combine(Repo.WorkflowsFolder, ReminderFileReader.LaddersFile), Repo.Definitions.Values.ToList());
        Assert.That(ladders.Ladders.Values.Select(l => CaseSources.Find(l.Lifecycle)), Has.None.Null);
    }

    [Test]
    public void OnlyProblemsPlansAndClues_HaveADeadlineTheUnitMayAskToExtend()
    {
        Assert.That(CaseSources.All.Where(s => s.HasDeadline).Select(s => s.Lifecycle), Is.EqualTo(new[] { "problem", "plan", "clue" }));
    }

    [Test]
    public void AClueSheet_IsNamedInMailByColourAndNumber_NeverByItsSummary()
    {
        var facts = new CaseFacts("HandedOver", 1, Guid.NewGuid(), Guid.NewGuid(), "XC-2026-007", "反映主要负责人收受回扣问题", new DateOnly(2026, 12, 31), false, SheetColour.Red);
        var title = CaseSources.Clue.TitleOf(facts, "城东街道");
        Assert.That(title.ZhCn, Is.EqualTo("红色交办单问题线索XC-2026-007"));
        Assert.That(title.En, Is.EqualTo("red-sheet clue XC-2026-007"));
    }
}
