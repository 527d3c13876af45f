using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Workplace;
using Rectification.Web.Pages.Shared;

namespace Rectification.Web.Pages;

/// <summary>我的待办: the home page of every role, what waits for the user, reddest and oldest first (the navigation's count is the same list).</summary>
public sealed class MyWorkModel(MyWorkCount work) : PageModel
{
    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await work.ItemsAsync(ct);
}
