using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Organization;
using Rectification.Application.Problems;
using Rectification.Domain.Problems;

namespace Rectification.Web.Pages;

/// <summary>The ledger (台账) of the signed-in user's scope, read through the same query as GET /api/problems.</summary>
public sealed class LedgerModel(ISender sender, ILifecycleCatalog catalog) : PageModel
{
    private const int PageSize = 50;
    private Dictionary<Guid, string> units = [];

    public Page<ProblemSummary> Ledger { get; private set; } = new([], 0, 1, PageSize);
    public string OverdueQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int? page, bool? overdue, CancellationToken ct)
    {
        var ledger = await sender.Send(new ListProblems(Overdue: overdue == true ? true : null, PageNumber: Math.Max(1, page ?? 1), PageSize: PageSize), ct);
        if (!ledger.IsSuccess)
        {
            return BadRequest();
        }

        Ledger = ledger.Value;
        OverdueQuery = overdue == true ? "&overdue=true" : "";
        var scope = await sender.Send(new ListUnits(), ct);
        units = scope.IsSuccess ? scope.Value.ToDictionary(u => u.Id, u => u.Name) : [];
        return Page();
    }

    public string UnitName(Guid id) => units.GetValueOrDefault(id, "");

    public string StateLabel(string state) =>
        catalog.Current(Problem.Lifecycle).States.TryGetValue(state, out var label) ? label.For(UiText.Language) : state;
}
