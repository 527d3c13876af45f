using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Administration;
using Rectification.Application.Localization;
using Rectification.Domain.Auditing;
using Rectification.Infrastructure.Email;

namespace Rectification.Web.Pages.Admin;

/// <summary>
/// 运行维护 for the administrator: the audit chain verified on demand (against a digest kept outside, if one is given) and its
/// head to keep, and the mail queue with the messages that failed past their attempts, requeued here like through the API.
/// </summary>
// The queries refuse anyone else too; the page answers 403 before it runs them, and the requeue is no query.
public sealed class SystemModel(ISender sender, OutboxDispatcher dispatcher, ILogger<SystemModel> log, Application.Abstractions.ICurrentUser user) : PageModel
{
    public AuditChainReport? Report { get; private set; }
    public AuditDigestDto? Head { get; private set; }
    public IReadOnlyList<OutboxMessageDto> Failed { get; private set; } = [];
    public IReadOnlyDictionary<OutboxStatus, int> QueueCounts { get; private set; } = new Dictionary<OutboxStatus, int>();
    public string? Refusal { get; private set; }
    public string? Digest { get; private set; }

    [BindProperty(SupportsGet = true, Name = "requeued")] public int? Requeued { get; set; }

    private bool Administrator => user.Role == Domain.Organization.Role.Administrator;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Administrator)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(string? digest, CancellationToken ct)
    {
        if (!Administrator)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Digest = digest;
        var report = await sender.Send(new VerifyAuditChain(string.IsNullOrWhiteSpace(digest) ? null : digest.Trim()), ct);
        if (report.IsSuccess)
        {
            Report = report.Value;
        }
        else
        {
            foreach (var (field, messages) in report.Error!.FieldErrors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError("digest", message);
                }
            }

            Refusal = Messages.Format(report.Error!, System.Globalization.CultureInfo.CurrentUICulture);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRequeueAsync(CancellationToken ct)
    {
        if (!Administrator)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var requeued = await dispatcher.RetryFailedAsync(ct);
        log.LogInformation("{User} requeued {Count} failed outbox messages", User.Identity?.Name, requeued);
        return Redirect($"/admin/system?requeued={requeued}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var head = await sender.Send(new ExportAuditDigest(), ct);
        Head = head.IsSuccess ? head.Value : null;
        var counts = new Dictionary<OutboxStatus, int>();
        foreach (var status in Enum.GetValues<OutboxStatus>())
        {
            var messages = await sender.Send(new ListOutbox(status, 1000), ct);
            counts[status] = messages.IsSuccess ? messages.Value.Count : 0;
            if (status == OutboxStatus.Failed && messages.IsSuccess)
            {
                Failed = messages.Value;
            }
        }

        QueueCounts = counts;
    }
}
