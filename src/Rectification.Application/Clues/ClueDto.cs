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

namespace Rectification.Application.Clues;

public sealed record ClueDto(Guid Id, Guid InspectionId, Guid UnitId, string Code, string Summary, SheetColour Colour, string State,
    DateTime HandedOverAt, DateOnly DueDate, DateTime? AcceptedAt, DateTime? ConcludedAt, ClueOutcome? Outcome, IReadOnlyList<Guid> ProblemIds, long Version)
{
    public static ClueDto From(Clue c) => new(c.Id, c.InspectionId, c.UnitId, c.Code, c.Summary, c.Colour, c.State, c.HandedOverAt, c.DueDate,
        c.AcceptedAt, c.ConcludedAt, c.Outcome, c.ProblemIds, c.Version);
}
