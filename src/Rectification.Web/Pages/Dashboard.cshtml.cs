using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Rectification.Application.Abstractions;
using Rectification.Application.Dashboards;
using Rectification.Application.Inspections;
using Rectification.Application.Problems;
using Rectification.Application.Statistics;
using Rectification.Domain.Clues;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;

namespace Rectification.Web.Pages;

/// <summary>How the completion chart by unit is ordered (the <c>sort</c> of the URL).</summary>
public enum UnitOrder { Rate, RateDesc, Name, FedBack }

/// <summary>
/// 数据看板: the charts leaders read first, each with a table of the same figures, every bar opening the ledger (or the clue board)
/// filtered to what it counts. The office, groups, commission, organization department and leaders get the figures of their scope;
/// a unit's liaison and leader get their unit's lights, next deadlines and overdue problems. Every figure is an Application query,
/// the same the API answers under /api/dashboard; the clue chart only for the roles workflows/visibility.yaml lets read clue figures.
/// </summary>
public sealed class DashboardModel(ISender sender, ICurrentUser user, Application.Visibility.ReadPolicy visibility, IReminderCatalog reminders) : PageModel
{
    /// <summary>Bars the unit chart shows unless every unit is asked for; the table lists them all.</summary>
    public const int UnitsInChart = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public bool UnitView => user.Role is Role.UnitLiaison or Role.UnitLeader;

    public Guid? RoundId { get; private set; }
    public UnitOrder Order { get; private set; }
    public bool AllUnits { get; private set; }
    public IReadOnlyList<RoundDto> Rounds { get; private set; } = [];
    public StatisticsDto? Figures { get; private set; }
    public CompletionRatesDto? Completion { get; private set; }
    public IReadOnlyList<CompletionBar> UnitBars { get; private set; } = [];
    public IReadOnlyList<StepBar> Steps { get; private set; } = [];
    public IReadOnlyList<UnitLights> Lights { get; private set; } = [];
    public ClueSheetAgesDto? ClueAges { get; private set; }
    public IReadOnlyList<MonthFigures> Trend { get; private set; } = [];
    public IReadOnlyList<ReopenRate> Reopen { get; private set; } = [];
    public IReadOnlyList<ProblemSummary> NextDeadlines { get; private set; } = [];
    public IReadOnlyList<LedgerRow> OverdueItems { get; private set; } = [];
    public int OverdueTotal { get; private set; }

    /// <summary>Whether a clue bar may open the clue board: leaders read the figures but no sheet.</summary>
    public bool LinksToClues => visibility.SeesClues;

    public async Task OnGetAsync(Guid? round, UnitOrder? sort, bool all, CancellationToken ct)
    {
        RoundId = round;
        Order = sort ?? UnitOrder.Rate;
        AllUnits = all;
        Lights = Value(await sender.Send(new GetLightsByUnit(round), ct)) ?? [];
        Figures = Value(await sender.Send(new GetStatistics(null, round), ct));
        if (UnitView)
        {
            NextDeadlines = Value(await sender.Send(new ListNextDeadlines(), ct)) ?? [];
            var overdue = await sender.Send(new ListLedger(Overdue: true, Sort: LedgerSort.Deadline, PageSize: 10), ct);
            OverdueItems = overdue.IsSuccess ? overdue.Value.Items : [];
            OverdueTotal = overdue.IsSuccess ? overdue.Value.Total : 0;
            return;
        }

        Rounds = [.. (Value(await sender.Send(new ListRounds(), ct)) ?? []).OrderByDescending(r => r.Year).ThenByDescending(r => r.Number)];
        Completion = Value(await sender.Send(new GetCompletionRates(round), ct));
        UnitBars = Completion is null ? [] : Order switch
        {
            UnitOrder.RateDesc => [.. Completion.ByUnit.OrderByDescending(b => b.Rate).ThenBy(b => b.Name, StringComparer.Ordinal)],
            UnitOrder.Name => [.. Completion.ByUnit.OrderBy(b => b.Name, StringComparer.Ordinal)],
            UnitOrder.FedBack => [.. Completion.ByUnit.OrderByDescending(b => b.FedBack).ThenBy(b => b.Name, StringComparer.Ordinal)],
            _ => [.. Completion.ByUnit.OrderBy(b => b.Rate).ThenBy(b => b.Name, StringComparer.Ordinal)],
        };
        Steps = Value(await sender.Send(new GetOverdueBySteps(round), ct)) ?? [];
        // Asked only of the roles that may read clue figures: any other role gets no clue figure, chart or link at all.
        ClueAges = visibility.SeesClues || visibility.SeesClueFigures ? Value(await sender.Send(new GetClueSheetAges(), ct)) : null;
        Trend = Value(await sender.Send(new GetClosureTrend(), ct)) ?? [];
        Reopen = Value(await sender.Send(new GetReopenRates(), ct)) ?? [];
    }

