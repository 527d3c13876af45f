namespace Rectification.Infrastructure;

/// <summary>
/// System time moved by a fixed span, for demonstrations and acceptance runs ("what happens in 40 days?").
/// Only the host's non-production environments accept it.
/// </summary>
public sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
