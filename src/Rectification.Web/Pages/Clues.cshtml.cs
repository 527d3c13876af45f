using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Clues;
using Rectification.Application.Inspections;
using Rectification.Application.Organization;
using Rectification.Domain.Clues;
using Rectification.Web.Pages.Shared;

namespace Rectification.Web.Pages;

/// <summary>
/// The clue ledger (线索台账) through the same query as GET /api/clues: red, yellow and blue sheets with their light and the time
/// left on their colour's limit, running sheets soonest due first, then the concluded ones. Colour and state filters live in the URL.
/// To a role that may not see clue sheets the page does not exist.
/// </summary>
public sealed class CluesModel(ISender sender, ICurrentUser user, IVisibilityCatalog visibility, ILifecycleCatalog catalog) : PageModel
{
    public IReadOnlyList<ClueDto> Clues { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> InspectionNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<string, string> States { get; private set; } = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true, Name = "colour")] public SheetColour? Colour { get; set; }
    [BindProperty(SupportsGet = true, Name = "state")] public string? State { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ClueAccess.SeesSheets(visibility, user.Role))
        {
            return NotFound();
        }

        States = catalog.Current(Clue.Lifecycle).States.ToDictionary(s => s.Key, s => UiText.L(s.Value));
        if (!ModelState.IsValid || (State is { Length: > 0 } && !States.ContainsKey(State)))
        {
            // A hand-edited URL with a value that is not one of the choices: the whole ledger rather than an error.
            return Redirect(PageLinks.Clues);
        }

        var clues = await sender.Send(new ListClues(null, Colour, string.IsNullOrEmpty(State) ? null : State), ct);
        if (!clues.IsSuccess)
        {
            return NotFound();
        }

        // Soonest due first among the sheets still chased; a concluded sheet has no limit left to watch.
        Clues = clues.Value.OrderBy(c => ClueLight.IsChased(c.State) ? 0 : 1).ThenBy(c => c.DueDate).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        var units = await sender.Send(new ListUnits(), ct);
        UnitNames = units.IsSuccess ? units.Value.ToDictionary(u => u.Id, u => u.Name) : new Dictionary<Guid, string>();
        var inspections = await sender.Send(new ListInspections(), ct);
        InspectionNames = inspections.IsSuccess ? inspections.Value.ToDictionary(i => i.Id, i => i.GroupName) : new Dictionary<Guid, string>();
        return Page();
    }

    public string StateLabel(string state) => States.GetValueOrDefault(state, state);

    /// <summary>What is left of the colour's limit, in words.</summary>
    public static string TimeLeft(ClueDto c) => c.TimeLeft switch
    {
        _ when !ClueLight.IsChased(c.State) => UiText.T("clue-finished"),
        { DaysOverdue: > 0 } t => UiText.T("clue-overdue-by", t.DaysOverdue),
        { WorkingDaysLeft: > 0 } t => UiText.T("clue-days-left", t.WorkingDaysLeft),
        _ => UiText.T("clue-due-today"),
    };
}
