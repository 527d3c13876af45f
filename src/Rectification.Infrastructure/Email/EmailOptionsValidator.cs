using Microsoft.Extensions.Options;

namespace Rectification.Infrastructure.Email;

/// <summary>A wrong setting stops start-up with its key, rather than surfacing as failed mails hours later.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out _))
        {
            problems.Add($"Email:BaseUrl must be an absolute URL, not '{options.BaseUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Smtp.From))
        {
            problems.Add("Email:Smtp:From is required.");
        }

        if (options.Mode == EmailMode.Smtp && string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            problems.Add("Email:Smtp:Host is required when Email:Mode is Smtp.");
        }

        if (options.Mode == EmailMode.Pickup && string.IsNullOrWhiteSpace(options.PickupFolder))
        {
            problems.Add("Email:PickupFolder is required when Email:Mode is Pickup.");
        }

        var outbox = options.Outbox;
        Require(problems, outbox.BatchSize > 0, "Email:Outbox:BatchSize must be positive.");
        Require(problems, outbox.MaxAttempts > 0, "Email:Outbox:MaxAttempts must be positive.");
        Require(problems, outbox.RetryBaseDelay >= TimeSpan.Zero && outbox.RetryMaxDelay >= outbox.RetryBaseDelay,
            "Email:Outbox:RetryBaseDelay must not be negative nor above Email:Outbox:RetryMaxDelay.");
        Require(problems, outbox.ClaimDuration > options.Smtp.Resilience.Timeout,
            "Email:Outbox:ClaimDuration must be longer than Email:Smtp:Resilience:Timeout, or a slow send could be taken over and sent twice.");

        var resilience = options.Smtp.Resilience;
        Require(problems, resilience.Timeout > TimeSpan.FromMilliseconds(10), "Email:Smtp:Resilience:Timeout must be above 10 ms.");
        Require(problems, resilience.RetryAttempts >= 0, "Email:Smtp:Resilience:RetryAttempts must not be negative.");
        Require(problems, resilience.RetryDelay >= TimeSpan.Zero, "Email:Smtp:Resilience:RetryDelay must not be negative.");
        Require(problems, resilience.BreakerFailureRatio is > 0 and <= 1, "Email:Smtp:Resilience:BreakerFailureRatio must be in (0, 1].");
        Require(problems, resilience.BreakerMinimumThroughput >= 2, "Email:Smtp:Resilience:BreakerMinimumThroughput must be at least 2.");
        Require(problems, resilience.BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), "Email:Smtp:Resilience:BreakerSamplingDuration must be at least 0.5 s.");
        Require(problems, resilience.BreakDuration >= TimeSpan.FromMilliseconds(500), "Email:Smtp:Resilience:BreakDuration must be at least 0.5 s.");

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
