using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Rectification.Domain.Auditing;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Infrastructure.Email;

/// <summary>
/// Delivers the outbox: pending messages whose back-off has passed, oldest first, in batches. Each message is claimed
/// (a lease, saved with an optimistic version check) before it is sent, so dispatchers in several processes never
/// send one message twice; a failed attempt waits with exponential back-off, and after the last allowed attempt the
/// message is Failed: kept and visible until <see cref="RetryFailedAsync"/>. Nothing is ever deleted.
/// </summary>
public sealed class OutboxDispatcher(
    RectificationDbContext db,
    TemplateCatalog templates,
    NotificationModelBuilder models,
    MailComposer composer,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private enum Outcome { Sent, Retrying, Failed, Skipped, CircuitOpen }

    private OutboxDeliveryOptions Settings => options.Value.Outbox;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<DispatchReport> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<Outcome, int>();
        var seen = new HashSet<Guid>();
        var deferred = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = Now;
            var batch = await db.Outbox.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now)
                    && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .Take(Settings.BatchSize)
                .ToListAsync(cancellationToken);
            // A row comes back only if another dispatcher released it meanwhile; one try per run is enough.
            var fresh = batch.Where(m => seen.Add(m.Id)).ToList();
            for (var i = 0; i < fresh.Count; i++)
            {
                var outcome = await DeliverAsync(fresh[i], cancellationToken);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                if (outcome == Outcome.CircuitOpen)
                {
                    deferred = fresh.Count - i;
                    logger.LogWarning("SMTP circuit is open: {Count} message(s) of this batch stay pending for a later run", deferred);
                    return Report(counts, deferred, circuitOpen: true);
                }
            }

            if (fresh.Count == 0 || batch.Count < Settings.BatchSize)
            {
                return Report(counts, deferred, circuitOpen: false);
            }
        }
    }

    /// <summary>Requeues every Failed message with a fresh series of attempts (an administrator's action, e.g. after fixing the mail server settings).</summary>
    public async Task<int> RetryFailedAsync(CancellationToken cancellationToken = default)
    {
        // One statement whatever the number of rows; the version bump makes any copy of a row read before it stale.
        var requeued = await db.Outbox.Where(m => m.Status == OutboxStatus.Failed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAt, (DateTime?)null)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
            .SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
        logger.LogInformation("Requeued {Count} failed outbox message(s)", requeued);
        return requeued;
    }

    private async Task<Outcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        db.Attach(message);
        try
        {
            if (!message.IsDue(Now))
            {
                return Outcome.Skipped;
            }

            message.Claim(Guid.NewGuid(), Now, Settings.ClaimDuration);
            if (!await TrySaveAsync(cancellationToken))
            {
                return Outcome.Skipped;
            }

            string? subject = null;
            try
            {
                var template = templates.Find(message.Template, message.Language);
                var model = await models.BuildAsync(message, template.Language, cancellationToken);
                var mail = template.Render(model);
                subject = mail.Subject;
                await transport.SendAsync(composer.Compose(message, mail, model[NotificationModel.RecipientName]), cancellationToken);
            }
            catch (BrokenCircuitException)
            {
                message.Release();
                await RecordAsync(message);
                return Outcome.CircuitOpen;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                message.Release();
                await RecordAsync(message);
                throw;
            }
            catch (Exception e)
            {
                message.RecordFailure(Now, Describe(e), Settings.RetryDelayAfter(message.Attempts + 1), Settings.MaxAttempts, subject);
                await RecordAsync(message);
                if (message.Status == OutboxStatus.Failed)
                {
                    logger.LogError("Outbox message {Id} ({Template} to {Recipient}) failed its last attempt ({Attempts}); it waits for an administrator: {Error}",
                        message.Id, message.Template, message.RecipientEmail, message.Attempts, message.LastError);
                    return Outcome.Failed;
                }

                logger.LogWarning("Outbox message {Id} ({Template} to {Recipient}) failed attempt {Attempts}; next attempt at {Next:O}: {Error}",
                    message.Id, message.Template, message.RecipientEmail, message.Attempts, message.NextAttemptAt, message.LastError);
                return Outcome.Retrying;
            }

            message.MarkSent(Now, subject);
            await RecordAsync(message);
            return Outcome.Sent;
        }
        finally
        {
            db.Entry(message).State = EntityState.Detached;
        }
    }

    /// <summary>Saves the claim; false when another dispatcher changed the row first.</summary>
    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// Saves what happened after the claim, even when the run is being cancelled: a sent message not recorded as
    /// sent would be sent again.
    /// </summary>
    private async Task RecordAsync(OutboxMessage message)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Only possible if the lease ran out mid-send and another dispatcher took the row: it may send the same
            // Message-ID again. Email:Outbox:ClaimDuration is too short for this server if this repeats.
            logger.LogWarning("Outbox message {Id}: the claim expired before its outcome was recorded; another dispatcher owns it now", message.Id);
        }
    }

    private static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            parts.Add(current is SmtpCommandException command
                ? $"{current.GetType().Name} ({(int)command.StatusCode} {command.ErrorCode}): {current.Message}"
                : $"{current.GetType().Name}: {current.Message}");
        }

        return string.Join(" ---> ", parts);
    }

    private static DispatchReport Report(Dictionary<Outcome, int> counts, int deferred, bool circuitOpen) => new(
        counts.GetValueOrDefault(Outcome.Sent),
        counts.GetValueOrDefault(Outcome.Retrying),
        counts.GetValueOrDefault(Outcome.Failed),
        counts.GetValueOrDefault(Outcome.Skipped),
        deferred,
        circuitOpen);
}
