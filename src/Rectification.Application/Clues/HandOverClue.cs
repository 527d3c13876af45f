using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Clues;

/// <summary>Hands a clue over to the discipline commission on a red, yellow or blue sheet; the colour sets its time limit.</summary>
[AllowedRoles(Role.InspectionOffice, Role.InspectionGroup)]
public sealed record HandOverClue(Guid InspectionId, string Summary, SheetColour Colour, IReadOnlyList<Guid>? ProblemIds = null, string? Code = null)
    : IAppCommand<ClueDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Inspection, InspectionId);
}

public sealed class HandOverClueValidator : AbstractValidator<HandOverClue>
{
    public HandOverClueValidator()
    {
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.Colour).IsInEnum();
        RuleFor(c => c.ProblemIds).Must(p => p is null || p.Count <= 200);
        RuleFor(c => c.Code).MaximumLength(40).Matches("^[A-Za-z0-9-]+$").When(c => c.Code is not null);
    }
}

public sealed class HandOverClueHandler(IAppDbContext db, ILifecycleCatalog catalog, TimeProvider clock, WorkingCalendar calendar, RaisedEvents events,
    Receipts.ReceiptIssuer receipts)
    : ICommandHandler<HandOverClue, Result<ClueDto>>
{
    public async ValueTask<Result<ClueDto>> Handle(HandOverClue command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inspection = await db.Inspections.FirstAsync(i => i.Id == command.InspectionId, ct);
        var problemIds = (command.ProblemIds ?? []).Distinct().ToList();
        var known = await db.Problems.CountAsync(p => p.InspectionId == inspection.Id && problemIds.Contains(p.Id), ct);
        if (known != problemIds.Count)
        {
            return Error.Rule("clue.problems-not-of-inspection");
        }

        var count = await db.Clues.CountAsync(c => c.InspectionId == inspection.Id, ct);
        var code = command.Code ?? $"XS-{inspection.StartDate.Year}-{inspection.Id.ToString()[..4]}-{count + 1:000}";
        var definition = catalog.Current(Clue.Lifecycle);
        var due = calendar.Add(OfficeTime.DayOf(now), definition.Duration(command.Colour.ToString()));
        var clue = Clue.HandOver(definition, Guid.CreateVersion7(), inspection.Id, inspection.UnitId, code, command.Summary, command.Colour, due, problemIds, now);
        db.Clues.Add(clue);
        events.Raise(definition, clue, "HandOver");
        receipts.Issue(Domain.Receipts.ReceiptKind.HandoverSheet, Clue.Lifecycle, clue.Id, clue.UnitId, null, now);
        return ClueDto.From(clue);
    }
}
