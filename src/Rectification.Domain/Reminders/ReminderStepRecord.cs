namespace Rectification.Domain.Reminders;

/// <summary>
/// A ladder step taken (or skipped) for one case and one due date. The unique key (case, step, due date) is what
/// makes every step fire at most once across restarts, several job servers and a change of job storage; an
/// extension or a reopening moves the due date, so the old date's steps can never fire afterwards.
/// </summary>
public sealed class ReminderStepRecord
{
    public Guid Id { get; private set; }
    public string Lifecycle { get; private set; } = "";
    public Guid CaseId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Step { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public DateTime TakenAt { get; private set; }

    /// <summary>True when the step was passed over (a before-due reminder discovered after the due date).</summary>
    public bool Skipped { get; private set; }

    private ReminderStepRecord() { }

    public static ReminderStepRecord Take(string lifecycle, Guid caseId, Guid unitId, string step, DateOnly dueDate, DateTime utcNow, bool skipped) => new()
    {
        Id = Guid.CreateVersion7(),
        Lifecycle = lifecycle,
        CaseId = caseId,
        UnitId = unitId,
        Step = step,
        DueDate = dueDate,
        TakenAt = utcNow,
        Skipped = skipped,
    };
}
