using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;

namespace Rectification.Infrastructure.Email;

/// <summary>Sends through an SMTP server with MailKit, one connection per message, inside the resilience pipeline.</summary>
public sealed class SmtpMailTransport : IMailTransport
{
    private readonly SmtpOptions options;
    private readonly ResiliencePipeline pipeline;
    private readonly ILogger<SmtpMailTransport> logger;

    public SmtpMailTransport(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpMailTransport> logger)
    {
        this.options = options.Value.Smtp;
        this.logger = logger;
        pipeline = SmtpResilience.Build(this.options.Resilience, clock, logger);
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(async token => await SendOnceAsync(message, token), cancellationToken);

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)options.Resilience.Timeout.TotalMilliseconds };
        await client.ConnectAsync(options.Host, options.Port, Secure(options.Security), cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e)
        {
            // The server has accepted the message: a failing or cancelled QUIT must not make it count as unsent.
            logger.LogDebug(e, "SMTP QUIT failed after {MessageId} was accepted", message.MessageId);
        }
    }

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
