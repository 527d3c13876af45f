using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Localization;
using Rectification.Application.Organization;
using Rectification.Application.Receipts;

namespace Rectification.Web.Pages;

/// <summary>签收: what was sent to the user's unit and still waits for its receipt, signed here through the API's own command.</summary>
public sealed class ReceiptsModel(ISender sender) : PageModel
{
    public IReadOnlyList<ReceiptDto> Pending { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();
    public string? Refusal { get; private set; }

    [BindProperty(SupportsGet = true, Name = "done")] public bool Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid receiptId, CancellationToken ct)
    {
        var result = await sender.Send(new AcknowledgeReceipt(receiptId), ct);
        if (result.IsSuccess)
        {
            return Redirect("/receipts?done=true");
        }

        Refusal = Messages.Format(result.Error!, System.Globalization.CultureInfo.CurrentUICulture);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var pending = await sender.Send(new ListReceipts(), ct);
        Pending = pending.IsSuccess ? pending.Value : [];
        var units = await sender.Send(new ListUnits(), ct);
        UnitNames = units.IsSuccess ? units.Value.ToDictionary(u => u.Id, u => u.Name) : new Dictionary<Guid, string>();
    }
}
