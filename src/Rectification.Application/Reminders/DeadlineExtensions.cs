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

public sealed record ExtensionDto(Guid Id, string Lifecycle, Guid CaseId, DateOnly OldDeadline, DateOnly NewDeadline, string Reason, ExtensionStatus Status,
    DateTime RequestedAt, Guid RequestedBy, Guid? DecidedBy, DateTime? DecidedAt, string? DecisionComment)
{
    public static ExtensionDto From(DeadlineExtension e) => new(e.Id, e.Lifecycle, e.CaseId, e.OldDeadline, e.NewDeadline, e.Reason, e.Status,
        e.RequestedAt, e.RequestedBy, e.DecidedBy, e.DecidedAt, e.DecisionComment);
}

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

/// <summary>The supervising side approves or rejects; an approval moves the deadline and restarts the ladder from it.</summary>
[AllowedRoles(Role.InspectionOffice, Role.DisciplineCommission)]
public sealed record DecideDeadlineExtension(Guid ExtensionId, bool Approve, string? Comment) : IAppCommand<ExtensionDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Extension, ExtensionId);
}

public sealed class DecideDeadlineExtensionValidator : AbstractValidator<DecideDeadlineExtension>
{
    public DecideDeadlineExtensionValidator() => RuleFor(c => c.Comment).MaximumLength(4000);
}

public sealed class DecideDeadlineExtensionHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILifecycleCatalog catalog)
    : ICommandHandler<DecideDeadlineExtension, Result<ExtensionDto>>
{
    public async ValueTask<Result<ExtensionDto>> Handle(DecideDeadlineExtension command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var extension = await db.Extensions.FirstAsync(e => e.Id == command.ExtensionId, ct);
        if (extension.Decide(command.Approve, user.UserId ?? Guid.Empty, user.Role, command.Comment, now) is { } refusal)
        {
            return refusal;
        }

        if (command.Approve)
        {
            await CaseSources.Of(extension.Lifecycle).ExtendAsync(db, catalog, extension.CaseId, extension.NewDeadline, now, ct);
        }

        return ExtensionDto.From(extension);
    }
}

public sealed record ListExtensions(ExtensionStatus? Status = null) : IAppQuery<IReadOnlyList<ExtensionDto>>;

public sealed class ListExtensionsHandler(IAppDbContext db, Visibility.ReadPolicy visibility) : IQueryHandler<ListExtensions, Result<IReadOnlyList<ExtensionDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ExtensionDto>>> Handle(ListExtensions query, CancellationToken ct)
    {
        var inScope = visibility.UnitsInScope;
        var hidden = visibility.HiddenKinds;
        var extensions = db.Extensions.AsNoTracking().Where(e => inScope.Contains(e.UnitId) && !hidden.Contains(e.Lifecycle));
        if (query.Status is { } status) extensions = extensions.Where(e => e.Status == status);
        var rows = await extensions.OrderByDescending(e => e.RequestedAt).Take(1000).ToListAsync(ct);
        return rows.Select(ExtensionDto.From).ToList();
    }
}

/// <summary>The deadline of a case that is still being chased, per the ladders' active states.</summary>
internal static class CaseDeadlines
{
    public static async Task<RunningDeadline?> FindAsync(IAppDbContext db, ReminderSettings settings, TargetKind kind, Guid id, CancellationToken ct)
    {
        var source = CaseSources.Of(kind);
        var states = settings.For(source.Lifecycle)?.ActiveStates.ToArray() ?? [];
        return await source.Running(db, states, id).FirstOrDefaultAsync(ct);
    }
}
