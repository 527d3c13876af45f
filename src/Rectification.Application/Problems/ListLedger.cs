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
    int PageNumber = 1, int PageSize = 50, UnitLevel? Level = null, string? Step = null, bool? Reopened = null) : IAppQuery<Page<LedgerRow>>;

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
        var today = deadlines.Today;
        var problems = visibility.Problems().AsNoTracking();
        if (query.UnitId is { } unit) problems = problems.Where(p => p.UnitId == unit);
        if (query.InspectionId is { } inspection) problems = problems.Where(p => p.InspectionId == inspection);
        if (query.RoundId is { } round) problems = problems.Where(p => db.Inspections.Any(i => i.Id == p.InspectionId && i.RoundId == round));
        if (query.State is { Length: > 0 } state) problems = problems.Where(p => p.State == state);
        if (query.Kind is { } kind) problems = problems.Where(p => p.Kind == kind);
        if (query.Overdue == true) problems = problems.Where(Domain.Problems.Overdue.On(today));
        if (query.Level is { } level) problems = problems.Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Level == level));
        if (query.Step is { Length: > 0 } step) problems = problems.AtEscalationStep(db, step);
        if (query.Reopened is { } reopened) problems = reopened ? problems.Where(p => p.ReopenCount > 0) : problems.Where(p => p.ReopenCount == 0);
        if (query.Text?.Trim() is { Length: > 0 } text) problems = problems.Where(p => p.Title.Contains(text) || p.Code.Contains(text));
        if (query.Department?.Trim() is { Length: > 0 } department)
        {
            problems = problems.Where(p => db.Plans.SelectMany(plan => plan.Lines).Any(l => l.ProblemId == p.Id && l.ResponsibleDepartment.Contains(department)));
        }

        if (query.Light is { } light)
        {
            problems = problems.Where(ProblemLight.Is(light, today, deadlines.YellowWithinDays));
        }

        var total = await problems.CountAsync(ct);
        var ordered = query.OpenFirst ? problems.OrderBy(p => p.State == ProblemStates.Closed ? 1 : 0) : problems.OrderBy(p => 0);
        ordered = (query.Sort, query.Descending) switch
        {
            (LedgerSort.Deadline, false) => ordered.ThenBy(p => (p.ReminderDue ?? p.Deadline) == null).ThenBy(p => p.ReminderDue ?? p.Deadline),
            (LedgerSort.Deadline, true) => ordered.ThenBy(p => (p.ReminderDue ?? p.Deadline) == null).ThenByDescending(p => p.ReminderDue ?? p.Deadline),
            (LedgerSort.Severity, false) => ordered.ThenBy(p => p.Severity),
            (LedgerSort.Severity, true) => ordered.ThenByDescending(p => p.Severity),
            (LedgerSort.State, false) => ordered.ThenBy(p => p.State),
            (LedgerSort.State, true) => ordered.ThenByDescending(p => p.State),
            (_, true) => ordered.ThenByDescending(p => p.Code),
            _ => ordered.ThenBy(p => p.Code),
        };

        var rows = await ordered.ThenBy(p => p.Code).ThenBy(p => p.Id)
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
