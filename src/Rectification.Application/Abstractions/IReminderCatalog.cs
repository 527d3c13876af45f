using Rectification.Domain.Reminders;

namespace Rectification.Application.Abstractions;

/// <summary>The reminder ladders and traffic-light thresholds from <c>workflows/reminders.yaml</c>.</summary>
public interface IReminderCatalog
{
    ReminderSettings Settings { get; }
}
