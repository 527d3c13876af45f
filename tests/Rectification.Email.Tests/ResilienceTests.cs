using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rectification.Domain.Auditing;
using Rectification.Email.Tests.Support;
using Rectification.Infrastructure;

namespace Rectification.Email.Tests;

/// <summary>Outages, refusals and crashes: no message lost, none sent twice except a recognizable resend after a crash.</summary>
[TestFixtureSource(typeof(DeliveryTest), nameof(Providers))]
public sealed class ResilienceTests(DatabaseProvider provider) : DeliveryTest(provider)
{
    [Test]
    public async Task Dispatch_WhenTheServerIsDownForAWhile_DeliversEveryMessageExactlyOnceWhenItReturns()
    {
        var messages = ManyNotifications(6);
        await AddAsync(messages);
        await Smtp.StopAsync();

        var duringOutage = await App.DispatchAsync();
        var rows = await OutboxAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(duringOutage.CircuitOpen, Is.True, "the breaker opens and stops the batch");
            Assert.That(duringOutage.Sent, Is.Zero);
            // The first message fails both tries; the first try of the second opens the breaker (3 failures), and
            // the rest of the batch of four is left untried.
            Assert.That((duringOutage.Retrying, duringOutage.Deferred), Is.EqualTo((1, 3)));
            Assert.That(rows.All(m => m.Status == OutboxStatus.Pending), Is.True, "nothing is failed nor lost");
            Assert.That(rows.Where(m => m.Attempts > 0).Select(m => m.LastError), Is.Not.Empty);
            Assert.That(rows.Where(m => m.Attempts > 0).Select(m => m.LastError), Has.All.Contains("Connection refused").IgnoreCase);
            Assert.That(rows.All(m => m.ClaimedUntil is null), Is.True, "no claim outlives the run");
        }

        // Still down, and the breaker still open: the run stops at once and costs no attempt.
        var attemptsBefore = rows.Sum(m => m.Attempts);
        var stillOpen = await App.DispatchAsync();
        Assert.That(stillOpen.CircuitOpen, Is.True);
        Assert.That((await OutboxAsync()).Sum(m => m.Attempts), Is.EqualTo(attemptsBefore));

        Smtp.Restart();
        Clock.Advance(TimeSpan.FromMinutes(5));
        var afterOutage = await App.DispatchAsync();
        var again = await App.DispatchAsync();

