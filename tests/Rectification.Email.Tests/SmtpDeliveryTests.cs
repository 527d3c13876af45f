using Rectification.Domain.Auditing;
using Rectification.Email.Tests.Support;

namespace Rectification.Email.Tests;

/// <summary>What arrives at a real SMTP server: recipients, sender, subject, language, body and headers.</summary>
public sealed class SmtpDeliveryTests : DeliveryTest
{
    [Test]
    public async Task Dispatch_WhenTheServerIsUp_DeliversEachRecipientInTheirLanguage()
    {
        var toLeader = World.ProblemClosed(Now, World.Leader);
        var toOffice = World.ProblemClosed(Now, World.Office, copy: true);
        await AddAsync(toLeader, toOffice);

        var report = await App.DispatchAsync();

        Assert.That(report, Is.EqualTo(new Infrastructure.Email.DispatchReport(2, 0, 0, 0, 0, false)));
        var zh = Smtp.Received.Single(m => m.Recipients.Contains(World.Leader.Email));
        var en = Smtp.Received.Single(m => m.Recipients.Contains(World.Office.Email));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Smtp.Received, Has.Count.EqualTo(2));
            Assert.That(zh.MailFrom, Is.EqualTo("xunchaban@example.gov.cn"));
            Assert.That(zh.Message.From.Mailboxes.Single().Name, Is.EqualTo("市委巡察办"));
            Assert.That(zh.Message.To.Mailboxes.Single().Address, Is.EqualTo(World.Leader.Email));
            Assert.That(zh.Message.To.Mailboxes.Single().Name, Is.EqualTo("王局长"));
            Assert.That(zh.Message.Subject, Is.EqualTo("【整改销号】测试市财政局问题XC-2026-001已销号"));
            Assert.That(zh.Message.Body!.Headers["Content-Language"], Is.EqualTo("zh-CN"));
            Assert.That(zh.Message.TextBody, Does.Contain("王局长：").And.Contain("经审核各方签字确认").And.Contain("当前状态：已销号")
                .And.Contain($"https://zhenggai.example.gov.cn/problems/{World.Problem.Id}"));
            Assert.That(zh.Message.TextBody, Does.Not.Contain("抄送"));

