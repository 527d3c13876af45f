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

/// <summary>The unit fills in one problem's ledger line: measures, responsible leader and department, kind, deadline.</summary>
public sealed record EditLedgerLine(Guid PlanId, Guid ProblemId, string Measures, string ResponsibleLeader, string ResponsibleDepartment,
    RectificationKind Kind, DateOnly Deadline, long? ExpectedVersion = null) : PlanCommand(PlanId, ExpectedVersion)
{
    public override string Trigger => PlanTriggers.EditLine;
}

public sealed class EditLedgerLineValidator : AbstractValidator<EditLedgerLine>
{
    public EditLedgerLineValidator()
    {
        RuleFor(c => c.ProblemId).NotEmpty();
        RuleFor(c => c.Measures).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.ResponsibleLeader).NotEmpty().MaximumLength(100);
        RuleFor(c => c.ResponsibleDepartment).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Deadline).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
    }
}

public sealed class EditLedgerLineHandler(LifecycleCommandServices services, IAppDbContext db, ILifecycleCatalog catalog, WorkingCalendar calendar)
    : PlanCommandHandler<EditLedgerLine>(services)
{
    protected override async ValueTask<Result<PlanDto>> Fire(EditLedgerLine command, LifecycleStep<Plan> step, CancellationToken ct)
    {
        var problem = await db.Problems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.ProblemId && p.InspectionId == step.Case.InspectionId, ct);
        if (problem is null)
        {
            return Error.NotFound("Problem", command.ProblemId);
        }

        if (LedgerLimits.Check(problem, command.Kind, command.Deadline, catalog, calendar, step.Now) is { } outOfLimits)
        {
            return outOfLimits;
        }

        var entry = new LedgerEntry(command.Measures, command.ResponsibleLeader, command.ResponsibleDepartment, command.Kind, command.Deadline);
        return Done(step, step.Case.EditLine(step.Machine, User.Role, command.ProblemId, entry));
    }
}
