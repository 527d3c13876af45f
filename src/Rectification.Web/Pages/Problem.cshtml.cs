using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

using Rectification.Web.Pages.Shared;

namespace Rectification.Web.Pages;

/// <summary>
/// One problem as this user may see it, with its history and the steps the lifecycle lets this user take now as buttons. Every step
/// sends the same command as the API (so the rules, scope, audit and mails are the pipeline's); a refusal is shown at its field or
/// above the forms, and nothing changes.
/// </summary>
public sealed partial class ProblemModel(ISender sender, ILifecycleCatalog lifecycles, IReminderCatalog reminders, ICurrentUser user) : PageModel
{
    public ProblemDetail? Detail { get; private set; }

    /// <summary>The rung of the reminder ladder last taken for the date the problem is chased against now, or null.</summary>
    public ReminderStepDefinition? EscalationStep => reminders.Settings.Step(Problem.Lifecycle, Detail?.Summary.EscalationStep);

    /// <summary>The deadline extensions asked for this problem, newest first.</summary>
    public IReadOnlyList<ExtensionDto> Extensions { get; private set; } = [];

    /// <summary>
    /// The unit may ask for more time while the deadline runs (the ladder's active states) and no request waits; the command
    /// decides the rest (a date after the current one).
    /// </summary>
    public bool MayRequestExtension =>
        user.Role is Role.UnitLiaison or Role.UnitLeader && Detail?.Summary is { Deadline: not null } s
        && reminders.Settings.Ladders.TryGetValue(Problem.Lifecycle, out var ladder) && ladder.ActiveStates.Contains(s.State)
        && Extensions.All(e => e.Status != ExtensionStatus.Requested);
    public IReadOnlyList<AuditEntryDto> History { get; private set; } = [];

    /// <summary>The refusal of the last step tried, in the user's language.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The step that was just taken (after the redirect), for the confirmation line.</summary>
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    /// <summary>A state of the problem lifecycle in the request's language; empty for none.</summary>
    public string StateLabel(string? state) =>
        state is null ? "" : lifecycles.Current(Problem.Lifecycle).States.TryGetValue(state, out var label) ? UiText.L(label) : state;

    public bool May(string trigger) => Detail?.PermittedTriggers.Contains(trigger) == true;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostFeedBackAsync(Guid id, long version, CancellationToken ct) =>
        StepAsync(id, ProblemTriggers.FeedBack, new FeedBackProblem(id, version), ct);

    /// <summary>
    /// A progress report with an optional evidence file: the file is stored and recorded first (the API's upload command), then the
    /// report cites it by id. A report without text is refused before any file is kept, so a refused form leaves no stray file.
    /// </summary>
    public async Task<IActionResult> OnPostReportProgressAsync(Guid id, long version, string? text, int? percent, string? milestone, IFormFile? file, CancellationToken ct)
    {
        IReadOnlyList<EvidenceInput>? evidence = null;
        // A browser sends an empty, nameless part for a file input left empty.
        if (file is not null && !string.IsNullOrWhiteSpace(text) && (file.Length > 0 || file.FileName.Length > 0))
        {
            var upload = new Http.FormFileUpload(file, Request.Form.Files.GetFiles(RecordEvidenceFile.FileField).Count);
            var recorded = await sender.Send(new RecordEvidenceFile(id, upload), ct);
            if (!recorded.IsSuccess)
            {
                return await RefusedAsync(id, recorded.Error!, ct);
            }

            evidence = [new EvidenceInput(null, null, recorded.Value.Id)];
        }

        return await StepAsync(id, ProblemTriggers.ReportProgress,
            new ReportProgress(id, text ?? "", percent, string.IsNullOrWhiteSpace(milestone) ? null : milestone, evidence, version), ct);
    }

    public Task<IActionResult> OnPostSubmitForReviewAsync(Guid id, long version, CancellationToken ct) =>
        StepAsync(id, ProblemTriggers.SubmitForReview, new SubmitForReview(id, version), ct);

    public Task<IActionResult> OnPostSignOffAsync(Guid id, long version, bool approve, string? comment, CancellationToken ct) =>
        StepAsync(id, approve ? ProblemTriggers.SignOff : ProblemTriggers.RejectReview, new SignOffProblem(id, approve, comment, version), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, long version, CancellationToken ct) =>
        StepAsync(id, ProblemTriggers.Close, new CloseProblem(id, version), ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, long version, string? reason, DateOnly? newDeadline, CancellationToken ct) =>
        newDeadline is { } day
            ? StepAsync(id, ProblemTriggers.Reopen, new ReopenProblem(id, reason ?? "", day, null, version), ct)
            : RefuseAsync(id, "newDeadline", UiText.T("field-required"), ct);

    public async Task<IActionResult> OnPostRequestExtensionAsync(Guid id, DateOnly? newDeadline, string? reason, CancellationToken ct)
    {
        if (newDeadline is not { } day)
        {
            return await RefuseAsync(id, "newDeadline", UiText.T("field-required"), ct);
        }

        var result = await sender.Send(new RequestDeadlineExtension(TargetKind.Problem, id, day, reason ?? ""), ct);
        return result.IsSuccess ? Redirect($"/problems/{id}?done=RequestExtension") : await RefusedAsync(id, result.Error!, ct);
    }

    private async Task<IActionResult> StepAsync<T>(Guid id, string trigger, IAppCommand<T> command, CancellationToken ct)
    {
        var result = await sender.Send(command, ct);
        if (result.IsSuccess)
        {
            return Redirect($"/problems/{id}?done={trigger}");
        }

        return await RefusedAsync(id, result.Error!, ct);
    }

    private async Task<IActionResult> RefusedAsync(Guid id, Error error, CancellationToken ct)
    {
        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Refusal = ModelState.Show(error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> RefuseAsync(Guid id, string field, string message, CancellationToken ct)
    {
        ModelState.AddModelError(field, message);
        Refusal = message;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await sender.Send(new GetProblem(id), ct);
        if (!detail.IsSuccess)
        {
            return false;
        }

        var history = await sender.Send(new GetAuditTrail(TargetKind.Problem, id), ct);
        Detail = detail.Value;
        History = history.IsSuccess ? history.Value : [];
        var extensions = await sender.Send(new ListExtensions(CaseId: id), ct);
        Extensions = extensions.IsSuccess ? extensions.Value : [];
        await LoadPushFormAsync(id, ct);
        return true;
    }
}
