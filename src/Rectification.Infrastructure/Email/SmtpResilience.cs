using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Rectification.Infrastructure.Email;

/// <summary>
/// The resilience pipeline around one SMTP send: retry (outermost) → circuit breaker → timeout (per try). One per
/// process, so that the breaker sees every send; when it is open, sends fail at once with <see cref="BrokenCircuitException"/>.
/// </summary>
public static class SmtpResilience
{
    public static ResiliencePipeline Build(SmtpResilienceOptions options, TimeProvider clock, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { Name = "smtp", TimeProvider = clock };
        if (options.RetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e)),
                MaxRetryAttempts = options.RetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogInformation("SMTP send failed ({Error}); retry {Attempt} in {Delay}",
                        args.Outcome.Exception?.Message, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && CountsAgainstServer(e)),
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            OnOpened = args =>
            {
                logger.LogWarning("SMTP circuit opened for {Duration} after {Error}", args.BreakDuration, args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                logger.LogInformation("SMTP circuit closed: the server accepts mail again");
                return ValueTask.CompletedTask;
            },
        });

        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    /// <summary>Worth another try within seconds: the connection failed, or the server said "try again later" (4xx).</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>
    /// Says something about the server rather than about one message. A permanent refusal of one recipient or one
    /// message (5xx) does not, so it never opens the circuit for everybody else's mail.
    /// </summary>
    public static bool CountsAgainstServer(Exception e) => e switch
    {
        BrokenCircuitException or OperationCanceledException => false,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } command => IsTransient(command),
        _ => true,
    };
}
