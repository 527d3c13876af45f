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

/// <summary>The clue ledger (线索台账) in the user's scope; empty for a role that may not see clue sheets.</summary>
public sealed record ListClues(Guid? InspectionId = null, SheetColour? Colour = null, string? State = null) : IAppQuery<IReadOnlyList<ClueDto>>;

public sealed class ListCluesHandler(Visibility.ReadPolicy visibility, Reminders.Deadlines deadlines, WorkingCalendar calendar) : IQueryHandler<ListClues, Result<IReadOnlyList<ClueDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ClueDto>>> Handle(ListClues query, CancellationToken ct)
    {
        var clues = visibility.Clues().AsNoTracking();
        if (query.InspectionId is { } inspection) clues = clues.Where(c => c.InspectionId == inspection);
        if (query.Colour is { } colour) clues = clues.Where(c => c.Colour == colour);
        if (query.State is { } state) clues = clues.Where(c => c.State == state);
        var rows = await clues.OrderBy(c => c.DueDate).ThenBy(c => c.Code).Take(1000).ToListAsync(ct);
        return rows.Select(c => ClueDto.From(c, ClueTimeLeft.Of(c, deadlines, calendar))).ToList();
    }
}
