using Rectification.Application.Abstractions;
using Rectification.Application.Reminders;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Problems;

/// <summary>The ledger's filters and order, shared by the page (<see cref="ListLedger"/>) and the Excel export (<see cref="ExportLedger"/>), so a sheet holds exactly the rows the page lists.</summary>
public interface ILedgerFilter
{
    Guid? UnitId { get; }
    Guid? InspectionId { get; }
    Guid? RoundId { get; }
    string? State { get; }
    TrafficLight? Light { get; }
    RectificationKind? Kind { get; }
    string? Department { get; }
    bool? Overdue { get; }
    string? Text { get; }
    LedgerSort Sort { get; }
    bool Descending { get; }
    bool OpenFirst { get; }

    /// <summary>Problems of units of this level (a dashboard's completion by level).</summary>
    Domain.Organization.UnitLevel? Level { get; }

    /// <summary>Problems at this rung of the escalation ladder; <c>none</c> for overdue ones the ladder has not reached yet.</summary>
    string? Step { get; }

    bool? Reopened { get; }
}

public static class LedgerFilter
{
    /// <summary>The problems of <paramref name="problems"/> (already limited by the read policy) that pass the filters.</summary>
    public static IQueryable<Problem> Apply(IQueryable<Problem> problems, ILedgerFilter query, IAppDbContext db, Deadlines deadlines)
    {
        var today = deadlines.Today;
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

        return problems;
    }

    /// <summary>Open problems first unless asked otherwise, then the chosen sort, then code and id so that the order is total.</summary>
    public static IOrderedQueryable<Problem> Order(IQueryable<Problem> problems, ILedgerFilter query)
    {
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
        return ordered.ThenBy(p => p.Code).ThenBy(p => p.Id);
    }
}
