using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Inspections;
using Rectification.Application.Statistics;

namespace Rectification.Web.Pages;

/// <summary>
/// 统计: the figures of the user's scope (fed back, closed, completion rate, overdue, reopened, and the clue figures for those
/// who may read them), optionally of one round, and the completion table of the level below, one step down per click.
/// </summary>
public sealed class StatisticsModel(ISender sender) : PageModel
{
    public StatisticsDto? Figures { get; private set; }
    public IReadOnlyList<UnitStatistics> ByUnit { get; private set; } = [];
    public IReadOnlyList<RoundDto> Rounds { get; private set; } = [];

    public Guid? UnitId { get; private set; }
    public Guid? RoundId { get; private set; }

    public async Task OnGetAsync(Guid? unit, Guid? round, CancellationToken ct)
    {
        UnitId = unit;
        RoundId = round;
        var figures = await sender.Send(new GetStatistics(unit, round), ct);
        Figures = figures.IsSuccess ? figures.Value : null;
        var byUnit = await sender.Send(new GetStatisticsByUnit(unit, round), ct);
        ByUnit = byUnit.IsSuccess ? byUnit.Value : [];
        var rounds = await sender.Send(new ListRounds(), ct);
        Rounds = rounds.IsSuccess ? [.. rounds.Value.OrderByDescending(r => r.Year).ThenByDescending(r => r.Number)] : [];
    }

    public static string Rate(decimal rate) => rate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
