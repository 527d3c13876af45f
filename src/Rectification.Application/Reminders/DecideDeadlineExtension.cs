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
