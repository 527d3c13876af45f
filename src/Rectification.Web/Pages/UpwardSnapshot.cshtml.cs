using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Statistics;

namespace Rectification.Web.Pages;

/// <summary>One report as it was sent upward: its figures of that moment, who sent it, and whether its seal still holds.</summary>
public sealed class UpwardSnapshotModel(ISender sender) : PageModel
{
    public ReportSnapshotDto Snapshot { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "done")] public bool Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var snapshot = await sender.Send(new GetReportSnapshot(id), ct);
        if (!snapshot.IsSuccess)
        {
            return snapshot.Error!.Kind == Domain.Common.ErrorKind.Forbidden ? Forbid() : NotFound();
        }

        Snapshot = snapshot.Value;
        return Page();
    }
}
