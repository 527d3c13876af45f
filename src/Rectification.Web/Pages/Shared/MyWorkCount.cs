using Mediator;
using Rectification.Application.Workplace;

namespace Rectification.Web.Pages.Shared;

/// <summary>The number the navigation shows beside 我的待办, read once per request through the same query as the page.</summary>
public sealed class MyWorkCount(ISender sender)
{
    private IReadOnlyList<WorkItem>? items;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        if (items is null)
        {
            var result = await sender.Send(new ListMyWork(), ct);
            items = result.IsSuccess ? result.Value : [];
        }

        return items;
    }

    public async Task<int> CountAsync(CancellationToken ct) => (await ItemsAsync(ct)).Count;
}
