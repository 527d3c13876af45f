using Rectification.Domain.Lifecycles;

namespace Rectification.Domain.Reminders;

/// <summary>
/// The reminder and escalation ladder of one lifecycle, as read from <c>workflows/reminders.yaml</c>: which states
/// have a running deadline, and the steps taken relative to it (before it: reminders; after it: escalation).
/// </summary>
public sealed record ReminderLadder(string Lifecycle, IReadOnlyList<string> ActiveStates, IReadOnlyList<ReminderStepDefinition> Steps);

/// <summary>
/// One rung: <paramref name="OffsetDays"/> calendar days from the due date (negative = before it), who is told,
/// with which template, and whether it opens a task such as a reminder talk (提醒谈话).
/// </summary>
public sealed record ReminderStepDefinition(string Name, int OffsetDays, string Template, IReadOnlyList<RecipientSpec> To, string? Task)
{
    /// <summary>A reminder before the due date is pointless once the date has passed; escalation steps are not.</summary>
    public bool IsBeforeDue => OffsetDays < 0;

    /// <summary>The last due date for which this step is due on <paramref name="today"/>.</summary>
    public DateOnly LatestDueDateFiringBy(DateOnly today) => today.AddDays(-OffsetDays);
}

public sealed record ReminderSettings(int YellowWithinDays, IReadOnlyDictionary<string, ReminderLadder> Ladders)
{
    public ReminderLadder? For(string lifecycle) => Ladders.GetValueOrDefault(lifecycle);
}
