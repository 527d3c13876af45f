using System.Reflection;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Evaluations;
using Rectification.Application.Inspections;
using Rectification.Application.Messaging;
using Rectification.Domain.Organization;

namespace Rectification.Web.Pages;

/// <summary>The evaluation overview: the inspections in scope per round and unit with their evaluation state, composite and grade (<see cref="ListEvaluations"/>).</summary>
public sealed class EvaluationsModel(ISender sender) : PageModel
{
    /// <summary>The roles <see cref="ListEvaluations"/> answers, for the menu and the links; the query itself decides.</summary>
    public static readonly IReadOnlyList<Role> Readers = typeof(ListEvaluations).GetCustomAttribute<AllowedRolesAttribute>()!.Roles;

    public IReadOnlyList<EvaluationRowDto> Rows { get; private set; } = [];
    public IReadOnlyList<RoundDto> Rounds { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "round")] public Guid? RoundId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await sender.Send(new ListEvaluations(RoundId), ct);
        if (!rows.IsSuccess)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Rows = rows.Value;
        var rounds = await sender.Send(new ListRounds(), ct);
        Rounds = rounds.IsSuccess ? rounds.Value : [];
        return Page();
    }
}
