using Rectification.Domain.Common;
using Rectification.Application.Abstractions;

namespace Rectification.Application.Reminders;

/// <summary>Today and the yellow-light threshold, fixed for one request so that every row of a list is judged alike.</summary>
public sealed class Deadlines(TimeProvider clock, IReminderCatalog reminders)
{
    public DateOnly Today { get; } = OfficeTime.Today(clock);

    public int YellowWithinDays => reminders.Settings.YellowWithinDays;
}