        rows = await OutboxAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterOutage.Sent, Is.EqualTo(6));
            Assert.That(again.Attempted, Is.Zero);
            Assert.That(rows.All(m => m.Status == OutboxStatus.Sent), Is.True);
            Assert.That(Smtp.Received.Select(m => m.Message.MessageId), Is.EquivalentTo(messages.Select(m => m.MessageId)), "each exactly once");
            Assert.That(rows.Where(m => m.Attempts > 0).Select(m => m.LastError), Is.Not.Empty, "the failed attempts stay recorded");
        }
    }

    [Test]
    public async Task Dispatch_WhenAMessageFailsPastTheAttemptLimit_MarksItFailedUntilRetryFailedRequeuesIt()
    {
        Reconfigure(("Email:Outbox:MaxAttempts", "3"));
        var message = World.ProblemClosed(Now, World.Leader);
        await AddAsync(message);
        Smtp.Refusal = SmtpRefusal.Mail451;

        var reports = new List<Infrastructure.Email.DispatchReport>();
        for (var i = 0; i < 3; i++)
        {
            reports.Add(await App.DispatchAsync());
            var pending = (await OutboxAsync()).Single();
            if (pending.Status == OutboxStatus.Pending)
            {
                Assert.That(pending.NextAttemptAt, Is.EqualTo(Now.AddMinutes(Math.Pow(2, i))), "exponential back-off");
                // Before the back-off has passed the message is left alone.
                Assert.That((await App.DispatchAsync()).Attempted, Is.Zero);
            }

            Clock.Advance(TimeSpan.FromHours(1));
        }

        var failed = (await OutboxAsync()).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reports.Select(r => (r.Retrying, r.Failed)), Is.EqualTo(new[] { (1, 0), (1, 0), (0, 1) }));
            Assert.That(failed.Status, Is.EqualTo(OutboxStatus.Failed));
            Assert.That(failed.Attempts, Is.EqualTo(3));
            Assert.That(failed.LastError, Does.Contain("451").And.Contain("try again later"));
            Assert.That(failed.NextAttemptAt, Is.Null);
            Assert.That(Smtp.Received, Is.Empty);
        }

        Smtp.Refusal = SmtpRefusal.None;
        Assert.That((await App.DispatchAsync()).Attempted, Is.Zero, "a Failed message waits for an administrator");

        Assert.That(await App.RetryFailedAsync(), Is.EqualTo(1));
        var requeued = (await OutboxAsync()).Single();
        Assert.That((requeued.Status, requeued.Attempts), Is.EqualTo((OutboxStatus.Pending, 0)));
        await App.DispatchAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Smtp.Received.Single().Message.MessageId, Is.EqualTo(message.MessageId));
            Assert.That(Smtp.Received.Single().Recipients, Is.EqualTo(new[] { World.Leader.Email }));
        }
        Assert.That((await OutboxAsync()).Single().Status, Is.EqualTo(OutboxStatus.Sent));
    }

    [Test]
    public async Task Dispatch_WhenTheServerRefusesAtTheGreeting_RecordsTheRefusalAndRetriesLater()
    {
        await AddAsync(World.ProblemClosed(Now, World.Leader));
        Smtp.Refusal = SmtpRefusal.Greeting421;

        var refused = await App.DispatchAsync();
        var row = (await OutboxAsync()).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Retrying, Is.EqualTo(1));
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Pending));
            Assert.That(row.LastError, Does.Contain("421"));
            Assert.That(Smtp.Sessions, Is.EqualTo(2), "one try and one quick retry inside the pipeline");
        }

        Smtp.Refusal = SmtpRefusal.None;
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That((await App.DispatchAsync()).Sent, Is.EqualTo(1));
    }

    [Test]
    public async Task Dispatch_WhenItCrashesAfterSendingBeforeRecording_ResendsWithTheSameMessageIdOnlyAfterTheLease()
    {
        var crash = new CrashWhenMarkingSent();
        var crashing = NewInstance(Settings(), crash);
        var message = World.ProblemClosed(Now, World.Leader);
        await AddAsync(message);

        await Assert.ThatAsync(() => crashing.DispatchAsync(), Throws.TypeOf<SimulatedCrashException>());
        Assert.That(Smtp.Received, Has.Count.EqualTo(1));
        var claimed = (await OutboxAsync()).Single();
        Assert.That((claimed.Status, claimed.ClaimedUntil), Is.EqualTo((OutboxStatus.Pending, (DateTime?)Now.AddMinutes(2))));

        // Another instance leaves the row alone while the crashed dispatcher's lease runs.
        Assert.That((await App.DispatchAsync()).Attempted, Is.Zero);
        Assert.That(Smtp.Received, Has.Count.EqualTo(1));

        Clock.Advance(TimeSpan.FromMinutes(3));
        var resend = await App.DispatchAsync();

        var first = Smtp.Received[0].Message;
        var second = Smtp.Received[1].Message;
        var row = (await OutboxAsync()).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(resend.Sent, Is.EqualTo(1));
            Assert.That(Smtp.Received, Has.Count.EqualTo(2));
            Assert.That(second.MessageId, Is.EqualTo(first.MessageId), "the resend is recognizably the same message");
            Assert.That(second.MessageId, Is.EqualTo(message.MessageId));
            Assert.That(second.Date, Is.EqualTo(first.Date));
            Assert.That(second.Subject, Is.EqualTo(first.Subject));
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Sent));
        }
    }

    private sealed class SimulatedCrashException() : Exception("simulated crash between sending and recording");

    /// <summary>The process dies after the server accepted the message and before the outbox says so.</summary>
    private sealed class CrashWhenMarkingSent : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Modified && e.Entity.Status == OutboxStatus.Sent)
                ? throw new SimulatedCrashException()
                : ValueTask.FromResult(result);
    }
}
