namespace Rectification.Domain.Common;

/// <summary>
/// Counts working days. Mainland China moves working days onto weekends around holidays, so a calendar needs
/// both the holidays and the extra working days; weekends are days off unless listed as extra working days.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> extraWorkingDays)
{
    private readonly HashSet<DateOnly> holidays = [.. holidays];
    private readonly HashSet<DateOnly> extraWorkingDays = [.. extraWorkingDays];

    public static WorkingCalendar WeekendsOnly { get; } = new([], []);

    /// <summary>The days off of a year that fall on weekdays (the holidays), in order.</summary>
    public IReadOnlyList<DateOnly> HolidaysIn(int year) => [.. holidays.Where(d => d.Year == year).Order()];

    /// <summary>The weekend days of a year that are working days (调休), in order.</summary>
    public IReadOnlyList<DateOnly> MakeUpWorkingDaysIn(int year) => [.. extraWorkingDays.Where(d => d.Year == year).Order()];

    public bool IsWorkingDay(DateOnly day) =>
        extraWorkingDays.Contains(day) || (!holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    public DateOnly Add(DateOnly start, Lifecycles.DurationSpec duration)
    {
        if (!duration.WorkingDays)
        {
            return start.AddDays(duration.Days);
        }

        var day = start;
        for (var left = duration.Days; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }
}
