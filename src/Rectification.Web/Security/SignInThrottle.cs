using System.Globalization;
using System.Threading.RateLimiting;

namespace Rectification.Web.Security;

/// <summary>
/// The sign-in limit per account name (<c>RateLimiting:SignInPermitsPerAccountPerMinute</c>, default 10), beside the host's limit
/// per client address: guesses spread over many addresses against one name still meet a limit. The name is read from the body,
/// which the host's limiter cannot see, so the sign-in endpoints and the form ask here before the password is checked. Names are
/// compared as Identity's lookup normalizer does, so "Office" and "office" share one budget; unknown names are limited alike, so the limit
/// tells nothing about which names exist.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string>? limiter;
    private readonly ILogger<SignInThrottle> logger;

    public SignInThrottle(IConfiguration configuration, ILogger<SignInThrottle> logger)
    {
        this.logger = logger;
        var permits = configuration.GetValue("RateLimiting:SignInPermitsPerAccountPerMinute", 10);
        if (permits <= 0)
        {
            throw new InvalidOperationException("RateLimiting:SignInPermitsPerAccountPerMinute must be positive.");
        }

        if (configuration.GetValue("RateLimiting:Enabled", true))
        {
            limiter = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        }
    }

    /// <summary>Null when the attempt may go on, else how long the name must wait.</summary>
    public TimeSpan? Refusal(string userName)
    {
        if (limiter is null)
        {
            return null;
        }

        // As Identity's default lookup normalizer compares names.
        var key = userName.Trim().Normalize().ToUpperInvariant();
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        logger.LogWarning("Sign-in attempts for {UserName} exceed the limit per account name; refused without checking the password", userName.Length <= 100 ? userName : userName[..100]);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    /// <summary>The Retry-After value, in whole seconds (at least one).</summary>
    public static string RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public void Dispose() => limiter?.Dispose();
}
