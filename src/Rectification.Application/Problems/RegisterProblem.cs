using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;
using Rectification.Application.Reminders;
using Severity = Rectification.Domain.Problems.Severity;

namespace Rectification.Application.Problems;

/// <summary>
/// An inspection group records a problem with its dossier. It may be raised during the inspection
/// (边巡边改) and fed back on its own at once.
/// </summary>
[AllowedRoles(Role.InspectionOffice, Role.InspectionGroup)]
public sealed record RegisterProblem(
    Guid InspectionId, string Title, string Description, string Category, Severity Severity,
    string Facts, string Basis, string ProcessRecord, bool RaisedDuringInspection = false, string? Code = null)
    : IAppCommand<ProblemSummary>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Inspection, InspectionId);
}

public sealed class RegisterProblemValidator : AbstractValidator<RegisterProblem>
{
    public RegisterProblemValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.Category).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Severity).IsInEnum();
        RuleFor(c => c.Facts).NotEmpty().MaximumLength(20_000);
        RuleFor(c => c.Basis).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.ProcessRecord).MaximumLength(20_000);
        RuleFor(c => c.Code).MaximumLength(40).Matches("^[A-Za-z0-9-]+$").When(c => c.Code is not null);
    }
}

public sealed class RegisterProblemHandler(IAppDbContext db, ILifecycleCatalog catalog, TimeProvider clock, Deadlines deadlines)
    : ICommandHandler<RegisterProblem, Result<ProblemSummary>>
{
    public async ValueTask<Result<ProblemSummary>> Handle(RegisterProblem command, CancellationToken ct)
    {
        var inspection = await db.Inspections.FirstAsync(i => i.Id == command.InspectionId, ct);
        var count = await db.Problems.CountAsync(p => p.InspectionId == inspection.Id, ct);
        var unitCode = await db.Units.Where(u => u.Id == inspection.UnitId).Select(u => u.Code).FirstAsync(ct);
        var code = command.Code ?? $"{unitCode}-{inspection.StartDate.Year}-{count + 1:000}";
        if (await db.Problems.AnyAsync(p => p.InspectionId == inspection.Id && p.Code == code, ct))
        {
            return Error.Conflict("problem.code-taken", ("code", code));
        }

        var problem = Problem.Register(catalog.Current(Problem.Lifecycle), Guid.CreateVersion7(), inspection.Id, inspection.UnitId, code,
            command.Title, command.Description, command.Category, command.Severity,
            new Dossier(command.Facts, command.Basis, command.ProcessRecord), command.RaisedDuringInspection, clock.GetUtcNow().UtcDateTime);
        db.Problems.Add(problem);
        return ProblemSummary.From(problem, deadlines);
    }
}

/// <summary>A ledger row: the problem with its traffic light (亮灯), days overdue and the escalation step reached.</summary>
public sealed record ProblemSummary(Guid Id, Guid InspectionId, Guid UnitId, string Code, string Title, string Category, Severity Severity,
    string State, RectificationKind? Kind, DateOnly? Deadline, DateOnly? ReminderDue, TrafficLight Light, int DaysOverdue, string? EscalationStep,
    int ReopenCount, long Version)
{
    public static ProblemSummary From(Problem p, Deadlines deadlines, string? escalationStep = null)
    {
        return new(p.Id, p.InspectionId, p.UnitId, p.Code, p.Title, p.Category, p.Severity, p.State, p.Kind, p.Deadline, p.ReminderDue,
            ProblemLight.Of(p, deadlines.Today, deadlines.YellowWithinDays), ProblemLight.DaysOverdue(p, deadlines.Today), escalationStep, p.ReopenCount, p.Version);
    }
}
