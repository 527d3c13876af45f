using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Clues;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Web.Pages;

/// <summary>
/// The monthly clue report (线索月报) through the same query as GET /api/clues/report: per sheet colour, what was handed over,
/// accepted, concluded and went overdue in the month, and what the concluded clues came to; the same data downloads as a .docx.
/// A role that may read no clue figures gets the error page the query's refusal calls for.
/// </summary>
public sealed class ClueReportModel(ISender sender, TimeProvider clock) : PageModel
{
    public ClueReport? Report { get; private set; }

    [BindProperty(SupportsGet = true, Name = "month")] public string? Month { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The office's current month unless one is asked for.
        Month = string.IsNullOrWhiteSpace(Month) ? OfficeTime.Today(clock).ToString(GetClueReport.MonthFormat, CultureInfo.InvariantCulture) : Month.Trim();
        var report = await sender.Send(new GetClueReport(Month), ct);
        if (report.IsSuccess)
        {
            Report = report.Value;
            return Page();
        }

        var error = report.Error!;
        if (error.Kind == ErrorKind.Forbidden)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (error.Kind != ErrorKind.Validation)
        {
            return NotFound();
        }

        foreach (var (field, messages) in error.FieldErrors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(FieldNames.Json(field), message);
            }
        }

        return Page();
    }

    public string DocxLink => $"/api/clues/report?month={Uri.EscapeDataString(Report?.Month ?? "")}&format=docx";

    public static string Money(decimal amount) => Application.Documents.ClueDocuments.Money(amount);

    public static string MonthName(DateOnly first) =>
        UiText.English ? first.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en")) : $"{first.Year}年{first.Month}月";
}
