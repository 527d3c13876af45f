using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Application.Plans;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Inspections;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Severity = Rectification.Domain.Problems.Severity;

namespace Rectification.Application.CommonProblems;

public sealed record SelfCheckRow(Guid TaskId, Guid UnitId, string UnitName, string State, DateOnly DueDate, bool Overdue, DateTime? AnsweredAt,
    string? AnsweredByName, string? Statement, Guid? OpenedProblemId, string? OpenedProblemState, bool Late);

/// <summary>The progress of a push, counted over the units in the reader's scope: answered "not present", opened a problem, pending.</summary>
public sealed record PushProgressDto(Guid Id, Guid ProblemId, string Title, string Note, DateTime PushedAt, DateOnly DueDate,
    int Units, int NotPresent, int Opened, int Pending, int Overdue, int Late, IReadOnlyList<SelfCheckRow> Rows);

/// <summary>
/// A unit's task: what to check, and its answer. The push belongs to the source problem's unit, so its id is named only to a reader
/// whose scope covers that unit (to open the push's progress); otherwise it is null.
/// </summary>
public sealed record SelfCheckDto(Guid Id, Guid UnitId, string Title, string Description, string Category, string Note, string State,
    DateOnly DueDate, bool Overdue, DateTime? AnsweredAt, string? AnsweredByName, string? Statement, Guid? OpenedProblemId, bool Late, long Version,
    Guid? PushId = null)
{
    public static SelfCheckDto From(SelfCheckTask t, CommonProblemPush p, DateOnly today) => new(t.Id, t.UnitId, p.Title, p.Description, p.Category,
        p.Note, t.State, t.DueDate, t.State == SelfCheckStates.Pending && today > t.DueDate, t.AnsweredAt, t.AnsweredByName, t.Statement, t.OpenedProblemId, t.Late, t.Version);
}
