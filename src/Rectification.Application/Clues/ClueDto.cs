using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;
using Rectification.Application.Reminders;

namespace Rectification.Application.Clues;

public sealed record ClueDto(Guid Id, Guid InspectionId, Guid UnitId, string Code, string Summary, SheetColour Colour, string State,
    DateTime HandedOverAt, DateOnly DueDate, DateTime? AcceptedAt, DateTime? ConcludedAt, ClueOutcome? Outcome, IReadOnlyList<Guid> ProblemIds, long Version,
    ClueTimeLeft? TimeLeft = null)
{
    /// <param name="timeLeft">The light and the time left, where the answer is read (lists, the sheet); a command's answer leaves it out.</param>
    public static ClueDto From(Clue c, ClueTimeLeft? timeLeft = null) => new(c.Id, c.InspectionId, c.UnitId, c.Code, c.Summary, c.Colour, c.State, c.HandedOverAt, c.DueDate,
        c.AcceptedAt, c.ConcludedAt, c.Outcome, c.ProblemIds, c.Version, timeLeft);
}

/// <summary>A sheet's light and what is left of its colour's limit on the office's today (working days, as the limit is set).</summary>
public sealed record ClueTimeLeft(TrafficLight Light, int WorkingDaysLeft, int DaysOverdue)
{
    public static ClueTimeLeft Of(Clue c, Deadlines deadlines, WorkingCalendar calendar) =>
        new(ClueLight.Of(c, deadlines.Today, deadlines.YellowWithinDays), ClueLight.WorkingDaysLeft(c, deadlines.Today, calendar), ClueLight.DaysOverdue(c, deadlines.Today));
}
