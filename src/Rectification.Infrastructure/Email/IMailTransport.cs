using MimeKit;

namespace Rectification.Infrastructure.Email;

/// <summary>Hands one message over for delivery. Throws when it was not accepted; the outbox decides what happens next.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
