using System.Linq.Expressions;
using Rectification.Domain.Reminders;

namespace Rectification.Domain.Problems;

/// <summary>
/// A problem's light (亮灯) and days overdue, by <see cref="TrafficLights"/> on the date it is chased against (its next periodic
/// report for a long-term one, else its deadline) while it is chased at all; and the same rule as a query filter for the ledger.
/// </summary>
public static class ProblemLight
{
    public static TrafficLight Of(Problem p, DateOnly today, int yellowWithinDays) =>
        TrafficLights.For(p.ReminderDue ?? p.Deadline, today, yellowWithinDays, Overdue.IsChased(p.State));

    public static int DaysOverdue(Problem p, DateOnly today) => TrafficLights.DaysOverdue(p.ReminderDue ?? p.Deadline, today, Overdue.IsChased(p.State));

    /// <summary>The problems whose <see cref="Of"/> is <paramref name="light"/>, translated to SQL (a test holds the two to one rule).</summary>
    public static Expression<Func<Problem, bool>> Is(TrafficLight light, DateOnly today, int yellowWithinDays)
    {
        var yellowUntil = today.AddDays(yellowWithinDays);
        return light switch
        {
            TrafficLight.None => p => p.State == ProblemStates.Closed || p.State == ProblemStates.Registered,
            TrafficLight.Red => p => p.State != ProblemStates.Closed && p.State != ProblemStates.Registered && (p.ReminderDue ?? p.Deadline) < today,
            TrafficLight.Yellow => p => p.State != ProblemStates.Closed && p.State != ProblemStates.Registered
                && (p.ReminderDue ?? p.Deadline) >= today && (p.ReminderDue ?? p.Deadline) <= yellowUntil,
            _ => p => p.State != ProblemStates.Closed && p.State != ProblemStates.Registered
                && ((p.ReminderDue ?? p.Deadline) == null || (p.ReminderDue ?? p.Deadline) > yellowUntil),
        };
    }
}
