using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Infrastructure.Jobs;

namespace Rectification.Integration.Tests;

/// <summary>Two Hangfire servers of three workers each on one storage, running the reminder sweep many times at once.</summary>
internal static class TwoHangfireServers
{
    /// <summary>Enqueues the sweep <paramref name="runs"/> times and waits (60 s at most) until every run succeeded.</summary>
    public static async Task SweepAsync(Hangfire.JobStorage storage, IServiceProvider services, int runs)
    {
        BackgroundJobServerOptions Options(string name) => new()
        {
            ServerName = name, WorkerCount = 3, Activator = new ScopedActivator(services), SchedulePollingInterval = TimeSpan.FromMilliseconds(50),
        };

        using (new BackgroundJobServer(Options("one"), storage))
        using (new BackgroundJobServer(Options("two"), storage))
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
