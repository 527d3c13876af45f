using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Clues;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;

using Rectification.Web.Pages.Shared;

namespace Rectification.Web.Pages;

/// <summary>
/// One handover sheet (交办单) as a printable A4 document: its facts, the problems it concerns, its timeline, and the steps this user
/// may take on it now (accept, start the investigation, conclude with the outcome figures), each the API's own command. A refusal
/// is shown at its field and nothing is saved. To a role that may not see clue sheets the page answers like a missing one.
/// </summary>
public sealed class ClueModel(ISender sender, ILifecycleCatalog lifecycles) : PageModel
{
    public ClueDetail? Detail { get; private set; }
    public IReadOnlyList<AuditEntryDto> History { get; private set; } = [];
    public string? Refusal { get; private set; }

    /// <summary>What was typed into the conclusion form, shown again after a refusal.</summary>
    public ConclusionForm Form { get; private set; } = new("", "0", "0", "0", "0");

    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    public bool May(string trigger) => Detail?.PermittedTriggers.Contains(trigger) == true;

    public string StateLabel(string? state) =>
        state is null ? "" : lifecycles.Current(Clue.Lifecycle).States.TryGetValue(state, out var label) ? UiText.L(label) : state;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(Guid id, long version, CancellationToken ct) =>
        StepAsync(id, ClueTriggers.Accept, new AcceptClue(id, version), ct);

    public Task<IActionResult> OnPostStartInvestigationAsync(Guid id, long version, CancellationToken ct) =>
        StepAsync(id, ClueTriggers.StartInvestigation, new StartInvestigation(id, version), ct);

    public async Task<IActionResult> OnPostConcludeAsync(Guid id, long version, string? summary, string? casesFiled, string? peopleDisciplined,
        string? transferredToJudicial, string? moneyRecovered, CancellationToken ct)
    {
        Form = new ConclusionForm(summary ?? "", casesFiled ?? "", peopleDisciplined ?? "", transferredToJudicial ?? "", moneyRecovered ?? "");
        var cases = Count("casesFiled", Form.CasesFiled);
        var people = Count("peopleDisciplined", Form.PeopleDisciplined);
        var judicial = Count("transferredToJudicial", Form.TransferredToJudicial);
        decimal? money = decimal.TryParse(Form.MoneyRecovered.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var m) && m >= 0 ? m : null;
        if (money is null)
        {
            ModelState.AddModelError("moneyRecovered", UiText.T("clue-money-invalid"));
        }

        if (cases is null || people is null || judicial is null || money is null)
        {
            Refusal = UiText.T("clue-refused");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return await StepAsync(id, ClueTriggers.Conclude, new ConcludeClue(id, Form.Summary, cases.Value, people.Value, judicial.Value, money.Value, version), ct);
    }

    /// <summary>A count typed into the form; a text that is not a whole number of 0 or more is refused at its field before anything is sent.</summary>
    private int? Count(string field, string text)
    {
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        ModelState.AddModelError(field, UiText.T("clue-number-invalid"));
        return null;
    }

    private async Task<IActionResult> StepAsync<T>(Guid id, string trigger, IAppCommand<T> command, CancellationToken ct)
    {
        var result = await sender.Send(command, ct);
        if (result.IsSuccess)
        {
            return Redirect($"/clues/{id}?done={trigger}");
        }

        var error = result.Error!;
        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Refusal = ModelState.Show(error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await sender.Send(new GetClue(id), ct);
        if (!detail.IsSuccess)
        {
            return false;
        }

        var history = await sender.Send(new GetAuditTrail(TargetKind.Clue, id), ct);
        Detail = detail.Value;
        History = history.IsSuccess ? history.Value : [];
        return true;
    }

    public sealed record ConclusionForm(string Summary, string CasesFiled, string PeopleDisciplined, string TransferredToJudicial, string MoneyRecovered);
}
