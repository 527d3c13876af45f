using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;

namespace Rectification.Demo;

/// <summary>How far the most recent inspections have got: these give the demo cases in every early state.</summary>
internal enum LiveStage
{
    /// <summary>Long finished; the story runs on until the present.</summary>
    None,
    /// <summary>The group is still on site: problems registered, clues being handed over, nothing fed back yet.</summary>
    OnSite,
    /// <summary>Fed back a week or two ago; the unit is still writing its ledger.</summary>
    Drafting,
    /// <summary>The plan was submitted days ago and waits for screening.</summary>
    Screening,
    /// <summary>The plan was returned and the unit is revising it.</summary>
    Revising,
}

internal sealed record InspectionSpec(Guid Id, Round Round, DemoTarget Target, InspectionKind Kind, string GroupName,
    DateOnly Start, DateOnly End, DateTime? FeedbackAt, int ProblemCount, int ClueCount, LiveStage Stage, InspectionSpec? LookBackOf)
{
    public bool IsSpecial => Kind == InspectionKind.Special;
}

/// <summary>
/// Lays out rounds and inspections backwards from today, so the demo always has an active round: three rounds
/// a year, the newest a few months old. Seeded in late 2026 this gives 2024 rounds 1-3, 2025 rounds 1-3 and
/// 2026 rounds 1-2.
/// </summary>
internal sealed class DemoScheduleBuilder(DemoRandom random, DemoTimeline clock, IReadOnlyList<DemoTarget> targets, double scale = 1.0)
{
    // Regular, special, mobile and look-back inspections per round, oldest round first.
    private static readonly (int Regular, int Special, int Mobile, bool LookBack)[] Composition =
    [
        (10, 1, 1, false), (9, 1, 1, false), (9, 2, 1, false), (9, 1, 1, false),
        (9, 1, 1, true), (9, 2, 1, false), (8, 1, 1, true),
    ];

    // The current round: inspections at each early stage, so the demo has plans and problems waiting on someone.
    private static readonly (InspectionKind Kind, LiveStage Stage)[] CurrentRound =
    [
        (InspectionKind.Regular, LiveStage.Revising), (InspectionKind.Regular, LiveStage.Screening),
        (InspectionKind.Special, LiveStage.Drafting), (InspectionKind.Mobile, LiveStage.OnSite),
    ];

    // Special inspections look at a sector (医保基金, 村级“三资”, 国企投资), so they go to that kind of unit first.
    private static readonly UnitLevel[] SpecialLevels = [UnitLevel.Institution, UnitLevel.Village, UnitLevel.Enterprise, UnitLevel.Township];

    private readonly List<Round> rounds = [];
    private readonly List<InspectionSpec> inspections = [];
    private List<DemoTarget> notYetInspected = [];

    public IReadOnlyList<Round> Rounds => rounds;

    public IReadOnlyList<InspectionSpec> Build()
    {
        notYetInspected = random.Shuffle(targets);
        for (var index = 0; index < Composition.Length; index++)
        {
            var start = clock.Today.AddMonths(-(9 + (4 * (Composition.Length - 1 - index))));
            AddFinishedRound(NewRound(start), start, Composition[index]);
        }

        var current = clock.Today.AddDays(-105);
        AddCurrentRound(NewRound(current), current);
        return inspections;
    }

    private Round NewRound(DateOnly start)
    {
        var number = rounds.Count(r => r.Year == start.Year) + 1;
        var round = Round.Create(random.NewId(clock.OnWorkingDay(start.AddDays(-20))), $"{start.Year}年市委第{DemoTexts.Chinese(number)}轮巡察",
            start.Year, number);
        rounds.Add(round);
        return round;
    }

    private void AddFinishedRound(Round round, DateOnly start, (int Regular, int Special, int Mobile, bool LookBack) composition)
    {
        var group = 0;
        for (var i = 0; i < composition.Regular; i++)
        {
            Add(round, NextTarget(null), InspectionKind.Regular, DemoTexts.Group(++group), start, LiveStage.None);
        }

        for (var i = 0; i < composition.Special; i++)
        {
            var target = NextTarget(SpecialLevels);
            Add(round, target, InspectionKind.Special, $"{DemoTexts.Group(++group)}（{DemoTexts.SpecialTheme(target.Unit.Level)}专项巡察）", start, LiveStage.None);
        }

        for (var i = 0; i < composition.Mobile; i++)
        {
            Add(round, NextTarget(null), InspectionKind.Mobile, "市委机动巡察组", start, LiveStage.None);
        }

        if (composition.LookBack)
        {
            AddLookBack(round, start, ++group);
        }
    }

