using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Application.Plans;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Inspections;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Severity = Rectification.Domain.Problems.Severity;

namespace Rectification.Application.CommonProblems;

/// <summary>Self-check tasks pushed to units in the user's scope.</summary>
public sealed record ListSelfChecks(string? State = null) : IAppQuery<IReadOnlyList<SelfCheckDto>>;

public sealed class ListSelfChecksValidator : AbstractValidator<ListSelfChecks>
{
    public ListSelfChecksValidator() =>
        RuleFor(q => q.State).Must(s => s is null || SelfCheckStates.All.Contains(s)).WithMessage($"State is one of {string.Join(", ", SelfCheckStates.All)}.");
}

public sealed class ListSelfChecksHandler(IAppDbContext db, ICurrentUser user, ScopeResolver scopes, TimeProvider clock)
    : IQueryHandler<ListSelfChecks, Result<IReadOnlyList<SelfCheckDto>>>
{
    public async ValueTask<Result<IReadOnlyList<SelfCheckDto>>> Handle(ListSelfChecks query, CancellationToken ct)
    {
        var inScope = scopes.UnitsInScope(user);
        var tasks = db.SelfCheckTasks.AsNoTracking().Where(t => inScope.Contains(t.UnitId));
        if (query.State is { } state) tasks = tasks.Where(t => t.State == state);
        var rows = await tasks.OrderBy(t => t.DueDate).ThenBy(t => t.Id).Take(1000)
            .Join(db.CommonProblemPushes.AsNoTracking(), t => t.PushId, p => p.Id, (t, p) => new { t, p })
            .ToListAsync(ct);
        var today = OfficeTime.Today(clock);
        var pushUnits = rows.Select(r => r.p.UnitId).Distinct().ToList();
        var seen = (await inScope.Where(id => pushUnits.Contains(id)).ToListAsync(ct)).ToHashSet();
        return rows.Select(r => SelfCheckDto.From(r.t, r.p, today) with { PushId = seen.Contains(r.p.UnitId) ? r.p.Id : null }).ToList();
    }
}
