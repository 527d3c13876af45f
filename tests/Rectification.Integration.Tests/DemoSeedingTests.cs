using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.CommonProblems;
using Rectification.Application.Evaluations;
using Rectification.Application.Problems;
using Rectification.Application.Statistics;
using Rectification.Domain.Clues;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Inspections;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Receipts;
using Rectification.Infrastructure;
using Rectification.Demo;

namespace Rectification.Integration.Tests;

/// <summary>
/// The demo deployment (<c>--seed-demo</c>) on a real SQLite file: it exercises every rule, and its statistics reconcile
/// with its ledger, unit by unit and overall, through the same queries the API answers.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DemoSeedingTests
{
    private const string Office = "office";

    private TestDatabase? database;
    private TestHost host = null!;

    [OneTimeSetUp]
    public async Task SeedDemo()
    {
        // The demo sends tens of thousands of commands, each committing on its own: on a memory-backed file system where there is one.
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Directory.Exists("/dev/shm") ? "/dev/shm" : null);
        // Pooled connections, as the product runs (the suites' files are unpooled so they can be deleted at once; the pool is cleared below).
        var pooled = new DatabaseOptions
        {
            Provider = database.Options.Provider,
            ConnectionString = new SqliteConnectionStringBuilder(database.Options.ConnectionString) { Pooling = true }.ToString(),
        };
        // A quarter of the history (Demo:Scale): every command goes through the pipeline, and the full city takes minutes.
        host = new TestHost(pooled, new Dictionary<string, string?> { ["Demo:Scale"] = "0.25" }, services => services.AddDemoSeeding());
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await DemoSeeder.SeedAsync(host.Services, new ProgressLogger());
        // Written out so that a run shows whether seeding stays usable; the figure is reported, not asserted.
        await TestContext.Progress.WriteLineAsync($"Demo seeded in {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>NUnit runs this even when <see cref="SeedDemo"/> threw; it must not hide that failure behind its own.</summary>
    [OneTimeTearDown]
    public async Task Stop()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task Receipts_are_acknowledged_on_time_late_or_still_pending_for_every_kind_the_demo_sends()
    {
        var receipts = await host.Query(db => db.Receipts.AsNoTracking().ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(receipts.Count(r => r.State == ReceiptStates.Acknowledged && !r.Late), Is.GreaterThan(0), "on time");
            Assert.That(receipts.Count(r => r.State == ReceiptStates.Acknowledged && r.Late), Is.GreaterThan(0), "late");
            Assert.That(receipts.Count(r => r.State == ReceiptStates.Pending), Is.GreaterThan(0), "pending");
            Assert.That(receipts.Select(r => r.Kind).Distinct(), Is.SupersetOf(new[] { ReceiptKind.Feedback, ReceiptKind.ReturnedPlan, ReceiptKind.HandoverSheet }));
            // Late means acknowledged after the limit, as Receipt.Acknowledge judges it; nobody signs before the item was sent.
            Assert.That(receipts.Where(r => r.AcknowledgedAt is not null)
                .All(r => r.Late == DateOnly.FromDateTime(r.AcknowledgedAt!.Value) > r.DueDate && r.AcknowledgedAt >= r.IssuedAt), Is.True);
            Assert.That(receipts.Where(r => r.State == ReceiptStates.Pending).All(r => r.AcknowledgedAt is null && r.IssuedAt <= host.Clock.GetUtcNow().UtcDateTime), Is.True);
        });
    }

    [Test]
    public async Task Ledger_line_changes_are_accepted_refused_or_pending_and_an_accepted_one_is_in_force()
    {
        var changes = await host.Query(db => db.LineChanges.AsNoTracking().ToListAsync());
        var accepted = changes.Where(c => c.Status == LineChangeStatus.Accepted).ToList();
        var problemIds = accepted.Select(c => c.ProblemId).ToList();
        var problems = await host.Query(db => db.Problems.AsNoTracking().Where(p => problemIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id));
        var planIds = accepted.Select(c => c.PlanId).Distinct().ToList();
        var lines = await host.Query(db => db.Plans.AsNoTracking().Include(p => p.Lines).Where(p => planIds.Contains(p.Id))
            .SelectMany(p => p.Lines).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.Not.Empty, "accepted");
            Assert.That(changes.Count(c => c.Status == LineChangeStatus.Refused), Is.GreaterThan(0), "refused");
            Assert.That(changes.Count(c => c.Status == LineChangeStatus.Proposed), Is.GreaterThan(0), "pending");
            Assert.That(changes.All(c => c.Material), Is.True, "the demo's changes all need a decision");
            Assert.That(changes.Where(c => c.Status == LineChangeStatus.Refused).All(c => !string.IsNullOrEmpty(c.DecisionComment) && c.DecidedAt > c.ProposedAt), Is.True);
            foreach (var change in accepted)
            {
                Assert.That(problems[change.ProblemId].Deadline, Is.EqualTo(change.After.Deadline), "the problem is chased against the new deadline");
                Assert.That(lines.Single(l => l.ProblemId == change.ProblemId).Measures, Is.EqualTo(change.After.Measures), "the line takes the new terms");
            }
        });
    }

    [Test]
    public async Task Common_problems_are_answered_not_present_opened_or_pending_and_the_push_counts_them()
    {
        var tasks = await host.Query(db => db.SelfCheckTasks.AsNoTracking().ToListAsync());
        var pushes = await host.Query(db => db.CommonProblemPushes.AsNoTracking().ToListAsync());
        var openedIds = tasks.Where(t => t.OpenedProblemId is not null).Select(t => t.OpenedProblemId!.Value).ToList();
        var opened = await host.Query(db => db.Problems.AsNoTracking().Where(p => openedIds.Contains(p.Id))
            .Join(db.Inspections, p => p.InspectionId, i => i.Id, (p, i) => new { p.Id, p.UnitId, p.State, i.Kind, InspectionUnit = i.UnitId }).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(pushes, Is.Not.Empty);
            Assert.That(tasks.Count(t => t.State == SelfCheckStates.NotPresent), Is.GreaterThan(0), "not present");
            Assert.That(tasks.Count(t => t.State == SelfCheckStates.Opened), Is.GreaterThan(0), "opened");
            Assert.That(tasks.Count(t => t.State == SelfCheckStates.Pending), Is.GreaterThan(0), "pending");
            Assert.That(tasks.Count(t => t.Late), Is.GreaterThan(0), "answered after the limit");
            Assert.That(tasks.Where(t => t.State == SelfCheckStates.NotPresent).All(t => !string.IsNullOrWhiteSpace(t.Statement)), Is.True);
            // Each opened problem is the unit's own, in a self-check inspection, fed back at once.
            Assert.That(opened, Has.Count.EqualTo(openedIds.Count));
            Assert.That(opened.All(p => p.Kind == InspectionKind.SelfCheck && p.InspectionUnit == p.UnitId && p.State != ProblemStates.Registered), Is.True);
            Assert.That(tasks.Where(t => t.OpenedProblemId is not null).All(t => opened.Single(p => p.Id == t.OpenedProblemId).UnitId == t.UnitId), Is.True);
        });

        foreach (var push in pushes)
        {
            var progress = (await host.Send<PushProgressDto>(Office, new GetCommonProblemPush(push.Id))).Value;
            var mine = tasks.Where(t => t.PushId == push.Id).ToList();
            Assert.That(new[] { progress.Units, progress.NotPresent, progress.Opened, progress.Pending, progress.Late },
                Is.EqualTo(new[]
                {
                    mine.Count, mine.Count(t => t.State == SelfCheckStates.NotPresent), mine.Count(t => t.State == SelfCheckStates.Opened),
                    mine.Count(t => t.State == SelfCheckStates.Pending), mine.Count(t => t.Late),
                }), $"push {push.Title}");
            Assert.That(mine.Select(t => t.UnitId), Does.Not.Contain(push.UnitId), "the problem's own unit is left out");
        }
    }

    [Test]
    public async Task Some_inspections_have_a_complete_effect_evaluation_with_a_grade_and_some_are_still_being_scored()
    {
        var evaluations = await host.Query(db => db.Evaluations.AsNoTracking().ToListAsync());
        Assert.That(evaluations.Count(e => e.Composite is not null && e.Grade is not null), Is.GreaterThan(0), "complete");
        Assert.That(evaluations.Count(e => e.Composite is null && e.Scores.Count > 0), Is.GreaterThan(0), "still being scored");
        foreach (var evaluation in evaluations.Where(e => e.Composite is not null).Take(5))
        {
            var read = (await host.Send<EvaluationDto>(Office, new GetEvaluation(evaluation.InspectionId))).Value;
            Assert.That((read.Composite, read.Grade), Is.EqualTo((evaluation.Composite, evaluation.Grade)));
        }
    }

    [Test]
    public async Task Statistics_overall_and_of_every_unit_reconcile_with_the_ledger_and_the_clue_sheets()
    {
        var units = await host.Query(db => db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.Path, u.ParentId }).ToListAsync());
        var problems = await host.Query(db => db.Problems.AsNoTracking().Select(p => new { p.UnitId, p.State }).ToListAsync());
        var clues = await host.Query(db => db.Clues.AsNoTracking().ToListAsync());
        // At Demo:Scale 0.25 the ledger holds some 830 problems (about 3,040 at full size).
        Assert.That(problems, Has.Count.GreaterThan(700), "the demo's ledger is there");

        // The ledger's own overdue list (台账, ?overdue=true) per unit, as a user filters it.
        var overdueByUnit = new Dictionary<Guid, int>();
        foreach (var unit in units)
        {
            overdueByUnit[unit.Id] = (await host.Send<Page<ProblemSummary>>(Office, new ListProblems(UnitId: unit.Id, Overdue: true, PageSize: 1))).Value.Total;
        }

        var unitPaths = units.ToDictionary(u => u.Id, u => u.Path);
        Expected Count(string path)
        {
            var below = units.Where(u => u.Path.StartsWith(path, StringComparison.Ordinal)).Select(u => u.Id).ToHashSet();
            var mine = problems.Where(p => below.Contains(p.UnitId)).ToList();
            var fedBack = mine.Count(p => p.State != ProblemStates.Registered);
            var closed = mine.Count(p => p.State == ProblemStates.Closed);
            var rate = fedBack == 0 ? 0m : Math.Round(100m * closed / fedBack, 2, MidpointRounding.AwayFromZero);
            return new Expected(fedBack, closed, rate, below.Sum(id => overdueByUnit[id]));
        }

        var root = units.Single(u => u.ParentId is null);
        var checkedUnits = 0;
        foreach (var unit in units)
        {
            var expected = Count(unit.Path);
            var statistics = (await host.Send<StatisticsDto>(Office, new GetStatistics(UnitId: unit.Id))).Value;
            var below = units.Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).Select(u => u.Id).ToHashSet();
            var theirClues = clues.Where(c => below.Contains(c.UnitId)).ToList();
            var concluded = theirClues.Where(c => c.Outcome is not null).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(new Expected(statistics.ProblemsFedBack, statistics.ProblemsClosed, statistics.CompletionRate, statistics.ProblemsOverdue),
                    Is.EqualTo(expected), $"statistics of {unit.Code}");
                Assert.That(statistics.Clues!.ByColour.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key),
                    Is.EqualTo(theirClues.GroupBy(c => c.Colour).Select(g => new KeyValuePair<SheetColour, int>(g.Key, g.Count())).OrderBy(kv => kv.Key)),
                    $"clues by colour of {unit.Code}");
                Assert.That((statistics.Clues.Concluded, statistics.Clues.CasesFiled, statistics.Clues.PeopleDisciplined, statistics.Clues.TransferredToJudicial, statistics.Clues.MoneyRecovered),
                    Is.EqualTo((concluded.Count, concluded.Sum(c => c.Outcome!.CasesFiled), concluded.Sum(c => c.Outcome!.PeopleDisciplined),
                        concluded.Sum(c => c.Outcome!.TransferredToJudicial), concluded.Sum(c => c.Outcome!.MoneyRecovered))),
                    $"clue outcomes of {unit.Code}");
            });

            // The completion table of a level: each subordinate unit with everything below it.
            if (units.Any(u => u.ParentId == unit.Id))
            {
                var table = (await host.Send<IReadOnlyList<UnitStatistics>>(Office, new GetStatisticsByUnit(ParentId: unit.Id))).Value;
                foreach (var row in table)
                {
                    Assert.That(new Expected(row.ProblemsFedBack, row.ProblemsClosed, row.CompletionRate, row.ProblemsOverdue),
                        Is.EqualTo(Count(unitPaths[row.UnitId])), $"completion table row {row.Code} under {unit.Code}");
                }
            }

            checkedUnits++;
        }

        var overall = (await host.Send<StatisticsDto>(Office, new GetStatistics())).Value;
        var ledgerOverdue = (await host.Send<Page<ProblemSummary>>(Office, new ListProblems(Overdue: true, PageSize: 1))).Value.Total;
        Assert.Multiple(() =>
        {
            Assert.That(checkedUnits, Is.EqualTo(units.Count));
            Assert.That(new Expected(overall.ProblemsFedBack, overall.ProblemsClosed, overall.CompletionRate, overall.ProblemsOverdue), Is.EqualTo(Count(root.Path)), "overall");
            Assert.That(overall.ProblemsOverdue, Is.EqualTo(ledgerOverdue), "overall overdue against the whole ledger's list");
            Assert.That(overall.ProblemsOverdue, Is.GreaterThan(0), "the demo shows overdue problems");
            Assert.That(overall.Clues!.ByColour.Values.Sum(), Is.EqualTo(clues.Count));
            Assert.That(clues.Select(c => c.State).Distinct(), Is.SupersetOf(ClueStates.All), "clues in every state");
        });
    }

    /// <summary>The seeder's summary (what was seeded, how long the commands took) in the test's progress output.</summary>
    private sealed class ProgressLogger : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Information;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => TestContext.Progress.WriteLine(formatter(state, exception));
    }

    private sealed record Expected(int FedBack, int Closed, decimal CompletionRate, int Overdue);
}
