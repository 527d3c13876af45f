using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Problems;

public enum LedgerSort { Code, Deadline, Severity, State }

/// <summary>A row of the ledger page: the problem with its light, the names a reader needs and its ledger line's columns.</summary>
public sealed record LedgerRow(ProblemSummary Problem, string UnitName, string? Measures, string? ResponsibleLeader, string? ResponsibleDepartment);

/// <summary>
/// The ledger (台账) as its readers filter it: by unit, inspection, round, state, light, kind, responsible department, overdue and
/// text (code or title), sorted, paged; open problems before closed ones unless asked otherwise. Same scope as <see cref="ListProblems"/>.
/// The dashboard's bars open it with the filters they count by: the level of the unit, the escalation step the problem stands at
/// (<see cref="EscalationSteps.None"/> for none yet), and whether a look-back reopened it.
/// </summary>
public sealed record ListLedger(
    Guid? UnitId = null, Guid? InspectionId = null, Guid? RoundId = null, string? State = null, TrafficLight? Light = null, RectificationKind? Kind = null,
    string? Department = null, bool? Overdue = null, string? Text = null, LedgerSort Sort = LedgerSort.Code, bool Descending = false, bool OpenFirst = true,
    int PageNumber = 1, int PageSize = 50, UnitLevel? Level = null, string? Step = null, bool? Reopened = null) : IAppQuery<Page<LedgerRow>>, ILedgerFilter;

public sealed class ListLedgerValidator : AbstractValidator<ListLedger>
{
    public ListLedgerValidator()
    {
        RuleFor(q => q.PageNumber).GreaterThanOrEqualTo(1).LessThanOrEqualTo(1_000_000);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500);
        RuleFor(q => q.State).MaximumLength(50);
        RuleFor(q => q.Department).MaximumLength(200);
        RuleFor(q => q.Text).MaximumLength(200);
        RuleFor(q => q.Step).MaximumLength(100);
        RuleFor(q => q.Level).IsInEnum();
        RuleFor(q => q.Light).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
    }
}

public sealed class ListLedgerHandler(IAppDbContext db, Visibility.ReadPolicy visibility, Deadlines deadlines)
    : IQueryHandler<ListLedger, Result<Page<LedgerRow>>>
{
    public async ValueTask<Result<Page<LedgerRow>>> Handle(ListLedger query, CancellationToken ct)
    {
        var problems = LedgerFilter.Apply(visibility.Problems().AsNoTracking(), query, db, deadlines);
        var total = await problems.CountAsync(ct);
        var ordered = LedgerFilter.Order(problems, query);
        var rows = await ordered
            .Skip((query.PageNumber - 1) * query.PageSize).Take(query.PageSize)
            .WithEscalationStep(db)
            .Select(r => new
            {
                r.Problem,
                r.Step,
                UnitName = db.Units.Where(u => u.Id == r.Problem.UnitId).Select(u => u.Name).FirstOrDefault(),
                Line = db.Plans.SelectMany(plan => plan.Lines).Where(l => l.ProblemId == r.Problem.Id)
                    .Select(l => new { l.Measures, l.ResponsibleLeader, l.ResponsibleDepartment }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new Page<LedgerRow>(
            rows.Select(r => new LedgerRow(ProblemSummary.From(r.Problem, deadlines, r.Step), r.UnitName ?? "", r.Line?.Measures, r.Line?.ResponsibleLeader,
                r.Line?.ResponsibleDepartment)).ToList(),
            total, query.PageNumber, query.PageSize);
    }
}
