using Rectification.Domain.Organization;

namespace Rectification.Domain.Lifecycles;

/// <summary>
/// A lifecycle as read from a file in <c>workflows/</c>: data, not code. A case records the version it
/// started on, so publishing a new version leaves running cases on the rules they began with.
/// </summary>
public sealed record LifecycleDefinition(
    string Name,
    int Version,
    string Initial,
    IReadOnlyDictionary<string, LocalizedText> States,
    IReadOnlyList<TransitionDefinition> Transitions,
    IReadOnlyDictionary<string, DurationSpec> Durations,
    SignOffDefinition? SignOff,
    IReadOnlyList<NotificationRule> Notifications,
    string Source,
    string ContentHash)
{
    public IEnumerable<string> TriggersFrom(string state) =>
        Transitions.Where(t => t.From == state).Select(t => t.Trigger).Distinct();

    public TransitionDefinition? Find(string state, string trigger) =>
        Transitions.FirstOrDefault(t => t.From == state && t.Trigger == trigger);

    public DurationSpec Duration(string key) =>
        Durations.TryGetValue(key, out var d) ? d : throw new KeyNotFoundException($"Lifecycle '{Name}' v{Version} defines no duration '{key}'.");

    public IEnumerable<NotificationRule> NotificationsOn(string trigger) => Notifications.Where(n => n.On == trigger);
}

public sealed record LocalizedText(string ZhCn, string En)
{
    public string For(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : ZhCn;
}

public sealed record TransitionDefinition(string From, string Trigger, string To, IReadOnlyList<Role> Roles, IReadOnlyList<string> Guards);

/// <summary>A span of time in calendar days or working days (the holiday calendar decides the latter).</summary>
public sealed record DurationSpec(int Days, bool WorkingDays)
{
    public override string ToString() => WorkingDays ? $"{Days}wd" : $"{Days}d";
}

public enum SignOffOrder { Parallel, Sequential }

/// <summary>Who must sign before a problem counts as rectified; extra parties may be required by severity.</summary>
public sealed record SignOffDefinition(IReadOnlyList<Role> Parties, SignOffOrder Order, IReadOnlyList<SignOffCondition> When)
{
    public IReadOnlyList<Role> RequiredFor(string severity)
    {
        var parties = Parties.ToList();
        foreach (var extra in When.Where(c => string.Equals(c.Severity, severity, StringComparison.OrdinalIgnoreCase)).SelectMany(c => c.Add))
        {
            if (!parties.Contains(extra))
            {
                parties.Add(extra);
            }
        }

        return parties;
    }
}

public sealed record SignOffCondition(string Severity, IReadOnlyList<Role> Add);

public enum RecipientScope
{
    /// <summary>Users holding the role in the case's own unit.</summary>
    Unit,
    /// <summary>Users holding the role in the case's unit or any unit above it (the supervising side).</summary>
    Above,
}

public sealed record RecipientSpec(Role Role, RecipientScope Scope, bool Copy);

/// <summary>Who is told when a trigger fires. A required rule with no addressable recipient refuses the command.</summary>
public sealed record NotificationRule(string On, string Template, IReadOnlyList<RecipientSpec> To, bool Required);
