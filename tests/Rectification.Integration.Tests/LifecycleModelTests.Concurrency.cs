using Microsoft.EntityFrameworkCore;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;
using DomainUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Integration.Tests;

/// <summary>Sign-offs and closes sent at once: the outcome must be that of some one-at-a-time order the model accepts.</summary>
public sealed partial class LifecycleModelTests
{
    // About 30 s on SQLite on the 2-core CI machine.
    [TimeLimit(300)]
    [Test]
    public async Task ConcurrentSignOffsAndCloses_AreLinearizable_WithNoDoubleCloseAndNoLostSignature()
    {
        var problems = Provider == DatabaseProvider.Sqlite ? 30 : 15;
        var failures = new List<string>();
        for (var i = 0; i < problems && failures.Count == 0; i++)
        {
            var unit = i % 2 == 0 ? Org.Bureau : Org.Township;
            var world = await Start(new Sequence(unit, 1, i % 3, false, []));
            await UnderReview(world, unit);
            for (var burst = 0; burst < 6 && world.Problems[0].State == ProblemStates.UnderReview; burst++)
            {
                // Every party still to sign, the district's commission beside the city's (one party: one of them must lose), and two closes.
                var steps = world.Problems[0].Required.Where(r => !world.Problems[0].Signed.Contains(r))
                    .SelectMany(r => actors.Values.Where(a => a.Role == r && a.Covers.Contains(unit.Id)))
                    .Select(a => new Step(Op.SignOff, a, 0, VersionSent.None, true, RectificationKind.TimeLimited, 0))
                    .Concat(Enumerable.Repeat(new Step(Op.Close, actors["office"], 0, VersionSent.None, true, RectificationKind.TimeLimited, 0), 2))
                    .ToList();
                var outcomes = await Task.WhenAll(steps.Select(step => Task.Run(() => Host.SendForError(step.Actor.User, Message(world, step)))));
                if (Linearize(world, steps, outcomes) is not { } order)
                {
                    failures.Add($"problem {i}, burst {burst}: no order explains " + string.Join("; ", steps.Zip(outcomes, (s, o) => $"{s.Op} {s.Actor.Name} → {o?.Code ?? "ok"}")));
                    break;
                }

                foreach (var step in order)
                {
                    Apply(world, step);
                }

                if (await Compare(world) is { } difference)
                {
                    failures.Add($"problem {i}, burst {burst}: {difference}");
                }
            }

            var closes = await Host.Query(db => db.AuditEntries.CountAsync(a => a.EntityId == world.Problems[0].Id && a.Trigger == "Close"));
            if (closes != (world.Problems[0].State == ProblemStates.Closed ? 1 : 0))
            {
                failures.Add($"problem {i}: {closes} close entries in the audit trail, state {world.Problems[0].State}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private async Task UnderReview(World world, DomainUnit unit)
    {
        var liaison = actors[$"{unit.Code.ToLowerInvariant()}-liaison"];
        Step S(Op op, Actor actor, int days = 0) => new(op, actor, 0, VersionSent.None, true, RectificationKind.TimeLimited, days);
        foreach (var step in new[]
        {
            S(Op.FeedBackInspection, actors["office"]), S(Op.EditLine, liaison, 90), S(Op.SubmitPlan, liaison), S(Op.AcceptPlan, actors["discipline"]),
            S(Op.ReportProgress, liaison), S(Op.SubmitForReview, liaison),
        })
        {
            Assert.That(Expect(world, step), Is.Null, step.ToString);
            Assert.That((await Host.SendForError(step.Actor.User, Message(world, step)))?.Code, Is.Null, step.ToString);
            Apply(world, step);
            Assert.That(await Compare(world), Is.Null);
        }
    }

    /// <summary>
    /// An order of the successful steps that the model carries out one at a time, such that every refused step lost a race
    /// (concurrency.conflict) or is refused by the model at some point of that order. Null when none exists.
    /// </summary>
    private static IReadOnlyList<Step>? Linearize(World world, IReadOnlyList<Step> steps, IReadOnlyList<Error?> outcomes)
    {
        var succeeded = steps.Where((_, i) => outcomes[i] is null).ToList();
        foreach (var order in Permutations(succeeded))
        {
            var model = Clone(world);
            var refusalsSeen = new HashSet<(Step, string)>();
            var fits = true;
            foreach (var step in order)
            {
                foreach (var other in steps)
                {
                    if (Expect(model, other) is { } r) refusalsSeen.Add((other, r.Code));
                }

                if (Expect(model, step) is not null)
                {
                    fits = false;
                    break;
                }

                ApplyWithoutHost(model, step);
            }

            foreach (var other in steps)
            {
                if (Expect(model, other) is { } r) refusalsSeen.Add((other, r.Code));
            }

            if (fits && steps.Select((s, i) => (s, outcomes[i])).All(x => x.Item2 is null || x.Item2.Code == "concurrency.conflict" || refusalsSeen.Contains((x.s, x.Item2.Code))))
            {
                return order;
            }
        }

        return null;
    }

    /// <summary>Sign-offs and closes change no deadline, so the model needs no clock for them.</summary>
    private static void ApplyWithoutHost(World world, Step step)
    {
        var problem = world.Problems[step.Problem];
        switch (step.Op)
        {
            case Op.SignOff:
                problem.Signed.Add(step.Actor.Role);
                problem.Version++;
                break;
            case Op.Close:
                problem.State = ProblemStates.Closed;
                problem.Version++;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Op, "only sign-offs and closes race here");
        }
    }

    private static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
