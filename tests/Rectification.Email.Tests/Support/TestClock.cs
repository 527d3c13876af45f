namespace Rectification.Email.Tests.Support;

/// <summary>
/// Time the tests move by hand: back-off, leases and the SMTP circuit breaker all read it. Timers stay real
/// (the base implementation), so Polly's short retry delays and timeouts still elapse.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
