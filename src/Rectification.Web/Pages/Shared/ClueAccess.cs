using Rectification.Application.Abstractions;
using Rectification.Domain.Clues;
using Rectification.Domain.Organization;

namespace Rectification.Web.Pages.Shared;

/// <summary>
/// Whether a role may open the clue pages at all, by workflows/visibility.yaml (the same rules the read policy applies to the
/// queries): a role that may not see sheets gets no menu link and a 404 at the board, as if the pages did not exist.
/// </summary>
public static class ClueAccess
{
    public static bool SeesSheets(IVisibilityCatalog visibility, Role role) => visibility.Rules.Sees(role, Clue.Lifecycle);
}
