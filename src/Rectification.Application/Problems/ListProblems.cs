using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Application.Reminders;
using Severity = Rectification.Domain.Problems.Severity;

namespace Rectification.Application.Problems;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

/// <summary>The ledger (台账): problems the user may see (scope, and for a unit only those fed back), filtered, paged, in code order.</summary>
public sealed record ListProblems(Guid? UnitId = null, Guid? InspectionId = null, string? State = null, bool? Overdue = null, int PageNumber = 1, int PageSize = 50)
    : IAppQuery<Page<ProblemSummary>>;

public sealed class ListProblemsValidator : AbstractValidator<ListProblems>
{
    public ListProblemsValidator()
    {
        RuleFor(q => q.PageNumber).GreaterThanOrEqualTo(1).LessThanOrEqualTo(1_000_000);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500);
        RuleFor(q => q.State).MaximumLength(50);
    }
}

public sealed class ListProblemsHandler(IAppDbContext db, Visibility.ReadPolicy visibility, Deadlines deadlines)
    : IQueryHandler<ListProblems, Result<Page<ProblemSummary>>>
{
    public async ValueTask<Result<Page<ProblemSummary>>> Handle(ListProblems query, CancellationToken ct)
    {
        var problems = visibility.Problems().AsNoTracking();
        if (query.UnitId is { } unit) problems = problems.Where(p => p.UnitId == unit);
        if (query.InspectionId is { } inspection) problems = problems.Where(p => p.InspectionId == inspection);
        if (query.State is { } state) problems = problems.Where(p => p.State == state);
        if (query.Overdue is { } overdue)
        {
            var today = deadlines.Today;
            problems = overdue
                ? problems.Where(Overdue.On(today))
                : problems.Where(p => p.State == ProblemStates.Closed || p.State == ProblemStates.Registered || p.ReminderDue == null || p.ReminderDue >= today);
        }

        var total = await problems.CountAsync(ct);
        var rows = await problems.OrderBy(p => p.Code).ThenBy(p => p.Id)
            .Skip((query.PageNumber - 1) * query.PageSize).Take(query.PageSize)
            .WithEscalationStep(db)
            .ToListAsync(ct);
        return new Page<ProblemSummary>(rows.Select(r => ProblemSummary.From(r.Problem, deadlines, r.Step)).ToList(), total, query.PageNumber, query.PageSize);
    }
}
