using Rectification.Domain.Common;
using Rectification.Domain.Reminders;

namespace Rectification.Domain.Clues;

/// <summary>
/// A clue sheet's light (亮灯) and the time left on its colour's limit: a sheet is chased from its handover until it is concluded
/// (the reminder ladder's active states), against the due date its colour set.
/// </summary>
public static class ClueLight
{
    public static bool IsChased(string state) => state != ClueStates.Concluded;

    public static TrafficLight Of(Clue c, DateOnly today, int yellowWithinDays) => TrafficLights.For(c.DueDate, today, yellowWithinDays, IsChased(c.State));

    public static int DaysOverdue(Clue c, DateOnly today) => TrafficLights.DaysOverdue(c.DueDate, today, IsChased(c.State));

    /// <summary>Working days from tomorrow up to and including the due date, as the limits (5wd, 15wd, 30wd) are counted; 0 once due.</summary>
    public static int WorkingDaysLeft(Clue c, DateOnly today, WorkingCalendar calendar)
    {
        if (!IsChased(c.State) || c.DueDate <= today)
        {
            return 0;
        }

        var left = 0;
        for (var day = today.AddDays(1); day <= c.DueDate; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                left++;
            }
        }

        return left;
    }

    /// <summary>Whether the sheet went past its limit by <paramref name="asOf"/>: not concluded on or before its due date, and that date is past.</summary>
    public static bool WentOverdue(Clue c, DateOnly asOf) =>
        c.DueDate < asOf && (c.ConcludedAt is not { } concluded || OfficeTime.DayOf(concluded) > c.DueDate);
}
