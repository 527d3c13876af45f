using System.Linq.Expressions;

namespace Rectification.Domain.Problems;

/// <summary>
/// Overdue (逾期) as the ledger, the statistics and the completion table all count it, so their figures are the same problems:
/// a fed-back problem not yet closed, past the date it is chased against (for a long-term one, its next periodic report).
/// </summary>
public static class Overdue
{
    /// <summary>Whether problems in <paramref name="state"/> are chased for a date at all.</summary>
    public static bool IsChased(string state) => state != ProblemStates.Closed && state != ProblemStates.Registered;

    /// <summary>The same rule as a query filter, translated to SQL.</summary>
    public static Expression<Func<Problem, bool>> On(DateOnly today) =>
        p => p.State != ProblemStates.Closed && p.State != ProblemStates.Registered && p.ReminderDue < today;
}
