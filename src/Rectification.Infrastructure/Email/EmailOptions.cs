namespace Rectification.Infrastructure.Email;

public enum EmailMode { Pickup, Smtp }

/// <summary>How the SMTP connection is secured; maps one to one onto MailKit's <c>SecureSocketOptions</c>.</summary>
public enum SmtpSecurity { None, StartTls, SslOnConnect, Auto }

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>Pickup</c> (default) writes .eml files; <c>Smtp</c> sends through a server.</summary>
    public EmailMode Mode { get; set; } = EmailMode.Pickup;

    /// <summary>Relative to the content root.</summary>
    public string PickupFolder { get; set; } = "data/mail-pickup";

    /// <summary>Relative to the content root; when empty, <c>templates</c> beside the lifecycle files.</summary>
    public string? TemplatesFolder { get; set; }

    /// <summary>Links in the mails point here.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5217";

    /// <summary>The server, and the sender used in both modes.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    public OutboxDeliveryOptions Outbox { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@rectification.local";
    public string FromName { get; set; } = "巡视巡察整改跟踪系统";
    public SmtpResilienceOptions Resilience { get; set; } = new();
}

/// <summary>
/// The in-process protection around one SMTP send: a timeout per try, a few quick retries for transient errors,
/// and a circuit breaker that stops hammering a server that is down. Longer outages are the outbox's business.
/// </summary>
public sealed class SmtpResilienceOptions
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first try; 0 disables retrying.</summary>
    public int RetryAttempts { get; set; } = 2;

    /// <summary>First retry delay, doubled for each further retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public double BreakerFailureRatio { get; set; } = 0.5;
    public int BreakerMinimumThroughput { get; set; } = 4;
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>How the outbox is worked through: attempts, back-off between them, leases and the background loop.</summary>
public sealed class OutboxDeliveryOptions
{
    /// <summary>Runs the background dispatcher in this process; several processes may run it on one database.</summary>
    public bool Enabled { get; set; } = true;
    public int BatchSize { get; set; } = 100;

    /// <summary>Failed attempts after which a message is Failed and waits for an administrator.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt, doubled after each further one, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a dispatcher owns a message it is sending; longer than any send, short enough to recover from a crash.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan RetryDelayAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var ticks = Math.Min(RetryBaseDelay.Ticks * factor, RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
