using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.CommonProblems;
using Rectification.Application.Abstractions;
using Rectification.Domain.Problems;

namespace Rectification.Web.Pages;

/// <summary>
/// A common problem's push (未巡先改) and how the units in the reader's scope answered it: not present, opened as a problem (with a
/// link to it), or pending; counted with the API's own query.
/// </summary>
public sealed class CommonProblemModel(ISender sender, ILifecycleCatalog lifecycles) : PageModel
{
    public PushProgressDto? Push { get; private set; }

    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    /// <summary>A state of the problem lifecycle in the request's language; empty for none.</summary>
    public string ProblemStateLabel(string? state) =>
        state is null ? "" : lifecycles.Current(Problem.Lifecycle).States.TryGetValue(state, out var label) ? UiText.L(label) : state;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var push = await sender.Send(new GetCommonProblemPush(id), ct);
        if (!push.IsSuccess)
        {
            return NotFound();
        }

        Push = push.Value;
        return Page();
    }
}
