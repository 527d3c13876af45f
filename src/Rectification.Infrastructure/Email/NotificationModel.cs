namespace Rectification.Infrastructure.Email;

/// <summary>The placeholders a template may use. A template naming anything else is refused at start-up.</summary>
public static class NotificationModel
{
    public const string RecipientName = "recipientName";
    public const string UnitName = "unitName";
    public const string UnitCode = "unitCode";
    public const string CaseType = "caseType";
    public const string CaseKind = "caseKind";
    public const string CaseCode = "caseCode";
    public const string CaseTitle = "caseTitle";
    public const string ProblemCode = "problemCode";
    public const string ProblemTitle = "problemTitle";
    public const string InspectionName = "inspectionName";
    public const string InspectionKind = "inspectionKind";
    public const string InspectionPeriod = "inspectionPeriod";
    public const string RoundName = "roundName";
    public const string ClueCode = "clueCode";
    public const string ClueColour = "clueColour";
    public const string State = "state";
    public const string StateLabel = "stateLabel";
    public const string Event = "event";
    public const string EventTime = "eventTime";
    public const string Deadline = "deadline";
    public const string DaysOverdue = "daysOverdue";
    public const string OverdueNote = "overdueNote";
    public const string Link = "link";
    public const string CopyTag = "copyTag";
    public const string CopyNote = "copyNote";

    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        RecipientName, UnitName, UnitCode, CaseType, CaseKind, CaseCode, CaseTitle, ProblemCode, ProblemTitle, InspectionName,
        InspectionKind, InspectionPeriod, RoundName, ClueCode, ClueColour, State, StateLabel, Event, EventTime, Deadline,
        DaysOverdue, OverdueNote, Link, CopyTag, CopyNote,
    };
}
