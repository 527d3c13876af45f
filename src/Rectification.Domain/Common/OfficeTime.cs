namespace Rectification.Domain.Common;

/// <summary>
/// The office's own clock face. Deadlines, lateness and "today" are days in the office's time zone (default
/// Asia/Shanghai), not UTC days: between 00:00 and 08:00 Beijing time the UTC date is still yesterday, so a plan
/// handed in at 07:30 on its due day would count as late by UTC and on time by the office, which is what counts.
/// </summary>
/// <remarks>
/// One zone per deployment, like its working calendar, so it is set once at composition (<see cref="Use"/>,
/// from <c>Office:TimeZone</c>) rather than threaded through every domain method that judges a day.
/// Instants stay UTC everywhere they are stored.
/// </remarks>
public static class OfficeTime
{
    public const string DefaultZoneId = "Asia/Shanghai";

    private static TimeZoneInfo zone = Find(DefaultZoneId) ?? ChinaStandardTime();

    public static TimeZoneInfo Zone => zone;

    public static void Use(TimeZoneInfo officeZone) => zone = officeZone;

    /// <summary>The office day an instant (UTC) falls on.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(LocalOf(utc));

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The office's wall-clock time of an instant (UTC), for what people read.</summary>
    public static DateTime LocalOf(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <returns>The zone of that IANA or Windows id, or null when this machine does not know it.</returns>
    public static TimeZoneInfo? Find(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found
        : id == DefaultZoneId ? ChinaStandardTime()
        : null;

    // A machine without tzdata (a slim container) still knows the default: China has kept UTC+8 without daylight saving since 1991.
    private static TimeZoneInfo ChinaStandardTime() =>
        TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
}
