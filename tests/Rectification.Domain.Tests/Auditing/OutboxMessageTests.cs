using Rectification.Domain.Auditing;

namespace Rectification.Domain.Tests.Auditing;

/// <summary>
/// A notification in the outbox: delivered at least once, never by two dispatchers at a time, retried after a back-off,
/// and kept as Failed once its attempts are used up.
/// </summary>
[TestFixture]
public sealed class OutboxMessageTests
{
    private static readonly Guid Id = Guid.Parse("0193a1b2-0000-7000-8000-00000000000a");
    private static readonly Guid CaseId = Guid.Parse("b7e1c0de-1111-4222-8333-444455556666");
    private static readonly Guid Recipient = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000001");
    private static readonly Guid Token = Guid.Parse("c0ffee00-0000-4000-8000-000000000001");
    private static readonly DateTime Created = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(10);

    private static OutboxMessage NewMessage() =>
        new(Id, Created, "FeedBack", "problem-fed-back", "problem", CaseId, Recipient, "li@example.org", "UnitLiaison", isCopy: true, "en", """{"code":"P-001"}""");

    [Test]
    public void ANewMessage_IsPendingWithNoAttempts_AndKeepsWhatItWasGiven()
    {
        var message = NewMessage();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Id, Is.EqualTo(Id));
            Assert.That(message.CreatedAt, Is.EqualTo(Created));
            Assert.That(message.Event, Is.EqualTo("FeedBack"));
            Assert.That(message.Template, Is.EqualTo("problem-fed-back"));
            Assert.That(message.CaseType, Is.EqualTo("problem"));
            Assert.That(message.CaseId, Is.EqualTo(CaseId));
            Assert.That(message.RecipientUserId, Is.EqualTo(Recipient));
            Assert.That(message.RecipientEmail, Is.EqualTo("li@example.org"));
            Assert.That(message.RecipientRole, Is.EqualTo("UnitLiaison"));
            Assert.That(message.IsCopy, Is.True);
            Assert.That(message.Language, Is.EqualTo("en"));
            Assert.That(message.Model, Is.EqualTo("""{"code":"P-001"}"""));
            Assert.That(message.Status, Is.EqualTo(OutboxStatus.Pending));
            Assert.That(message.Attempts, Is.Zero);
            Assert.That(message.Version, Is.Zero);
            Assert.That(message.IsDue(Now), Is.True, "a new message is due at once");
        }
    }

    [Test]
    public void MessageId_NamesTheCaseTheEventTheRecipientAndTheRow()
    {
        const string expected = "problem.b7e1c0de111142228333444455556666.FeedBack.a1b2c3d4000040008000000000000001.0193a1b200007000800000000000000a@rectification";

        var message = NewMessage();

        Assert.That(message.MessageId, Is.EqualTo(expected));
        Assert.That(message.StableMessageId, Is.EqualTo(message.MessageId), "every attempt sends the same Message-ID");
    }

    [Test]
    public void Claim_TakesTheRowForTheLease()
    {
        var message = NewMessage();

        message.Claim(Token, Now, Lease);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.ClaimToken, Is.EqualTo(Token));
            Assert.That(message.ClaimedUntil, Is.EqualTo(new DateTime(2026, 12, 1, 9, 5, 0, DateTimeKind.Utc)));
            Assert.That(message.Version, Is.EqualTo(1), "the claim raises the version, so a second dispatcher's claim conflicts");
            Assert.That(message.IsClaimed(Now), Is.True);
            Assert.That(message.IsClaimed(new DateTime(2026, 12, 1, 9, 5, 0, DateTimeKind.Utc)), Is.True, "the lease holds up to its last instant");
            Assert.That(message.IsDue(Now.AddMinutes(4)), Is.False, "a claimed row is not due for another dispatcher");
        }
    }

    [Test]
    public void AnExpiredLease_FreesTheRow()
    {
        var message = NewMessage();
        message.Claim(Token, Now, Lease);

        var afterLease = new DateTime(2026, 12, 1, 9, 5, 0, DateTimeKind.Utc).AddTicks(1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.IsClaimed(afterLease), Is.False);
            Assert.That(message.IsDue(afterLease), Is.True, "a crashed dispatcher's row can be claimed again");
        }
    }

    [Test]
    public void Claim_OfAClaimedRow_IsRefused()
    {
        var message = NewMessage();
        message.Claim(Token, Now, Lease);

        Assert.That(() => message.Claim(Guid.NewGuid(), Now.AddMinutes(1), Lease),
            Throws.InvalidOperationException.With.Message.Contains(Id.ToString()));
        Assert.That(message.ClaimToken, Is.EqualTo(Token), "the first claim stands");
    }

    [Test]
    public void Release_GivesTheRowBackUntouched()
    {
        var message = NewMessage();
        message.Claim(Token, Now, Lease);

        message.Release();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.ClaimToken, Is.Null);
            Assert.That(message.ClaimedUntil, Is.Null);
            Assert.That(message.Attempts, Is.Zero, "nothing was attempted");
            Assert.That(message.Version, Is.EqualTo(2));
            Assert.That(message.IsDue(Now), Is.True);
        }
    }

    [Test]
    public void MarkSent_RecordsTheDeliveryAndIsNeverDueAgain()
    {
        var message = NewMessage();
        message.Claim(Token, Now, Lease);

        message.MarkSent(Now.AddSeconds(3), "Problem P-001 fed back");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Status, Is.EqualTo(OutboxStatus.Sent));
            Assert.That(message.SentAt, Is.EqualTo(Now.AddSeconds(3)));
            Assert.That(message.Subject, Is.EqualTo("Problem P-001 fed back"));
            Assert.That(message.NextAttemptAt, Is.Null);
            Assert.That(message.ClaimToken, Is.Null);
            Assert.That(message.ClaimedUntil, Is.Null);
            Assert.That(message.Version, Is.EqualTo(2));
            Assert.That(message.IsDue(Now.AddDays(1)), Is.False);
        }
    }

    [Test]
    public void MarkSent_WithAVeryLongSubject_KeepsItsFirst300Characters()
    {
        var message = NewMessage();

        message.MarkSent(Now, new string('题', 299) + "ab");

        Assert.That(message.Subject, Is.EqualTo(new string('题', 299) + "a"));
    }

    [Test]
    public void RecordFailure_BelowTheLimit_WaitsForTheBackOff()
    {
        var message = NewMessage();
        message.Claim(Token, Now, Lease);

        message.RecordFailure(Now, "451 try again later", RetryAfter, maxAttempts: 3, subject: "Problem P-001 fed back");

        var retryAt = new DateTime(2026, 12, 1, 9, 10, 0, DateTimeKind.Utc);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Status, Is.EqualTo(OutboxStatus.Pending));
            Assert.That(message.Attempts, Is.EqualTo(1));
            Assert.That(message.LastError, Is.EqualTo("451 try again later"));
            Assert.That(message.Subject, Is.EqualTo("Problem P-001 fed back"));
            Assert.That(message.NextAttemptAt, Is.EqualTo(retryAt));
            Assert.That(message.ClaimToken, Is.Null);
            Assert.That(message.ClaimedUntil, Is.Null);
            Assert.That(message.Version, Is.EqualTo(2));
            Assert.That(message.IsDue(retryAt.AddTicks(-1)), Is.False, "not before the back-off");
            Assert.That(message.IsDue(retryAt), Is.True, "due from the back-off's end");
        }
    }

    [Test]
    public void RecordFailure_WithoutASubject_KeepsTheSubjectRenderedBefore()
    {
        var message = NewMessage();
        message.RecordFailure(Now, "first", RetryAfter, maxAttempts: 5, subject: "Problem P-001 fed back");

        message.RecordFailure(Now.AddMinutes(10), "second", RetryAfter, maxAttempts: 5);

        Assert.That(message.Subject, Is.EqualTo("Problem P-001 fed back"));
        Assert.That(message.LastError, Is.EqualTo("second"));
        Assert.That(message.Attempts, Is.EqualTo(2));
    }

    [Test]
    public void RecordFailure_AtTheLimit_KeepsTheMessageAsFailed()
    {
        var message = NewMessage();
        message.RecordFailure(Now, "550 mailbox unavailable", RetryAfter, maxAttempts: 2);

        message.RecordFailure(Now.AddMinutes(10), "550 mailbox unavailable", RetryAfter, maxAttempts: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Status, Is.EqualTo(OutboxStatus.Failed));
            Assert.That(message.Attempts, Is.EqualTo(2));
            Assert.That(message.NextAttemptAt, Is.Null);
            Assert.That(message.IsDue(Now.AddDays(30)), Is.False, "only an administrator's requeue sends it again");
        }
    }

    [Test]
    public void RecordFailure_WithASingleAttemptAllowed_FailsAtOnce()
    {
        var message = NewMessage();

        message.RecordFailure(Now, "550 mailbox unavailable", RetryAfter, maxAttempts: 1);

        Assert.That(message.Status, Is.EqualTo(OutboxStatus.Failed));
    }

    [TestCase(2000, 2000, TestName = "RecordFailure_WithAnErrorOfTheMaximumLength_KeepsItWhole")]
    [TestCase(2001, 2000, TestName = "RecordFailure_WithALongerError_KeepsItsFirst2000Characters")]
    public void RecordFailure_KeepsAtMostTheMaximumErrorLength(int length, int kept)
    {
        var message = NewMessage();
        var error = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26)));

        message.RecordFailure(Now, error, RetryAfter, maxAttempts: 3);

        Assert.That(message.LastError, Is.EqualTo(error[..kept]));
        Assert.That(OutboxMessage.MaxErrorLength, Is.EqualTo(2000));
    }
}
