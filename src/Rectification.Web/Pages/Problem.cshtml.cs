using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;

namespace Rectification.Web.Pages;

/// <summary>One problem with its history, through the same queries (and the same scope check) as the API: outside the scope it does not exist.</summary>
public sealed class ProblemModel(ISender sender) : PageModel
{
    public ProblemDetail? Detail { get; private set; }
    public IReadOnlyList<AuditEntryDto> History { get; private set; } = [];

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
