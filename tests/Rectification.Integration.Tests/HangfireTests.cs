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

        using (new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = "one", WorkerCount = 3, Activator = new ScopedActivator(Host.Services) }, storage))
        using (new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = "two", WorkerCount = 3, Activator = new ScopedActivator(Host.Services) }, storage))
        {
            var client = new BackgroundJobClient(storage);
            for (var i = 0; i < runs; i++)
            {
                client.Enqueue<ReminderJobs>(jobs => jobs.SweepAsync(CancellationToken.None));
            }

            var monitor = storage.GetMonitoringApi();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (monitor.SucceededListCount() + monitor.FailedCount() < runs && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.That(monitor.FailedCount(), Is.Zero);
            Assert.That(monitor.SucceededListCount(), Is.EqualTo(runs));
        }

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

    /// <summary>Each server gets its own activator over the test host's container, with a scope per job.</summary>
    private sealed class ScopedActivator(IServiceProvider services) : JobActivator
    {
        public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(services.CreateScope());

        private sealed class Scope(IServiceScope scope) : JobActivatorScope
        {
            public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

            public override void DisposeScope() => scope.Dispose();
        }
    }
}
