using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Evaluations;
using Rectification.Application.Inspections;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Organization;
using Rectification.Domain.Common;

using Rectification.Web.Pages.Shared;

namespace Rectification.Web.Pages;

/// <summary>
/// 整改效果评价 of one inspection: every source of workflows/evaluation.yaml with its weight, who scores it and the score that
/// counts; a form for the sources the user's role scores, sending the API's own <see cref="RecordEvaluationScore"/>; the
/// composite and grade once every source has scored.
/// </summary>
public sealed class EvaluationModel(ISender sender, ICurrentUser user) : PageModel
{
    public EvaluationDto? Evaluation { get; private set; }
    public string UnitName { get; private set; } = "";
    public string RoundName { get; private set; } = "";
    public string GroupName { get; private set; } = "";
    public string? Refusal { get; private set; }

    /// <summary>The source whose form was refused, so that the messages stand at its fields and what was typed is kept.</summary>
    public string? RefusedSource { get; private set; }
    public string TypedScore { get; private set; } = "";
    public string TypedComment { get; private set; } = "";

    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    public bool MayScore(EvaluationSourceDto source) => source.By.Contains(user.Role);

    /// <summary>Roles that read the overview; the others are not sent to a page that would refuse them.</summary>
    public bool SeesOverview => EvaluationsModel.Readers.Contains(user.Role);

    public int ScoredCount => Evaluation?.Sources.Count(s => s.Score is not null) ?? 0;

    public static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal weight) => (weight * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScoreAsync(Guid id, string? source, string? score, string? comment, CancellationToken ct)
    {
        RefusedSource = source ?? "";
        TypedScore = score ?? "";
        TypedComment = comment ?? "";
        if (!decimal.TryParse(score?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            // Nothing to send: the command takes a number, and an empty or garbled one is the user's slip, not a rule.
            ModelState.AddModelError("score", UiText.T(string.IsNullOrWhiteSpace(score) ? "field-required" : "eval-score-not-number"));
            Refusal = UiText.T("eval-score-not-number");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var result = await sender.Send(new RecordEvaluationScore(id, source ?? "", value, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()), ct);
        if (result.IsSuccess)
        {
            return Redirect($"/inspections/{id}/evaluation?done=Score");
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
        var inspection = await sender.Send(new GetInspection(id), ct);
        var evaluation = inspection.IsSuccess ? await sender.Send(new GetEvaluation(id), ct) : null;
        if (evaluation is not { IsSuccess: true })
        {
            return false;
        }

        Evaluation = evaluation.Value;
        GroupName = inspection.Value.GroupName;
        var units = await sender.Send(new ListUnits(), ct);
        UnitName = units.IsSuccess ? units.Value.FirstOrDefault(u => u.Id == inspection.Value.UnitId)?.Name ?? "" : "";
        var rounds = await sender.Send(new ListRounds(), ct);
        RoundName = rounds.IsSuccess ? rounds.Value.FirstOrDefault(r => r.Id == inspection.Value.RoundId)?.Name ?? "" : "";
        return true;
    }
}