    private void AddCurrentRound(Round round, DateOnly start)
    {
        var group = 0;
        foreach (var (kind, stage) in CurrentRound)
        {
            var target = NextTarget(kind == InspectionKind.Special ? SpecialLevels : null);
            var name = kind switch
            {
                InspectionKind.Special => $"{DemoTexts.Group(++group)}（{DemoTexts.SpecialTheme(target.Unit.Level)}专项巡察）",
                InspectionKind.Mobile => "市委机动巡察组",
                _ => DemoTexts.Group(++group),
            };
            Add(round, target, kind, name, start, stage);
        }
    }

    /// <summary>A look-back (回头看) revisits a unit from the round four rounds earlier, whose problems have all been closed.</summary>
    private void AddLookBack(Round round, DateOnly start, int group)
    {
        var earlierRound = rounds[^5];
        var original = random.Pick(inspections.Where(i => i.Round == earlierRound && i.Kind == InspectionKind.Regular).ToList());
        var (begin, end, feedback) = Timing(InspectionKind.LookBack, start, LiveStage.None);
        inspections.Add(new InspectionSpec(random.NewId(clock.OnWorkingDay(begin)), round, original.Target, InspectionKind.LookBack,
            $"{DemoTexts.Group(group)}（回头看）", begin, end, feedback, Scaled(random.Between(6, 12), LiveStage.None), random.Between(0, 2), LiveStage.None, original));
    }

    private void Add(Round round, DemoTarget target, InspectionKind kind, string groupName, DateOnly roundStart, LiveStage stage)
    {
        var (start, end, feedback) = Timing(kind, roundStart, stage);
        inspections.Add(new InspectionSpec(random.NewId(clock.OnWorkingDay(start)), round, target, kind, groupName, start, end, feedback,
            Scaled(ProblemCount(kind, stage), stage), Scaled(ClueCount(kind), stage), stage, null));
    }

    /// <summary>On site for one to two months, fed back within a month after (巡察结束后一个月内反馈).</summary>
    private (DateOnly Start, DateOnly End, DateTime? Feedback) Timing(InspectionKind kind, DateOnly roundStart, LiveStage stage)
    {
        var today = clock.Today;
        switch (stage)
        {
            case LiveStage.OnSite:
                return (today.AddDays(-random.Between(28, 35)), today.AddDays(random.Between(15, 25)), null);
            case LiveStage.Drafting:
                return (roundStart.AddDays(random.Between(20, 30)), today.AddDays(-random.Between(30, 36)), clock.OnWorkingDay(today.AddDays(-random.Between(8, 12))));
            case LiveStage.Screening:
                return (roundStart.AddDays(random.Between(0, 5)), today.AddDays(-random.Between(50, 55)), clock.OnWorkingDay(today.AddDays(-random.Between(30, 34))));
            case LiveStage.Revising:
                return (roundStart.AddDays(random.Between(0, 5)), today.AddDays(-random.Between(60, 66)), clock.OnWorkingDay(today.AddDays(-random.Between(46, 50))));
        }

        var start = roundStart.AddDays(random.Between(0, 12));
        var onSite = kind switch
        {
            InspectionKind.Regular => random.Between(45, 60),
            InspectionKind.Special => random.Between(30, 40),
            _ => random.Between(20, 30),
        };
        var end = start.AddDays(onSite);
        return (start, end, clock.OnWorkingDay(end.AddDays(random.Between(15, 30))));
    }

    /// <summary>
    /// Demo:Scale shrinks the finished inspections (their problems and clues), which hold nearly all of the history; the current
    /// round keeps its size, so every early state is still there to see. Drawn first and scaled after, so the story stays the same.
    /// </summary>
    private int Scaled(int count, LiveStage stage) =>
        stage != LiveStage.None || scale >= 1.0 ? count : Math.Max(2, (int)Math.Round(count * scale, MidpointRounding.AwayFromZero));

    private int ProblemCount(InspectionKind kind, LiveStage stage) => stage switch
    {
        LiveStage.OnSite => random.Between(12, 16),
        LiveStage.Drafting => random.Between(14, 18),
        LiveStage.Screening or LiveStage.Revising => random.Between(22, 26),
        _ => kind switch
        {
            InspectionKind.Regular => random.Between(33, 52),
            InspectionKind.Special => random.Between(18, 30),
            _ => random.Between(12, 22),
        },
    };

    private int ClueCount(InspectionKind kind) => kind switch
    {
        InspectionKind.Regular => random.Between(3, 8),
        InspectionKind.Special => random.Between(2, 6),
        _ => random.Between(2, 5),
    };

    private DemoTarget NextTarget(UnitLevel[]? preferred)
    {
        if (notYetInspected.Count == 0)
        {
            throw new InvalidOperationException($"The demo city has {targets.Count} inspectable units, too few for the inspections the schedule lays out.");
        }

        var target = preferred is null ? null : notYetInspected.FirstOrDefault(t => preferred.Contains(t.Unit.Level));
        target ??= notYetInspected[0];
        notYetInspected.Remove(target);
        return target;
    }
}
