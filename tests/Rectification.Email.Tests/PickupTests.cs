using Microsoft.EntityFrameworkCore;
using MimeKit;
using Rectification.Domain.Auditing;
using Rectification.Email.Tests.Support;

namespace Rectification.Email.Tests;

public sealed class PickupTests : DeliveryTest
{
    [Test]
    public async Task Dispatch_WhenModeIsPickup_WritesOneEmlFilePerMessageWithItsHeaders()
    {
        Reconfigure(("Email:Mode", "Pickup"));
        var messages = new[]
        {
            World.ProblemClosed(Now, World.Leader),
            World.ProblemClosed(Now, World.Office, copy: true),
            World.Notification(Now, "plan-returned", "Return", "plan", World.Plan.Id, World.Liaison, false, "Returned"),
        };
        await AddAsync(messages);

        var report = await App.DispatchAsync();

        var files = Directory.GetFiles(PickupFolder);
        var written = files.Select(f => MimeMessage.Load(f)).ToDictionary(m => m.MessageId ?? "");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Sent, Is.EqualTo(3));
            Assert.That(files, Has.Length.EqualTo(3).And.All.EndsWith(".eml"), "one file per message, no temporary file left");
            Assert.That(written.Keys, Is.EquivalentTo(messages.Select(m => m.MessageId)));
            Assert.That(Smtp.Received, Is.Empty);
        }
        foreach (var message in messages)
        {
            var mail = written[message.MessageId!];
            using (Assert.EnterMultipleScope())
            {
                Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo(message.RecipientEmail));
                Assert.That(mail.From.Mailboxes.Single().Address, Is.EqualTo("xunchaban@example.gov.cn"));
                Assert.That(mail.Subject, Is.Not.Empty);
                Assert.That(mail.Body!.Headers["Content-Language"], Is.EqualTo(message.Language));
                Assert.That(mail.Headers["X-Rectification-Outbox-Id"], Is.EqualTo(message.Id.ToString()));
                Assert.That(mail.Headers["X-Rectification-Case"], Is.EqualTo($"{message.CaseType}/{message.CaseId}"));
                Assert.That(mail.TextBody, Is.Not.Empty);
                Assert.That(mail.HtmlBody, Does.StartWith("<!DOCTYPE html>"));
            }
        }

        Assert.That(written[messages[2].MessageId!].Subject, Is.EqualTo("[Rectification plan returned] The plan of 测试市财政局 needs revision"));
        Assert.That((await OutboxAsync()).Select(m => m.Status), Has.All.EqualTo(OutboxStatus.Sent));
    }

    [Test]
    public async Task Dispatch_WhenAPickedUpMessageIsWrittenAgain_ReplacesItsFile()
    {
        Reconfigure(("Email:Mode", "Pickup"));
        await AddAsync(World.ProblemClosed(Now, World.Leader));
        await App.DispatchAsync();
        // Played as a crash before recording: the row is pending again although its file was written.
        await App.Query(db => db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending)));

        await App.DispatchAsync();

        Assert.That(Directory.GetFiles(PickupFolder), Has.Length.EqualTo(1));
        Assert.That(Smtp.Received, Is.Empty);
    }
}
