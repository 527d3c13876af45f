using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Application.Plans;

/// <summary>
/// A ledger line's deadline lies between the feedback and the longest deadline the problem lifecycle allows for its kind; a reopened
/// problem's new deadline, between the reopening and the same longest deadline counted from it.
/// </summary>
internal static class LedgerLimits
{
    public static Error? Check(Problem problem, RectificationKind kind, DateOnly deadline, ILifecycleCatalog catalog, WorkingCalendar calendar, DateTime utcNow) =>
        Check(problem, kind, deadline, OfficeTime.DayOf(problem.FedBackAt ?? utcNow), "Deadline", catalog, calendar);

    /// <summary>The reopening's new deadline, for a problem whose ledger line gave it a kind (one without a kind has no limit to keep).</summary>
    public static Error? CheckReopening(Problem problem, DateOnly newDeadline, ILifecycleCatalog catalog, WorkingCalendar calendar, DateTime utcNow) =>
        problem.Kind is { } kind ? Check(problem, kind, newDeadline, OfficeTime.DayOf(utcNow), "NewDeadline", catalog, calendar) : null;

    private static Error? Check(Problem problem, RectificationKind kind, DateOnly deadline, DateOnly fedBack, string field, ILifecycleCatalog catalog, WorkingCalendar calendar)
    {
        var latest = calendar.Add(fedBack, catalog.Get(Problem.Lifecycle, problem.DefinitionVersion).Duration(kind.ToString()));
        if (deadline >= fedBack && deadline <= latest)
        {
            return null;
        }

        // A field error on the deadline (400), like the validator's, so the client shows it beside the field it sent; the code
        // and the range stay in the answer because only the problem's feedback date and the kind's limit explain it.
        var args = new Dictionary<string, object?>
        {
            ["problem"] = problem.Code, ["kind"] = Term.Of(kind), ["earliest"] = fedBack, ["latest"] = latest, ["deadline"] = deadline,
        };
        return new Error(ErrorKind.Validation, "ledger.deadline-out-of-limits", args)
        {
            FieldErrors = new Dictionary<string, string[]>
            {
                [field] = [$"A {kind} line's deadline lies between {fedBack:yyyy-MM-dd} and {latest:yyyy-MM-dd}."],
            },
        };
    }
}