    private static T? Value<T>(Domain.Common.Result<T> result) where T : class => result.IsSuccess ? result.Value : null;

    // ---- links the bars open -------------------------------------------------------------------------------------------

    /// <summary>The ledger filtered as a bar counts; the round of the dashboard's filter goes along where the bar is of that round.</summary>
    public string Ledger(params (string Key, string? Value)[] filters) =>
        QueryHelpers.AddQueryString("/ledger", filters.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));

    private string? Round => RoundId?.ToString();

    public string UnitLink(string unitId) => Ledger(("unit", unitId), ("round", Round));

    public string LevelLink(string level) => Ledger(("level", level), ("round", Round));

    public string RoundLink(string roundId) => Ledger(("round", roundId));

    public string StepLink(string step) => Ledger(("overdue", "true"), ("step", step), ("round", Round));

    public string LightLink(Guid? unitId, TrafficLight light) => Ledger(("unit", unitId?.ToString()), ("light", light.ToString()), ("round", Round));

    public string ReopenLink(Guid? roundId) => Ledger(("round", roundId?.ToString()), ("reopened", "true"));

    public string? ClueLink(SheetColour colour) => LinksToClues ? QueryHelpers.AddQueryString(Shared.PageLinks.Clues, "colour", colour.ToString()) : null;

    public string SortLink(UnitOrder order) => Shared.PageLinks.With(Request, "sort", order == UnitOrder.Rate ? null : order.ToString());

    // ---- what each chart draws, as the data-chart attribute of its container ----------------------------------------------

    public static string Rate(decimal rate) => StatisticsModel.Rate(rate);

    public string StepLabel(StepBar step) => step.Step == EscalationSteps.None ? UiText.T("db-no-step") : UiText.Capital(UiText.L(step.Label));

    /// <summary>A level bar's name: the glossary's word for the level its key names.</summary>
    public static string LevelName(CompletionBar bar) => Enum.TryParse<UnitLevel>(bar.Key, out var level) ? UiText.Capital(UiText.L(level)) : bar.Key;

    /// <summary>The rung a problem stands at, by the ladder of workflows/reminders.yaml, or "—".</summary>
    public string StepName(string? step) => reminders.Settings.Step(Domain.Problems.Problem.Lifecycle, step) is { } s ? UiText.Capital(UiText.L(s.Label)) : "—";

    public static string AgeLabel(AgeBand band) => band.To is { } to ? UiText.T2("db-age", band.From, to) : UiText.T("db-age-older", band.From);

    public IReadOnlyList<CompletionBar> UnitBarsInChart => AllUnits ? UnitBars : [.. UnitBars.Take(UnitsInChart)];

    public string CompletionChart(IReadOnlyList<CompletionBar> bars, Func<CompletionBar, string> name, Func<CompletionBar, string> link, bool horizontal) =>
        Chart(new ChartSpec(horizontal, Stacked: false, Percent: true, [.. bars.Select(name)],
            [new ChartSeries(UiText.T("st-rate"), [.. bars.Select(b => b.Rate)], "#0d6efd", [.. bars.Select(link)])]));

    public string StepsChart() => Chart(new ChartSpec(false, false, false, [.. Steps.Select(StepLabel)],
        [new ChartSeries(UiText.T("db-count"), [.. Steps.Select(s => (decimal)s.Count)], "#b02a37", [.. Steps.Select(s => StepLink(s.Step))])]));

    public static readonly IReadOnlyList<(TrafficLight Light, string Colour)> LightColours =
        [(TrafficLight.Green, "#2e7d32"), (TrafficLight.Yellow, "#f0ad00"), (TrafficLight.Red, "#c62828")];

    public static int LightCount(UnitLights u, TrafficLight light) => light switch
    {
        TrafficLight.Green => u.Green,
        TrafficLight.Yellow => u.Yellow,
        _ => u.Red,
    };

    /// <summary>The reddest units, as many as the unit chart shows unless every unit is asked for; the table lists them all.</summary>
    public IReadOnlyList<UnitLights> LightsInChart => AllUnits ? Lights : [.. Lights.Take(UnitsInChart)];

    public string LightsChart() => Chart(new ChartSpec(true, true, false, [.. LightsInChart.Select(u => u.Name)],
        [.. LightColours.Select(l => new ChartSeries(UiText.Capital(UiText.L(l.Light)), [.. LightsInChart.Select(u => (decimal)LightCount(u, l.Light))], l.Colour,
            [.. LightsInChart.Select(u => LightLink(u.UnitId, l.Light))]))]));

    /// <summary>A unit's own lights: one bar per light, the scope's problems (the unit and any below it).</summary>
    public string MyLightsChart() => Chart(new ChartSpec(false, false, false, [.. LightColours.Select(l => UiText.Capital(UiText.L(l.Light)))],
        [new ChartSeries(UiText.T("db-count"), [.. LightColours.Select(l => (decimal)Lights.Sum(u => LightCount(u, l.Light)))], null,
            [.. LightColours.Select(l => LightLink(null, l.Light))], [.. LightColours.Select(l => l.Colour)])]));

    /// <summary>The sheets' own colours, as the paper sheets are printed (and as the clue board tags them).</summary>
    private static readonly IReadOnlyDictionary<SheetColour, string> SheetColours = new Dictionary<SheetColour, string>
    {
        [SheetColour.Red] = "#c62828", [SheetColour.Yellow] = "#f9c74f", [SheetColour.Blue] = "#1565c0",
    };

    /// <summary>
    /// The open sheets: one stacked bar per age band, a segment per colour in the sheet's own colour. The concluded ones are in the
    /// table only: hundreds of them would flatten the few still running, which are what the chart is read for.
    /// </summary>
    public string ClueChart() => ClueAges is not { } ages ? "" : Chart(new ChartSpec(false, true, false,
        [.. ages.Bands.Select(AgeLabel)],
        [
            .. ages.ByColour.Select(c => new ChartSeries(UiText.Capital(UiText.L(c.Colour)), [.. c.OpenByAge.Select(n => (decimal)n)],
                SheetColours[c.Colour], LinksToClues ? [.. Enumerable.Repeat(ClueLink(c.Colour), ages.Bands.Count)] : null)),
        ]));

    public string TrendChart() => Chart(new ChartSpec(false, false, false, [.. Trend.Select(m => m.Month)],
    [
        new ChartSeries(UiText.T("st-fed-back"), [.. Trend.Select(m => (decimal)m.FedBack)], "#0d6efd", null),
        new ChartSeries(UiText.T("st-closed"), [.. Trend.Select(m => (decimal)m.Closed)], "#198754", null),
    ]));

    public string ReopenName(ReopenRate r) => r.RoundId is null ? UiText.T("db-all-rounds") : r.Name;

    public string ReopenChart() => Chart(new ChartSpec(true, false, true, [.. Reopen.Select(ReopenName)],
        [new ChartSeries(UiText.T("db-reopen-rate"), [.. Reopen.Select(r => r.Rate)], "#6f42c1", [.. Reopen.Select(r => ReopenLink(r.RoundId))])]));

    private static string Chart(ChartSpec spec) => JsonSerializer.Serialize(spec, Json);
}

/// <summary>A completion chart's figures as the table beside it shows them (Shared/_CompletionTable).</summary>
public sealed record CompletionTable(IReadOnlyList<CompletionBar> Bars, string Heading, Func<CompletionBar, string> Name, Func<CompletionBar, string> Link, string TestId);

/// <summary>What wwwroot/js/chart-*.js draw: categories on one axis, one or more series of values, and the link each value opens.</summary>
public sealed record ChartSpec(bool Horizontal, bool Stacked, bool Percent, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

/// <param name="Colours">A colour per value (a unit's own lights), else the series' <paramref name="Colour"/>.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Data, string? Colour, IReadOnlyList<string?>? Links, IReadOnlyList<string>? Colours = null);
