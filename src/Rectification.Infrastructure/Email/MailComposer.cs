using Microsoft.Extensions.Options;
using MimeKit;
using Rectification.Domain.Auditing;

namespace Rectification.Infrastructure.Email;

/// <summary>Turns an outbox row and its rendered text into the MIME message both transports deliver.</summary>
public sealed class MailComposer(IOptions<EmailOptions> options)
{
    public MimeMessage Compose(OutboxMessage message, RenderedMail mail, string recipientName)
    {
        var smtp = options.Value.Smtp;
        var mime = new MimeMessage
        {
            Subject = mail.Subject,
            // Both stay the same on every attempt, so a resend after a crash is recognizably the same message.
            MessageId = message.StableMessageId,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc)),
            Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        mime.To.Add(new MailboxAddress(recipientName, message.RecipientEmail));
        // A Content-* header describes the body entity (RFC 3282), so MimeKit keeps it with the body.
        mime.Body.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        // RFC 3834: out-of-office robots must not answer a system notification.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-Rectification-Case", $"{message.CaseType}/{message.CaseId}");
        mime.Headers.Add("X-Rectification-Event", message.Event);
        mime.Headers.Add("X-Rectification-Template", message.Template);
        mime.Headers.Add("X-Rectification-Outbox-Id", message.Id.ToString());
        if (message.IsCopy)
        {
            mime.Headers.Add("X-Rectification-Copy", "true");
        }

        return mime;
    }
}
