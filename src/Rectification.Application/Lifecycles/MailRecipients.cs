using Rectification.Domain.Organization;
using Rectification.Domain.Visibility;

namespace Rectification.Application.Lifecycles;

/// <summary>The one rule of who receives a mail about a case, whether the holders were queried or preloaded.</summary>
public static class MailRecipients
{
    /// <summary>
    /// The holders who may see this kind of object, each replaced by their deputy of the day, except a deputy who may not see
    /// it (a clue sheet is not forwarded to a unit's liaison standing in): the holder keeps it then. Nobody receives it twice.
    /// </summary>
    public static IReadOnlyList<UserAccount> Choose(IEnumerable<UserAccount> holders, Func<Guid, UserAccount?> deputyOf, VisibilityRules rules, string kind) =>
        holders.Where(h => rules.Sees(h.Role, kind))
            .Select(h => deputyOf(h.Id) is { } deputy && rules.Sees(deputy.Role, kind) ? deputy : h)
            .DistinctBy(u => u.Id)
            .ToList();
}
