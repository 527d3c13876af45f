using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Inspections;
using Rectification.Application.Statistics;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;
using Rectification.Web.Pages.Shared;

namespace Rectification.Web.Pages;

/// <summary>
/// 报送统计: the figures an office reports to the higher inspection office, by period, rounds, term (届) and kind of inspection, per
/// kind and per level with coverage; the office sends them upward as a sealed snapshot, and every snapshot sent is listed.
/// </summary>
public sealed class UpwardModel(ISender sender, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid[] Rounds { get; set; } = [];
    [BindProperty(SupportsGet = true)] public int? Term { get; set; }
    [BindProperty(SupportsGet = true)] public InspectionKind[] Kinds { get; set; } = [];

    public UpwardReport? Report { get; private set; }
    public IReadOnlyList<RoundDto> AllRounds { get; private set; } = [];
    public IReadOnlyList<ReportSnapshotSummary> Snapshots { get; private set; } = [];
    public string? Refusal { get; private set; }
    public string TitleTyped { get; private set; } = "";

    /// <summary>Only the office sends figures upward.</summary>
    public bool MaySend => user.Role == Role.InspectionOffice;

    /// <summary>This report as an Excel sheet, with the page's choice.</summary>
    public string ExportLink => "/api/statistics/upward/export.xlsx" + Request.QueryString;

    public UpwardReportFilter Filter => new(From, To, Rounds.Length == 0 ? null : Rounds, Term, Kinds.Length == 0 ? null : Kinds);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var report = await sender.Send(new GetUpwardReport(Filter), ct);
        if (report.IsSuccess)
        {
            Report = report.Value;
        }
        else
        {
            Refusal = ModelState.Show(report.Error!);
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? title, CancellationToken ct)
    {
        TitleTyped = title ?? "";
        var sent = await sender.Send(new RecordReportSnapshot(title ?? "", Filter), ct);
        if (sent.IsSuccess)
        {
            return Redirect($"/statistics/upward/{sent.Value.Id}?done=1");
        }

        Refusal = ModelState.Show(sent.Error!);
        var report = await sender.Send(new GetUpwardReport(Filter), ct);
        Report = report.IsSuccess ? report.Value : null;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rounds = await sender.Send(new ListRounds(), ct);
        AllRounds = rounds.IsSuccess ? [.. rounds.Value.OrderByDescending(r => r.Year).ThenByDescending(r => r.Number)] : [];
        var snapshots = await sender.Send(new ListReportSnapshots(), ct);
        Snapshots = snapshots.IsSuccess ? snapshots.Value : [];
    }
}
