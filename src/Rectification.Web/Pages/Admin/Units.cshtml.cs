using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Organization;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Web.Pages.Admin;

/// <summary>
/// 单位管理: the unit tree of the administrator's scope, a unit created under a parent, and the chosen unit renamed, moved under
/// another parent or deactivated (after a confirmation), each through the API's own command; a refusal is shown at its field.
/// </summary>
public sealed class UnitsModel(ISender sender, ICurrentUser user) : PageModel
{
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public ILookup<Guid?, UnitDto> Children { get; private set; } = Array.Empty<UnitDto>().ToLookup(u => u.ParentId);
    public IReadOnlyList<UnitDto> Roots { get; private set; } = [];
    public int RootDepth { get; private set; }
    public string? Refusal { get; private set; }
    public CreateForm Form { get; private set; } = new(null, null, null, UnitLevel.Bureau);

    [BindProperty(SupportsGet = true, Name = "unit")] public Guid? Selected { get; set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    [BindProperty(SupportsGet = true, Name = "confirm")] public bool Confirm { get; set; }

    public UnitDto? Unit => Selected is { } id ? Units.FirstOrDefault(u => u.Id == id) : null;

    /// <summary>Where the chosen unit may go: an active unit outside its own branch, other than its present parent.</summary>
    public IEnumerable<UnitDto> MoveTargets => Unit is { } unit
        ? Units.Where(u => u.Active && !u.Path.StartsWith(unit.Path, StringComparison.Ordinal) && u.Id != unit.ParentId)
        : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (user.Role != Role.Administrator)
        {
            // The unit list is everybody's reading; its administration is the administrator's (the commands' own role).
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(Guid? parentId, string? code, string? name, UnitLevel? level, CancellationToken ct)
    {
        Form = new CreateForm(parentId, code, name, level ?? UnitLevel.Bureau);
        if (parentId is null) ModelState.AddModelError("parentId", UiText.T("field-required"));
        var result = await sender.Send(new CreateUnit(parentId ?? Guid.Empty, code ?? "", name ?? "", level ?? UnitLevel.Bureau), ct);
        if (result.IsSuccess && ModelState.IsValid)
        {
            return Redirect($"/admin/units?unit={result.Value.Id}&done=CreateUnit");
        }

        return await RefusedAsync(result.Error, "create-", ct);
    }

    public Task<IActionResult> OnPostRenameAsync(Guid unitId, string? name, CancellationToken ct) =>
        StepAsync(unitId, "Rename", "rename-", new RenameUnit(unitId, name ?? ""), ct);

    public Task<IActionResult> OnPostMoveAsync(Guid unitId, Guid? parentId, CancellationToken ct)
    {
        if (parentId is null) ModelState.AddModelError("move-parentId", UiText.T("field-required"));
        return StepAsync(unitId, "Move", "move-", new MoveUnit(unitId, parentId ?? Guid.Empty), ct);
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid unitId, CancellationToken ct) =>
        StepAsync(unitId, "Deactivate", "deactivate-", new DeactivateUnit(unitId), ct);

    private async Task<IActionResult> StepAsync(Guid unitId, string done, string prefix, IAppCommand<UnitDto> command, CancellationToken ct)
    {
        Selected = unitId;
        var result = await sender.Send(command, ct);
        return result.IsSuccess && ModelState.IsValid ? Redirect($"/admin/units?unit={unitId}&done={done}") : await RefusedAsync(result.Error, prefix, ct);
    }

    private async Task<IActionResult> RefusedAsync(Error? error, string prefix, CancellationToken ct)
    {
        if (error?.Kind == ErrorKind.Forbidden)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (error is not null)
        {
            AdminFields.Add(ModelState, error, prefix);
        }

        Refusal = error is null || error.Code == "validation.failed" ? UiText.T("admin-fix-fields") : Messages.Format(error, System.Globalization.CultureInfo.CurrentUICulture);
        Done = null;
        Confirm = false;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var units = await sender.Send(new ListUnits(), ct);
        Units = units.IsSuccess ? units.Value : [];
        var ids = Units.Select(u => u.Id).ToHashSet();
        Children = Units.ToLookup(u => u.ParentId);
        // The top of the administrator's scope: units whose parent lies outside what they may see.
        Roots = Units.Where(u => u.ParentId is not { } p || !ids.Contains(p)).ToList();
        RootDepth = Units.Count == 0 ? 0 : Units.Min(UnitLabels.Depth);
    }

    public sealed record CreateForm(Guid? ParentId, string? Code, string? Name, UnitLevel Level);
}