            Assert.That(en.Message.Subject, Is.EqualTo("[Problem closed] 测试市财政局, problem XC-2026-001 has been closed (copy)"));
            Assert.That(en.Message.Body!.Headers["Content-Language"], Is.EqualTo("en"));
            Assert.That(en.Message.Headers["X-Rectification-Copy"], Is.EqualTo("true"));
            Assert.That(en.Message.TextBody, Does.Contain("Dear Office Clerk,").And.Contain("State: Closed")
                .And.Contain("You receive this as a copy"));
        }
    }

    [Test]
    public async Task Dispatch_WhenValuesHoldMarkup_EncodesThemInTheHtmlBodyOnly()
    {
        await AddAsync(World.ProblemClosed(Now, World.Leader));

        await App.DispatchAsync();

        var mail = Smtp.Received.Single().Message;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mail.TextBody, Does.Contain(World.ProblemTitle));
            Assert.That(mail.HtmlBody, Does.Contain("专项资金 &lt;审批&gt; &amp; 报销不规范"));
            Assert.That(mail.HtmlBody, Does.Not.Contain("<审批>"));
        }
    }

    [Test]
    public async Task Dispatch_WhenTheMessageIsSent_RecordsItAsSentWithItsMessageId()
    {
        var message = World.ProblemClosed(Now, World.Leader);
        await AddAsync(message);
        Clock.Advance(TimeSpan.FromMinutes(3));

        await App.DispatchAsync();

        var row = (await OutboxAsync()).Single();
        var mail = Smtp.Received.Single().Message;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.Status, Is.EqualTo(OutboxStatus.Sent));
            Assert.That(row.SentAt, Is.EqualTo(Now));
            Assert.That(row.Subject, Is.EqualTo(mail.Subject));
            Assert.That(row.ClaimedUntil, Is.Null);
            Assert.That(mail.MessageId, Is.EqualTo(row.MessageId));
            Assert.That(mail.MessageId, Is.EqualTo($"problem.{World.Problem.Id:N}.Close.{World.Leader.Id:N}.{message.Id:N}@rectification"));
            Assert.That(mail.Date, Is.EqualTo(Start));
            Assert.That(mail.Headers["Auto-Submitted"], Is.EqualTo("auto-generated"));
            Assert.That(mail.Headers["X-Rectification-Outbox-Id"], Is.EqualTo(message.Id.ToString()));
        }
    }

    [Test]
    public async Task Dispatch_WhenTheRecipientsLanguageHasNoTemplate_FallsBackToZhCn()
    {
        await AddAsync(World.ProblemClosed(Now, World.French, copy: true));

        await App.DispatchAsync();

        var mail = Smtp.Received.Single().Message;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mail.Subject, Is.EqualTo("【整改销号】测试市财政局问题XC-2026-001已销号（抄送）"));
            Assert.That(mail.Body!.Headers["Content-Language"], Is.EqualTo("zh-CN"));
            Assert.That(mail.TextBody, Does.Contain("本邮件为抄送"));
        }
    }

    [Test]
    public async Task Dispatch_WhenTheDeadlineHasPassed_StatesTheDaysOverdue()
    {
        await AddAsync(
            World.Notification(Now, "problem-review-rejected", "RejectReview", "problem", World.Problem.Id, World.Leader, false, "Rectifying"),
            World.Notification(Now, "problem-review-rejected", "RejectReview", "problem", World.Problem.Id, World.Liaison, false, "Rectifying"));

        await App.DispatchAsync();

        var zh = Smtp.Received.Single(m => m.Recipients.Contains(World.Leader.Email)).Message;
        var en = Smtp.Received.Single(m => m.Recipients.Contains(World.Liaison.Email)).Message;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(zh.TextBody, Does.Contain($"整改时限：{World.Deadline:yyyy-MM-dd}").And.Contain("已超期10天").And.Contain("当前状态：整改中"));
            Assert.That(en.TextBody, Does.Contain("Overdue by 10 day(s).").And.Contain("State: Rectifying"));
        }
    }

    [Test]
    public async Task Dispatch_WhenTheCaseIsAPlanOrAClue_NamesTheInspectionAndTheSheet()
    {
        await AddAsync(
            World.Notification(Now, "inspection-fed-back", "FeedBack", "plan", World.Plan.Id, World.Leader, false, "Drafting"),
            World.Notification(Now, "clue-handed-over", "HandOver", "clue", World.Clue.Id, World.Discipline, false, "HandedOver"));

        await App.DispatchAsync();

        var plan = Smtp.Received.Single(m => m.Message.Headers["X-Rectification-Template"] == "inspection-fed-back").Message;
        var clue = Smtp.Received.Single(m => m.Message.Headers["X-Rectification-Template"] == "clue-handed-over").Message;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Subject, Is.EqualTo("【巡察反馈】市委第一巡察组对测试市财政局巡察情况反馈"));
            Assert.That(plan.TextBody, Does.Contain("2026-01-05至2026-02-27").And.Contain("常规巡察").And.Contain("十二届市委第三轮巡察")
                .And.Contain($"https://zhenggai.example.gov.cn/plans/{World.Plan.Id}"));
            Assert.That(clue.Subject, Is.EqualTo("【线索移交】红色交办单问题线索XS-2026-007已移交"));
            // A clue's mail opens its sheet's page, never the API's JSON.
            Assert.That(clue.TextBody, Does.Contain($"https://zhenggai.example.gov.cn/clues/{World.Clue.Id}").And.Not.Contain("/api/"));
            // A clue's content is confidential: the mail points to the system instead.
            Assert.That(clue.TextBody + clue.HtmlBody, Does.Not.Contain("机密线索内容"));
        }
    }
}
