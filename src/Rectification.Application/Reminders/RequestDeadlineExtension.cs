using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles.Kinds;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Reminders;

/// <summary>The unit asks for a later deadline on a running problem, plan or clue sheet, saying why.</summary>
[AllowedRoles(Role.UnitLiaison, Role.UnitLeader, Role.DisciplineCommission)]
public sealed record RequestDeadlineExtension(TargetKind Kind, Guid CaseId, DateOnly NewDeadline, string Reason) : IAppCommand<ExtensionDto>, IScoped
{
    public ScopeTarget Target => new(Kind, CaseId);
}

public sealed class RequestDeadlineExtensionValidator : AbstractValidator<RequestDeadlineExtension>
{
    public RequestDeadlineExtensionValidator()
    {
        RuleFor(c => c.Kind).Must(k => CaseSources.Find(k)?.HasDeadline == true).WithMessage("Only a problem, a plan or a clue has a deadline.");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.NewDeadline).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
    }
}

public sealed class RequestDeadlineExtensionHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IReminderCatalog reminders)
    : ICommandHandler<RequestDeadlineExtension, Result<ExtensionDto>>
{
    public async ValueTask<Result<ExtensionDto>> Handle(RequestDeadlineExtension command, CancellationToken ct)
    {
        var running = await CaseDeadlines.FindAsync(db, reminders.Settings, command.Kind, command.CaseId, ct);
        if (running is null)
        {
            return Error.Rule("extension.case-not-running", ("kind", command.Kind.ToString()));
        }

        if (command.NewDeadline <= running.Deadline)
        {
            return Error.Rule("extension.not-later", ("current", running.Deadline), ("requested", command.NewDeadline));
        }

        if (await db.Extensions.AnyAsync(e => e.CaseId == command.CaseId && e.Status == ExtensionStatus.Requested, ct))
        {
            return Error.Conflict("extension.already-requested");
        }

        var extension = DeadlineExtension.Request(running.Lifecycle, command.CaseId, running.UnitId, running.Deadline, command.NewDeadline, command.Reason,
            user.UserId ?? Guid.Empty, clock.GetUtcNow().UtcDateTime);
        db.Extensions.Add(extension);
        return ExtensionDto.From(extension);
    }
}
