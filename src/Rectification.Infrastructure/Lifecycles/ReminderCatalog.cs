using Rectification.Application.Abstractions;
using Rectification.Domain.Reminders;

namespace Rectification.Infrastructure.Lifecycles;

/// <summary>Filled once at start-up, after the lifecycles it refers to are known.</summary>
public sealed class ReminderCatalog : IReminderCatalog
{
    private ReminderSettings? settings;

    public ReminderSettings Settings => settings ?? throw new InvalidOperationException("The reminder ladders are not loaded yet.");

    public void Load(ReminderSettings value) => settings = value;
}
