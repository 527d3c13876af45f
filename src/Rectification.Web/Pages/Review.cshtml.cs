using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;
using Rectification.Application.Workplace;
using Rectification.Domain.Problems;
using Rectification.Domain.Workplace;
using Rectification.Web.Pages.Shared;

namespace Rectification.Web.Pages;

/// <summary>
/// The screening and review queue of the supervising side: plans waiting for its screening, and problems waiting for its signature
/// (签字销号). Several problems are signed at once with one SignOffProblem each, so every problem passes its own rules and the page
/// says for each whether it was signed or why not.
/// </summary>
public sealed class ReviewModel(ISender sender, MyWorkCount work) : PageModel
{
    public IReadOnlyList<WorkItem> Plans { get; private set; } = [];
    public IReadOnlyList<WorkItem> Problems { get; private set; } = [];

    /// <summary>The outcome of each problem of the last "sign off the selected", in the order they were selected.</summary>
    public IReadOnlyList<SignResult> Results { get; private set; } = [];

    public string? Refusal { get; private set; }

    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    public string? FieldError(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSignSelectedAsync(Guid[]? selected, CancellationToken ct)
    {
        if (selected is not { Length: > 0 })
        {
            Refusal = UiText.T("review-none-selected");
            await LoadAsync(ct);
            return Page();
        }

        // The names as the queue showed them, for a problem that the signature has moved out of it (or that was refused).
        // Read directly, not through the navigation's list, which must be read after the signatures.
        var before = await sender.Send(new ListMyWork(), ct);
        var shown = (before.IsSuccess ? before.Value : []).Where(i => i.Kind == WorkKind.SignOff).ToDictionary(i => i.ItemId);
        var results = new List<SignResult>();
        foreach (var id in selected.Distinct())
        {
            var result = await sender.Send(new SignOffProblem(id, Approve: true, Comment: null), ct);
            var name = result.IsSuccess ? $"{result.Value.Code} · {result.Value.Title}"
                : shown.TryGetValue(id, out var item) ? $"{item.Code} · {item.Title}" : await NameAsync(id, ct);
            results.Add(new SignResult(id, name, result.IsSuccess,
                result.IsSuccess ? UiText.T("review-signed") : Messages.Format(result.Error!, System.Globalization.CultureInfo.CurrentUICulture)));
        }

        Results = results;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid problemId, string? comment, CancellationToken ct)
    {
        var result = await sender.Send(new SignOffProblem(problemId, Approve: false, comment), ct);
        if (result.IsSuccess)
        {
            return Redirect($"/review?done={ProblemTriggers.RejectReview}");
        }

        foreach (var (field, messages) in result.Error!.FieldErrors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError($"reject-{problemId}-{FieldNames.Json(field)}", message);
            }
        }

        Refusal = Messages.Format(result.Error!, System.Globalization.CultureInfo.CurrentUICulture);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A problem that has left the queue since the page was shown (signed elsewhere, or sent back) is named as the user may see it.</summary>
    private async Task<string> NameAsync(Guid id, CancellationToken ct)
    {
        var problem = await sender.Send(new GetProblem(id), ct);
        return problem.IsSuccess ? $"{problem.Value.Summary.Code} · {problem.Value.Summary.Title}" : id.ToString();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // Through the navigation's own list, so the count beside 我的待办 and this queue agree after a signature.
        var items = await work.ItemsAsync(ct);
        Plans = items.Where(i => i.Kind == WorkKind.ScreenPlan).ToList();
        Problems = items.Where(i => i.Kind == WorkKind.SignOff).ToList();
    }

    public sealed record SignResult(Guid ProblemId, string Name, bool Signed, string Outcome);
}
