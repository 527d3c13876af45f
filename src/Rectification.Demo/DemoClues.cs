using System.Globalization;
using Rectification.Application.Clues;
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
    private DemoTimeline Clock => world.Clock;

    /// <summary>Hands the inspection's clues over, once its problems are registered: a clue may name the problems it came from.</summary>
    public async Task HandOverAsync(InspectionSpec spec, Guid inspectionId, IReadOnlyList<DemoProblem> problems, CancellationToken ct)
    {
        var times = Enumerable.Range(0, spec.ClueCount).Select(_ => HandOverTime(spec)).Where(Clock.HasHappened).ToList();
        if (spec.Stage == LiveStage.OnSite)
        {
            // A sheet handed over this afternoon, so the demo always has one waiting for the discipline commission's receipt (签收).
            times.Add(Clock.Now.AddMinutes(-Random.Between(30, 240)));
        }

        foreach (var (at, index) in times.Order().Select((at, index) => (at, index)))
        {
            await HandOverOneAsync(spec, inspectionId, problems, index + 1, at, ct);
        }
    }

    private async Task HandOverOneAsync(InspectionSpec spec, Guid inspectionId, IReadOnlyList<DemoProblem> problems, int number, DateTime at, CancellationToken ct)
    {
        var unit = spec.Target.Unit;
        var colour = Random.Weighted(ColourShares);
        var story = Random.Pick(DemoTexts.ClueStories.Where(s => s.Levels.Length == 0 || s.Levels.Contains(unit.Level)).ToList());
        var related = Random.Sample(problems.Where(p => p.RegisteredAt <= at), Random.Between(0, 2)).Select(p => p.Id).ToList();
        // HandOverClue counts the limit from the moment of handover, as the sheet's colour sets it, and issues the sheet's receipt.
        var clue = await world.Commands.SendAsync(world.City.Group, at, new HandOverClue(inspectionId,
            story.Summary.Replace("{unit}", unit.Name, StringComparison.Ordinal), colour, related, $"XS-{spec.Start.Year}-{unit.Code}-{number:00}"), ct);
        await ProcessAsync(clue, spec.Target, at, ct);
    }

    /// <summary>A red sheet is received within hours and concluded fast; some investigations outrun their limit, as real ones do.</summary>
    private async Task ProcessAsync(ClueDto clue, DemoTarget target, DateTime handedOverAt, CancellationToken ct)
    {
        var red = clue.Colour == SheetColour.Red;
        var discipline = target.Discipline;
        var acceptAt = red ? Clock.MinutesAfter(handedOverAt, 30, 240) : Clock.DaysAfter(handedOverAt, 1, 4);
        if (!Clock.HasHappened(acceptAt))
        {
            return;
        }

        await world.Commands.SendAsync(discipline, acceptAt, new AcceptClue(clue.Id), ct);
        var startAt = red ? Clock.MinutesAfter(acceptAt, 30, 600) : Clock.DaysAfter(acceptAt, 1, 5);
        if (!Clock.HasHappened(startAt))
        {
            return;
        }

        await world.Commands.SendAsync(discipline, startAt, new StartInvestigation(clue.Id), ct);
        var concludeAt = ConclusionTime(clue, startAt);
        if (!Clock.HasHappened(concludeAt))
        {
            return;
        }

        var outcome = Outcome();
        await world.Commands.SendAsync(discipline, concludeAt, new ConcludeClue(clue.Id, outcome.Summary, outcome.CasesFiled, outcome.PeopleDisciplined,
            outcome.TransferredToJudicial, outcome.MoneyRecovered), ct);
    }

    private DateTime ConclusionTime(ClueDto clue, DateTime startedAt)
    {
        var red = clue.Colour == SheetColour.Red;
        var due = clue.DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (Random.Chance(red ? 0.1 : 0.25))
        {
            return Clock.DaysAfter(DemoTimeline.Later(startedAt, due), 5, red ? 20 : 120);
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

        return Clock.OnWorkingDay(Clock.DayBetween(spec.Start.AddDays(5), DemoTimeline.Earlier(spec.End, Clock.Today)));
    }
}
