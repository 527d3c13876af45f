using Mediator;
using Microsoft.AspNetCore.Mvc;
using Rectification.Application.Abstractions;
using Rectification.Application.CommonProblems;
using Rectification.Application.Organization;
using Rectification.Domain.Organization;

namespace Rectification.Web.Pages;

/// <summary>What the push form asked for, kept when the push is refused.</summary>
public sealed record PushCommonInput(string Mode, IReadOnlyList<Guid> UnitIds, Guid? UnderUnitId, UnitLevel? Level, string Note)
{
    public const string List = "list";
    public const string Below = "below";
    public static readonly PushCommonInput Empty = new(List, [], null, null, "");
}

/// <summary>
/// 未巡先改 on the problem page: the inspection side pushes the problem to units as self-check tasks with the API's own command.
/// Kept apart from the page's lifecycle steps because it is not a step of the problem.
/// </summary>
public sealed partial class ProblemModel
{
    public PushCommonInput PushInput { get; private set; } = PushCommonInput.Empty;

    /// <summary>The units the pusher may name: those of their scope but the problem's own, in tree order.</summary>
    public IReadOnlyList<UnitDto> PushUnits { get; private set; } = [];

    /// <summary>The push already made of this problem: a problem is pushed once, so the page links to it.</summary>
    public Guid? PushId { get; private set; }

    public bool MayPush { get; private set; }

    // The primary constructor's services are not in scope in this part of the class.
    private ISender PushSender => HttpContext.RequestServices.GetRequiredService<ISender>();

    public async Task<IActionResult> OnPostPushCommonAsync(Guid id, string? mode, List<Guid>? unitIds, Guid? underUnitId, UnitLevel? level, string? note,
        CancellationToken ct)
    {
        var below = mode == PushCommonInput.Below;
        PushInput = new PushCommonInput(below ? PushCommonInput.Below : PushCommonInput.List, unitIds ?? [], underUnitId, level, note ?? "");
        // An empty list means "everything below me" to the command; on this form it is a list left empty by mistake.
        if (!below && PushInput.UnitIds.Count == 0)
        {
            return await RefuseAsync(id, "unitIds", UiText.T("cp-units-required"), ct);
        }

        var command = below
            ? new PushCommonProblem(id, null, underUnitId, level, NoteOrNull(note))
            : new PushCommonProblem(id, PushInput.UnitIds, null, null, NoteOrNull(note));
        var result = await PushSender.Send(command, ct);
        if (result.IsSuccess)
        {
            return Redirect($"/common-problems/{result.Value.Id}?done=pushed");
        }

        // "No unit in the selection" belongs to the choice of units.
        if (result.Error!.Code == "common-problem.no-units")
        {
            ModelState.AddModelError(below ? "underUnitId" : "unitIds", Application.Localization.Messages.Format(result.Error, System.Globalization.CultureInfo.CurrentUICulture));
        }

        return await RefusedAsync(id, result.Error, ct);
    }

    private static string? NoteOrNull(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private async Task LoadPushFormAsync(Guid id, CancellationToken ct)
    {
        var role = HttpContext.RequestServices.GetRequiredService<ICurrentUser>().Role;
        if (role is not (Role.InspectionOffice or Role.InspectionGroup))
        {
            return;
        }

        var push = await PushSender.Send(new FindCommonProblemPush(id), ct);
        PushId = push.IsSuccess ? push.Value : null;
        MayPush = PushId is null;
        if (MayPush)
        {
            var units = await PushSender.Send(new ListUnits(), ct);
            PushUnits = units.IsSuccess ? [.. units.Value.Where(u => u.Active && u.Id != Detail!.Summary.UnitId)] : [];
        }
    }
}
