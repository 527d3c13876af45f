using Mediator;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Inspections;
using Rectification.Application.Organization;
using Rectification.Application.Problems;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Web.Pages;

/// <summary>
/// The ledger (台账) of the signed-in user's scope, through the same query as GET /api/ledger. Filters, sort and page live in the
/// URL (so a filtered ledger can be bookmarked and sent); the page number is <c>p</c> because Razor Pages reserves <c>page</c>.
/// </summary>
public sealed class LedgerModel(ISender sender, ILifecycleCatalog catalog, IReminderCatalog reminders) : PageModel
{
    public const int PageSize = 50;

    public Page<LedgerRow> Ledger { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public IReadOnlyList<RoundDto> Rounds { get; private set; } = [];
    public IReadOnlyDictionary<string, string> States { get; private set; } = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true, Name = "unit")] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "inspection")] public Guid? InspectionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "round")] public Guid? RoundId { get; set; }
    [BindProperty(SupportsGet = true, Name = "state")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "light")] public TrafficLight? Light { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public RectificationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "department")] public string? Department { get; set; }
    [BindProperty(SupportsGet = true, Name = "overdue")] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "level")] public UnitLevel? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "step")] public string? Step { get; set; }
    [BindProperty(SupportsGet = true, Name = "reopened")] public bool Reopened { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Text { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public LedgerSort Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "desc")] public bool Descending { get; set; }
    [BindProperty(SupportsGet = true, Name = "all")] public bool InCodeOrder { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (Ledger.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A hand-edited URL with a value that is not one of the choices: show the whole ledger rather than an error.
            return Redirect("/ledger");
        }

        var ledger = await sender.Send(new ListLedger(UnitId, InspectionId, RoundId, State, Light, Kind, Department, Overdue ? true : null, Text, Sort, Descending,
            OpenFirst: !InCodeOrder, PageNumber: Math.Clamp(PageNumber, 1, 1_000_000), PageSize: PageSize, Level: Level, Step: Step, Reopened: Reopened ? true : null), ct);
        if (!ledger.IsSuccess)
        {
            return Redirect("/ledger");
        }

        Ledger = ledger.Value;
        var units = await sender.Send(new ListUnits(), ct);
        Units = units.IsSuccess ? units.Value.OrderBy(u => u.Path).ToList() : [];
        var rounds = await sender.Send(new ListRounds(), ct);
        Rounds = rounds.IsSuccess ? rounds.Value : [];
        States = catalog.Current(Problem.Lifecycle).States.ToDictionary(s => s.Key, s => UiText.L(s.Value));
        return Page();
    }

    /// <summary>The rungs of the problem ladder (workflows/reminders.yaml) the step filter offers, in their order.</summary>
    public IReadOnlyList<ReminderStepDefinition> Steps => [.. (reminders.Settings.For(Problem.Lifecycle)?.Steps ?? []).OrderBy(s => s.OffsetDays)];

    public string StateLabel(string state) => States.GetValueOrDefault(state, state);

    /// <summary>The Excel export of this ledger (GET /api/problems/export.xlsx) with the page's filters and sort, so the sheet holds the rows listed here.</summary>
    public string ExportLink
    {
        get
        {
            var query = new Dictionary<string, string?>
            {
                ["unitId"] = UnitId?.ToString(), ["inspectionId"] = InspectionId?.ToString(), ["roundId"] = RoundId?.ToString(), ["state"] = State,
                ["light"] = Light?.ToString(), ["kind"] = Kind?.ToString(), ["department"] = Department, ["overdue"] = Overdue ? "true" : null, ["text"] = Text,
                ["sort"] = Sort == LedgerSort.Code ? null : Sort.ToString(), ["desc"] = Descending ? "true" : null, ["all"] = InCodeOrder ? "true" : null,
                ["level"] = Level?.ToString(), ["step"] = Step, ["reopened"] = Reopened ? "true" : null,
            };
            return QueryHelpers.AddQueryString("/api/problems/export.xlsx", query.Where(q => !string.IsNullOrEmpty(q.Value)));
        }
    }
}
