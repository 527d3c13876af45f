using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Domain.CommonProblems;

/// <summary>
/// A problem marked common (未巡先改 / 对号入座) and pushed to units as self-check tasks. It belongs to the unit of the
/// problem it came from; the tasks belong to the units they were pushed to.
/// </summary>
public sealed class CommonProblemPush : IVersioned
{
    public Guid Id { get; private set; }
    public Guid ProblemId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid RoundId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string Note { get; private set; } = "";
    public Guid PushedBy { get; private set; }
    public Role PushedByRole { get; private set; }
    public DateTime PushedAt { get; private set; }
    public DateOnly DueDate { get; private set; }
    public long Version { get; set; }

    private CommonProblemPush() { }

    public static CommonProblemPush Push(Guid problemId, Guid unitId, Guid roundId, string title, string description, string category, string note,
        Guid pushedBy, Role pushedByRole, DateOnly dueDate, DateTime utcNow) => new()
    {
        Id = Guid.CreateVersion7(),
        ProblemId = problemId,
        UnitId = unitId,
        RoundId = roundId,
        Title = title,
        Description = description,
        Category = category,
        Note = note,
        PushedBy = pushedBy,
        PushedByRole = pushedByRole,
        PushedAt = utcNow,
        DueDate = dueDate,
    };
}

public static class SelfCheckStates
{
    public const string Pending = nameof(Pending);
    public const string NotPresent = nameof(NotPresent);
    public const string Opened = nameof(Opened);
    public static readonly string[] All = [Pending, NotPresent, Opened];
}

/// <summary>One unit's self-check against a common problem: it answers "not present" with a statement, or opens its own problem.</summary>
public sealed class SelfCheckTask : IVersioned
{
    public const string Lifecycle = "self-check";

    public Guid Id { get; private set; }
    public Guid PushId { get; private set; }
    public Guid UnitId { get; private set; }
    public string State { get; private set; } = SelfCheckStates.Pending;
    public DateOnly DueDate { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public Guid? AnsweredBy { get; private set; }
    public string? AnsweredByName { get; private set; }
    public string? Statement { get; private set; }
    public Guid? OpenedProblemId { get; private set; }
    public bool Late { get; private set; }
    public long Version { get; set; }

    private SelfCheckTask() { }

    public static SelfCheckTask Open(Guid pushId, Guid unitId, DateOnly dueDate) => new()
    {
        Id = Guid.CreateVersion7(),
        PushId = pushId,
        UnitId = unitId,
        DueDate = dueDate,
        State = SelfCheckStates.Pending,
    };

    public Error? AnswerNotPresent(Guid userId, string userName, string statement, DateTime utcNow) =>
        Answer(SelfCheckStates.NotPresent, userId, userName, statement, null, utcNow);

    public Error? AnswerOpened(Guid userId, string userName, Guid problemId, DateTime utcNow) =>
        Answer(SelfCheckStates.Opened, userId, userName, null, problemId, utcNow);

    /// <summary>Checked before the unit's own problem is built, so a second answer changes nothing.</summary>
    public Error? CheckNotAnswered() =>
        State == SelfCheckStates.Pending ? null : Error.Conflict("self-check.already-answered", ("answer", State), ("at", AnsweredAt));

    private Error? Answer(string state, Guid userId, string userName, string? statement, Guid? problemId, DateTime utcNow)
    {
        if (CheckNotAnswered() is { } refusal)
        {
            return refusal;
        }

        State = state;
        AnsweredAt = utcNow;
        AnsweredBy = userId;
        AnsweredByName = userName;
        Statement = statement;
        OpenedProblemId = problemId;
        Late = OfficeTime.DayOf(utcNow) > DueDate;
        return null;
    }
}
