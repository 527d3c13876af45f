using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Jobs;

namespace Rectification.Integration.Tests;

/// <summary>Two Hangfire servers on one PostgreSQL storage run the sweep many times at once: no step is taken twice.</summary>
/// <remarks>PostgreSQL only: SQLite pairs with the in-memory storage, which is one process's own and cannot be shared.</remarks>
[TestFixture]
public sealed class HangfireTests() : HostTest(DatabaseProvider.PostgreSql)
{
    // Waits up to 60 s for the servers to run every job, after the set-up of five problems.
    [TimeLimit(300)]
    [Test]
    public async Task Sweep_WhenTwoServersOnOneStorageRunItConcurrently_TakesEveryStepOnce()
    {
        var (_, _, problems) = await InRectification(Org.Bureau, count: 5);
        Host.Clock.Advance(TimeSpan.FromDays(problems[0].Deadline!.Value.DayNumber - Host.Clock.Today.DayNumber));
        var connection = await Host.Query(db => Task.FromResult(db.Database.GetConnectionString()!));
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(50) };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
        const int runs = 12;

        await TwoHangfireServers.SweepAsync(storage, Host.Services, runs);

        var ids = problems.Select(p => p.Id).ToList();
        var steps = await Host.Query(db => db.ReminderSteps.Where(r => ids.Contains(r.CaseId)).ToListAsync());
        var dueToday = await Host.Query(db => db.Outbox.CountAsync(m => ids.Contains(m.CaseId) && m.Event == "due-today"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps.GroupBy(s => (s.CaseId, s.Step)).All(g => g.Count() == 1), Is.True);
            Assert.That(steps.Count(s => s.Step == "due-today"), Is.EqualTo(5));
            Assert.That(dueToday, Is.EqualTo(10), "liaison and leader of five problems, once each");
        }
    }
}
