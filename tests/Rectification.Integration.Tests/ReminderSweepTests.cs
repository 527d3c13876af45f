using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Reminders;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Jobs;

namespace Rectification.Integration.Tests;

/// <summary>
/// The promises of the sweep that hold on every database (the ladder itself and the catch-up after downtime are in
/// <see cref="ReminderTests"/>, which runs on both too): a step is recorded once per (case, step, due date), and a second
/// sweep on the same day writes nothing.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ReminderSweepTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Sweep_WhenRunTwiceOnOneDay_WritesNothingTheSecondTime()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var due = problem.Deadline!.Value;

        await SweepOn(due.AddDays(10));
        var before = await Counts();
        var again = await Host.Sweep();
        var after = await Counts();
        var steps = (await Host.Query(db => db.ReminderSteps.Where(r => r.CaseId == problem.Id).Select(r => r.Step).ToListAsync())).Order(StringComparer.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps, Is.EqualTo(new[] { "due-in-7-days", "due-today", "overdue-3-days", "reminder-talk" }), "the first sweep caught up");
            Assert.That(again, Is.EqualTo(new SweepReport(0, 0, 0, 0, 0)));
            Assert.That(after, Is.EqualTo(before), "(steps, outbox rows, tasks) unchanged");
        }
    }

    [Test]
    public async Task Step_IsRecordedOncePerCaseStepAndDueDate_AndOnceMoreForADueDateMovedByAnExtension()
    {
        var problem = (await InRectification(Org.Township)).Problems[0];
        var oldDue = problem.Deadline!.Value;
        var newDue = oldDue.AddDays(14);

        await SweepOn(oldDue.AddDays(-7));
        await SweepOn(oldDue.AddDays(-6));
        var request = Ok(await Host.Send<ExtensionDto>("t1-liaison", new RequestDeadlineExtension(TargetKind.Problem, problem.Id, newDue, "需协调财政资金")));
        Ok(await Host.Send<ExtensionDto>("discipline", new DecideDeadlineExtension(request.Id, true, "同意延期")));
        await SweepOn(oldDue);
        await SweepOn(newDue.AddDays(-7));
        await SweepOn(newDue.AddDays(-7));

        var steps = (await Host.Query(db => db.ReminderSteps.Where(r => r.CaseId == problem.Id).Select(r => new { r.Step, r.DueDate }).ToListAsync())).OrderBy(s => s.DueDate);
        var dueSoon = await Host.Query(db => db.Outbox.CountAsync(m => m.CaseId == problem.Id && m.Event == "due-in-7-days"));
        var duplicate = Assert.ThrowsAsync<DbUpdateException>(() => Host.Query(db =>
        {
            db.ReminderSteps.Add(ReminderStepRecord.Take("problem", problem.Id, Org.Township.Id, "due-in-7-days", oldDue, DateTime.UtcNow, skipped: false));
            return db.SaveChangesAsync();
        }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps.Select(s => (s.Step, s.DueDate)), Is.EqualTo(new[] { ("due-in-7-days", oldDue), ("due-in-7-days", newDue) }),
                "once for the old date, once for the new; nothing on the old due date after the extension");
            Assert.That(dueSoon, Is.EqualTo(2), "the liaison, once per due date");
            Assert.That(duplicate, Is.Not.Null, "the database itself refuses a second record of one (case, step, due date)");
        }
    }

    private Task<(int Steps, int Outbox, int Tasks)> Counts() => Host.Query(async db =>
        (await db.ReminderSteps.CountAsync(), await db.Outbox.CountAsync(), await db.Tasks.CountAsync()));
}

/// <summary>
/// Two Hangfire servers on one in-memory storage (the storage that pairs with SQLite) run the sweep many times at once
/// against the SQLite file: no step is taken twice. <see cref="HangfireTests"/> does the same on PostgreSQL.
/// </summary>
[TestFixture]
public sealed class HangfireInMemoryTests() : HostTest(DatabaseProvider.Sqlite)
{
    // Waits up to 60 s for the servers to run every job, after the set-up of five problems.
    [TimeLimit(300)]
    [Test]
    public async Task Sweep_WhenTwoServersOnOneInMemoryStorageRunItConcurrently_TakesEveryStepOnce()
    {
        var (_, _, problems) = await InRectification(Org.Bureau, count: 5);
        Host.Clock.Advance(TimeSpan.FromDays(problems[0].Deadline!.Value.DayNumber - Host.Clock.Today.DayNumber));
        using var storage = new InMemoryStorage();
        const int runs = 12;

        await TwoHangfireServers.SweepAsync(storage, Host.Services, runs);

        var ids = problems.Select(p => p.Id).ToList();
        var steps = await Host.Query(db => db.ReminderSteps.Where(r => ids.Contains(r.CaseId)).ToListAsync());
        var dueToday = await Host.Query(db => db.Outbox.CountAsync(m => ids.Contains(m.CaseId) && m.Event == "due-today"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps.GroupBy(s => (s.CaseId, s.Step)).All(g => g.Count() == 1), Is.True);
            Assert.That(steps.Count(s => s.Step == "due-today"), Is.EqualTo(5));
            Assert.That(steps.Count(s => s.Step == "due-in-7-days"), Is.EqualTo(5), "found late, recorded as skipped, once");
            Assert.That(dueToday, Is.EqualTo(10), "liaison and leader of five problems, once each");
        }
    }
}
