using Rectification.Domain.Lifecycles;

namespace Rectification.Domain.Reminders;

/// <summary>
/// The reminder and escalation ladder of one lifecycle, as read from <c>workflows/reminders.yaml</c>: which states
/// have a running deadline, and the steps taken relative to it (before it: reminders; after it: escalation).
/// </summary>
/// <param name="Subject">For a ladder over receipts, the receipt kind it chases; null for a lifecycle's own ladder.</param>
public sealed record ReminderLadder(string Lifecycle, IReadOnlyList<string> ActiveStates, IReadOnlyList<ReminderStepDefinition> Steps, string? Subject = null)
{
    /// <summary>The kind of object its mails are about, for the visibility rules: a handover sheet's receipt is about a clue.</summary>
    public string SubjectKind =>
        Subject is not null && Enum.TryParse<Receipts.ReceiptKind>(Subject, out var kind) && Receipts.ReceiptSubjects.KindOf(kind) is { } k ? k : Lifecycle;
}

/// <summary>
/// One rung: <paramref name="OffsetDays"/> calendar days from the due date (negative = before it), who is told,
/// with which template, and whether it opens a task such as a reminder talk (提醒谈话).
/// </summary>
/// <param name="RequiresReceipt">The step escalates: the unit must sign for it (签收) like for a feedback.</param>
public sealed record ReminderStepDefinition(string Name, int OffsetDays, string Template, IReadOnlyList<RecipientSpec> To, string? Task, bool RequiresReceipt = false)
{
    /// <summary>
    /// What a user calls the step. Said from its offset and what it does rather than from its name, because a locality names
    /// and adds steps in the file without touching the glossary.
    /// </summary>
    public LocalizedText Label => (Task, OffsetDays, RequiresReceipt) switch
    {
        ("ReminderTalk", _, _) => new("提醒谈话", "reminder talk"),
        (_, < 0, _) => new($"到期前 {-OffsetDays} 天提醒", $"reminder {-OffsetDays} days before the due date"),
        (_, 0, _) => new("到期当日提醒", "reminder on the due date"),
        (_, _, true) => new($"逾期 {OffsetDays} 天督办", $"escalation {OffsetDays} days overdue"),
        _ => new($"逾期 {OffsetDays} 天提醒", $"reminder {OffsetDays} days overdue"),
    };

    /// <summary>A reminder before the due date is pointless once the date has passed; escalation steps are not.</summary>
    public bool IsBeforeDue => OffsetDays < 0;

    /// <summary>The last due date for which this step is due on <paramref name="today"/>.</summary>
    public DateOnly LatestDueDateFiringBy(DateOnly today) => today.AddDays(-OffsetDays);
}

public sealed record ReminderSettings(int YellowWithinDays, IReadOnlyDictionary<string, ReminderLadder> Ladders)
{
    public IReadOnlyDictionary<Receipts.ReceiptKind, ReceiptRule> Receipts { get; init; } = new Dictionary<Receipts.ReceiptKind, ReceiptRule>();

    public SelfCheckRule? SelfChecks { get; init; }

    public ReminderLadder? For(string lifecycle) => Ladders.GetValueOrDefault(lifecycle);

    /// <summary>The rung of a lifecycle's ladder by its name (as a case's last taken step records it), or null.</summary>
    public ReminderStepDefinition? Step(string lifecycle, string? name) =>
        name is null ? null : For(lifecycle)?.Steps.FirstOrDefault(s => s.Name == name);

    /// <summary>Every ladder the sweep walks: the lifecycles', one per receipt kind, and the self-check tasks'.</summary>
    public IEnumerable<ReminderLadder> AllLadders =>
        Ladders.Values.Concat(Receipts.Values.Select(r => r.Ladder)).Concat(SelfChecks is { } s ? [s.Ladder] : []);
}

/// <summary>签收: how long the receiving unit has to acknowledge an item of this kind, which roles sign for it, and its ladder.</summary>
public sealed record ReceiptRule(Receipts.ReceiptKind Kind, DurationSpec Within, IReadOnlyList<Organization.Role> ReceivedBy, ReminderLadder Ladder);

/// <summary>未巡先改: how long a unit has to answer a pushed self-check task, and its ladder.</summary>
/// <param name="PushTemplate">The message each unit gets when a task is pushed to it, sent to <paramref name="PushTo"/>.</param>
public sealed record SelfCheckRule(DurationSpec AnswerWithin, ReminderLadder Ladder, string PushTemplate, IReadOnlyList<RecipientSpec> PushTo);
