namespace Rectification.Demo;

/// <summary>
/// The application's clock while the demo tells its story: the pipeline, the handlers and the domain read the story's moment,
/// so a step taken "in March 2025" is judged, audited and queued as of March 2025. The moment is set for the demo's own flow
/// of execution only (an async-local value), so anything else running in the process meanwhile still reads the real time.
/// </summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> story = new();

    public override DateTimeOffset GetUtcNow() => story.Value ?? inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    /// <summary>The present outside the story: what "now" is for the demo's own sense of what has happened yet.</summary>
    public DateTime RealUtcNow => inner.GetUtcNow().UtcDateTime;

    /// <summary>Sets the story's moment for the calling flow and what it awaits; set in an async method, it ends with it.</summary>
    internal void MoveTo(DateTime utc) => story.Value = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
