using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rectification.Application.Reminders;
using Rectification.Infrastructure.Email;

namespace Rectification.Infrastructure.Jobs;

/// <summary>
/// The recurring jobs. Hangfire runs a job at least once, so both are idempotent: the sweep records every step
/// under a unique key in the domain database, the dispatcher claims each outbox row before sending it, and a
/// failed run is simply the next minute's catch-up.
/// </summary>
public sealed class ReminderJobs(ReminderSweep sweep, OutboxDispatcher dispatcher, IOptions<EmailOptions> email, ILogger<ReminderJobs> log)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken) => await sweep.RunAsync(ct: cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        if (!email.Value.Outbox.Enabled)
        {
            return;
        }

        var report = await dispatcher.DispatchAsync(cancellationToken);
        if (report.Attempted + report.Deferred > 0)
        {
            log.LogInformation("Outbox dispatch: {Report}", report);
        }
    }
}
