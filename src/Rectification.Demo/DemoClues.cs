using System.Globalization;
using Rectification.Domain.Clues;
using Rectification.Domain.Problems;

namespace Rectification.Demo;

/// <summary>
/// Problem clues (问题线索) handed over on red, yellow and blue sheets (红黄蓝三色交办单), mostly at the feedback
/// meeting and some during the inspection, then accepted, investigated and concluded by the district's
/// discipline commission within (usually) the limit the sheet's colour sets.
/// </summary>
internal sealed class DemoClues(DemoWorld world)
{
    private static readonly (SheetColour Value, double Weight)[] ColourShares = [(SheetColour.Red, 12), (SheetColour.Yellow, 38), (SheetColour.Blue, 50)];

    private DemoRandom Random => world.Random;
    private DemoClock Clock => world.Clock;

    public IReadOnlyList<Clue> HandOver(InspectionSpec spec, IReadOnlyList<Problem> problems)
    {
        var times = Enumerable.Range(0, spec.ClueCount).Select(_ => HandOverTime(spec)).Where(Clock.HasHappened).ToList();
        if (spec.Stage == LiveStage.OnSite)
        {
            // A sheet handed over this afternoon, so the demo always has one waiting for the discipline commission's receipt (签收).
            times.Add(Clock.Now.AddMinutes(-Random.Between(30, 240)));
        }

        return times.Order().Select((at, index) => HandOverOne(spec, problems, index + 1, at)).ToList();
    }

    private Clue HandOverOne(InspectionSpec spec, IReadOnlyList<Problem> problems, int number, DateTime at)
    {
        var unit = spec.Target.Unit;
        var colour = Random.Weighted(ColourShares);
        var story = Random.Pick(DemoTexts.ClueStories.Where(s => s.Levels.Length == 0 || s.Levels.Contains(unit.Level)).ToList());
        var related = Random.Sample(problems.Where(p => p.RegisteredAt <= at), Random.Between(0, 2)).Select(p => p.Id);
        var due = Clock.Add(DateOnly.FromDateTime(at), world.ClueLifecycle.Duration(colour.ToString()));
        var clue = Clue.HandOver(world.ClueLifecycle, Random.NewId(at), spec.Id, unit.Id, $"XS-{spec.Start.Year}-{unit.Code}-{number:00}",
            story.Summary.Replace("{unit}", unit.Name, StringComparison.Ordinal), colour, due, related, at);
        world.Steps.Created(clue, "HandOverClue", world.City.Group, at);
        Process(clue, spec.Target, at);
        return clue;
    }

    /// <summary>A red sheet is received within hours and concluded fast; some investigations outrun their limit, as real ones do.</summary>
    private void Process(Clue clue, DemoTarget target, DateTime handedOverAt)
    {
        var red = clue.Colour == SheetColour.Red;
        var discipline = target.Discipline;
        var acceptAt = red ? Clock.MinutesAfter(handedOverAt, 30, 240) : Clock.DaysAfter(handedOverAt, 1, 4);
        if (!Clock.HasHappened(acceptAt))
        {
            return;
        }

        world.Steps.Fire(clue, "AcceptClue", ClueTriggers.Accept, discipline, acceptAt, (machine, role) => clue.Accept(machine, role, discipline.Id, acceptAt));
        var startAt = red ? Clock.MinutesAfter(acceptAt, 30, 600) : Clock.DaysAfter(acceptAt, 1, 5);
        if (!Clock.HasHappened(startAt))
        {
            return;
        }

        world.Steps.Fire(clue, "StartInvestigation", ClueTriggers.StartInvestigation, discipline, startAt, (machine, role) => clue.StartInvestigation(machine, role));
        var concludeAt = ConclusionTime(clue, startAt);
        if (!Clock.HasHappened(concludeAt))
        {
            return;
        }

        var outcome = Outcome();
        world.Steps.Fire(clue, "ConcludeClue", ClueTriggers.Conclude, discipline, concludeAt, (machine, role) => clue.Conclude(machine, role, outcome, concludeAt));
    }

    private DateTime ConclusionTime(Clue clue, DateTime startedAt)
    {
        var red = clue.Colour == SheetColour.Red;
        var due = clue.DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (Random.Chance(red ? 0.1 : 0.25))
        {
            return Clock.DaysAfter(DemoClock.Later(startedAt, due), 5, red ? 20 : 120);
        }

        var span = Math.Max(1, clue.DueDate.DayNumber - DateOnly.FromDateTime(startedAt).DayNumber);
        return Clock.DaysAfter(startedAt, Math.Min(1, span), span);
    }

    private ClueOutcome Outcome()
    {
        var outcome = Random.Weighted(DemoTexts.Outcomes.Select(o => (o, o.Weight)).ToList());
        var amount = outcome.RecoversMoney ? Math.Round((decimal)Random.Fraction(0.5, 80), 2) : 0m;
        var people = outcome.PeopleDisciplined > 1 ? Random.Between(2, 4) : outcome.PeopleDisciplined;
        var summary = outcome.Summary
            .Replace("{amount}", amount.ToString("0.##", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{people}", people.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // The outcome counts money in yuan; the summary speaks in 万元 as the reports do.
        return new ClueOutcome(summary, outcome.CasesFiled, people, outcome.TransferredToJudicial, amount * 10_000m);
    }

    private DateTime HandOverTime(InspectionSpec spec)
    {
        if (spec.FeedbackAt is { } feedback && Random.Chance(0.75))
        {
            return Clock.DaysAfter(feedback, 0, 2);
        }

        return Clock.OnWorkingDay(Clock.DayBetween(spec.Start.AddDays(5), DemoClock.Earlier(spec.End, Clock.Today)));
    }
}
