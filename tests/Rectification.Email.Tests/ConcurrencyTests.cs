using Rectification.Domain.Auditing;
using Rectification.Email.Tests.Support;
using Rectification.Infrastructure;

namespace Rectification.Email.Tests;

/// <summary>Two application instances dispatching the same outbox at the same time.</summary>
[TestFixtureSource(typeof(DeliveryTest), nameof(Providers))]
public sealed class ConcurrencyTests(DatabaseProvider provider) : DeliveryTest(provider)
{
    [Test]
    public async Task Dispatch_WhenTwoDispatchersRunAtOnce_SendsEveryMessageOnce()
    {
        var messages = ManyNotifications(24);
        await AddAsync(messages);
        // A slow server keeps both dispatchers busy at the same time, so they contend for the same rows.
        Smtp.DataDelay = TimeSpan.FromMilliseconds(15);
        var second = NewInstance();

        var reports = await Task.WhenAll(Task.Run(App.DispatchAsync), Task.Run(second.DispatchAsync));

        var sentIds = Smtp.Received.Select(m => m.Message.MessageId).ToList();
        var rows = await OutboxAsync();
        TestContext.Out.WriteLine($"first: {reports[0]}; second: {reports[1]}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sentIds, Is.Unique, "no message sent twice");
            Assert.That(sentIds, Is.EquivalentTo(messages.Select(m => m.MessageId)), "every message sent");
            Assert.That(reports.Sum(r => r.Sent), Is.EqualTo(24));
            Assert.That(reports.Sum(r => r.Retrying + r.Failed), Is.Zero);
            Assert.That(rows.Select(m => m.Status), Has.All.EqualTo(OutboxStatus.Sent));
        }
    }
}
