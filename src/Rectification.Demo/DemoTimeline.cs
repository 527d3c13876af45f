using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Demo;

/// <summary>
/// Time in the demo story: people act on working days in office hours (Beijing time), and nothing after the
/// present has happened yet, which is what leaves recent cases part-way through their lifecycle.
/// </summary>
internal sealed class DemoTimeline(DemoRandom random, WorkingCalendar calendar, DateTime utcNow)
{
    // 08:30 to 17:30 in Beijing (UTC+8), as minutes after midnight UTC.
    private const int OfficeOpensUtc = 30;
    private const int OfficeClosesUtc = (9 * 60) + 30;

    public DateTime Now => utcNow;

    public DateOnly Today => DateOnly.FromDateTime(utcNow);

    public bool HasHappened(DateTime at) => at <= utcNow;

    /// <summary>A moment in office hours on the first working day from <paramref name="day"/>.</summary>
    public DateTime OnWorkingDay(DateOnly day)
    {
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddMinutes(random.Between(OfficeOpensUtc, OfficeClosesUtc));
    }

    /// <summary>A working moment some days after <paramref name="from"/>, never before it, so each case's steps stay in order.</summary>
    public DateTime DaysAfter(DateTime from, int minDays, int maxDays)
    {
        var at = OnWorkingDay(DateOnly.FromDateTime(from).AddDays(random.Between(minDays, Math.Max(minDays, maxDays))));
        return at > from ? at : from.AddMinutes(random.Between(10, 120));
    }

    public DateTime MinutesAfter(DateTime from, int min, int max) => from.AddMinutes(random.Between(min, max));

    public DateOnly Add(DateOnly day, DurationSpec duration) => calendar.Add(day, duration);

    public DateOnly DayBetween(DateOnly from, DateOnly to) =>
        to <= from ? from : DateOnly.FromDayNumber(random.Between(from.DayNumber, to.DayNumber));

    public static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    public static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    public static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
