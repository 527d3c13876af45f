using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;

namespace Rectification.Application.Dashboards;

/// <summary>
/// A unit's next deadlines: the problems being chased whose date (the deadline, or a long-term problem's next report) is today or
/// later, soonest first, at most <paramref name="Count"/>. The overdue ones are the ledger's overdue filter.
/// </summary>
public sealed record ListNextDeadlines(int Count = 10) : IAppQuery<IReadOnlyList<ProblemSummary>>;

public sealed class ListNextDeadlinesValidator : AbstractValidator<ListNextDeadlines>
{
    public ListNextDeadlinesValidator() => RuleFor(q => q.Count).InclusiveBetween(1, 100);
}

public sealed class ListNextDeadlinesHandler(IAppDbContext db, Visibility.ReadPolicy visibility, Deadlines deadlines)
    : IQueryHandler<ListNextDeadlines, Result<IReadOnlyList<ProblemSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<ProblemSummary>>> Handle(ListNextDeadlines query, CancellationToken ct)
    {
        var today = deadlines.Today;
        var rows = await visibility.Problems().AsNoTracking()
            .Where(p => p.State != ProblemStates.Closed && p.State != ProblemStates.Registered && (p.ReminderDue ?? p.Deadline) >= today)
            .OrderBy(p => p.ReminderDue ?? p.Deadline).ThenBy(p => p.Code)
            .Take(query.Count)
            .WithEscalationStep(db)
            .ToListAsync(ct);
        return rows.Select(r => ProblemSummary.From(r.Problem, deadlines, r.Step)).ToList();
    }
}
