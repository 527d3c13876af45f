using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;
using Rectification.Domain.Problems;

namespace Rectification.Web.Pages;

/// <summary>One problem with its history, through the same queries (and the same scope check) as the API: outside the scope it does not exist.</summary>
public sealed class ProblemModel(ISender sender, ILifecycleCatalog lifecycles) : PageModel
{
    public ProblemDetail? Detail { get; private set; }
    public IReadOnlyList<AuditEntryDto> History { get; private set; } = [];

    /// <summary>A state of the problem lifecycle in the request's language; empty for none.</summary>
    public string StateLabel(string? state) =>
        state is null ? "" : lifecycles.Current(Problem.Lifecycle).States.TryGetValue(state, out var label) ? UiText.L(label) : state;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var detail = await sender.Send(new GetProblem(id), ct);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        var history = await sender.Send(new GetAuditTrail(TargetKind.Problem, id), ct);
        Detail = detail.Value;
        History = history.IsSuccess ? history.Value : [];
        return Page();
    }
}
