using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Application.Plans;

public sealed record LineChangeDto(Guid Id, Guid PlanId, Guid ProblemId, LedgerLineSnapshot Before, LedgerLineSnapshot After, IReadOnlyList<string> ChangedFields,
    bool Material, string Reason, LineChangeStatus Status, Guid ProposedBy, DateTime ProposedAt, Guid? DecidedBy, Role? DecidedByRole, DateTime? DecidedAt,
    string? DecisionComment, long Version)
{
    public static LineChangeDto From(LedgerLineChange c) => new(c.Id, c.PlanId, c.ProblemId, c.Before, c.After, c.ChangedFields, c.Material, c.Reason, c.Status,
        c.ProposedBy, c.ProposedAt, c.DecidedBy, c.DecidedByRole, c.DecidedAt, c.DecisionComment, c.Version);
}

internal static class LineChangeInForce
{
    /// <summary>
    /// The line and the problem take the new terms together; the plan is marked changed so that its version moves and a
    /// concurrent edit of the same plan conflicts instead of overwriting.
    /// </summary>
    public static Error? Apply(IAppDbContext db, ILifecycleCatalog catalog, Plan plan, Problem problem, LedgerLineChange change, ICurrentUser user, string comment, DateTime now)
    {
        if (plan.ApplyLineChange(change, user.UserId ?? Guid.Empty, user.Role, comment, now) is { } refusal)
        {
            return refusal;
        }

        if (problem.State != ProblemStates.FedBack)
        {
            problem.Replan(catalog.Get(Problem.Lifecycle, problem.DefinitionVersion), change.After.Kind!.Value, change.After.Deadline!.Value, now);
        }

        db.Entry(plan).State = EntityState.Modified;
        return null;
    }
}
