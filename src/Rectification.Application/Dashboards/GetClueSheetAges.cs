using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;

namespace Rectification.Application.Dashboards;

/// <summary>The sheets of one colour: those still open by how long ago they were handed over (<see cref="GetClueSheetAges.Bands"/>), and those concluded.</summary>
public sealed record ClueColourAges(SheetColour Colour, IReadOnlyList<int> OpenByAge, int Concluded);

/// <summary>An age band of open sheets, in calendar days since the handover (both ends included; <c>To</c> null: and older).</summary>
public sealed record AgeBand(int From, int? To);

public sealed record ClueSheetAgesDto(IReadOnlyList<AgeBand> Bands, IReadOnlyList<ClueColourAges> ByColour);

/// <summary>
/// Clue sheets (红黄蓝交办单) by colour and age, for the roles workflows/visibility.yaml lets see sheets or their figures; any other
/// role is refused, like the monthly clue report, so that a unit learns nothing about the clues of its scope.
/// </summary>
public sealed record GetClueSheetAges : IAppQuery<ClueSheetAgesDto>
{
    public static readonly IReadOnlyList<AgeBand> Bands = [new(0, 7), new(8, 30), new(31, 90), new(91, null)];
}

public sealed class GetClueSheetAgesHandler(IAppDbContext db, Visibility.ReadPolicy visibility, Deadlines deadlines)
    : IQueryHandler<GetClueSheetAges, Result<ClueSheetAgesDto>>
{
    public async ValueTask<Result<ClueSheetAgesDto>> Handle(GetClueSheetAges query, CancellationToken ct)
    {
        if (!visibility.SeesClues && !visibility.SeesClueFigures)
        {
            return Error.Forbidden("clue.report-not-visible");
        }

        var units = visibility.UnitsInScope;
        var clues = (visibility.SeesClues ? visibility.Clues() : db.Clues.Where(c => units.Contains(c.UnitId))).AsNoTracking();
        var open = await clues.Where(c => c.State != ClueStates.Concluded).Select(c => new { c.Colour, c.HandedOverAt }).ToListAsync(ct);
        var concluded = await clues.Where(c => c.State == ClueStates.Concluded).GroupBy(c => c.Colour)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var today = deadlines.Today;
        int Band(DateTime handedOver)
        {
            var age = today.DayNumber - OfficeTime.DayOf(handedOver).DayNumber;
            return GetClueSheetAges.Bands.Select((b, i) => (b, i)).First(x => x.b.To is null || age <= x.b.To).i;
        }

        var byColour = Enum.GetValues<SheetColour>()
            .Select(colour => new ClueColourAges(colour,
                [.. GetClueSheetAges.Bands.Select((_, i) => open.Count(c => c.Colour == colour && Band(c.HandedOverAt) == i))],
                concluded.GetValueOrDefault(colour)))
            .ToList();
        return new ClueSheetAgesDto(GetClueSheetAges.Bands, byColour);
    }
}
