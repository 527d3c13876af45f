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

public sealed record ClueDto(Guid Id, Guid InspectionId, Guid UnitId, string Code, string Summary, SheetColour Colour, string State,
    DateTime HandedOverAt, DateOnly DueDate, DateTime? AcceptedAt, DateTime? ConcludedAt, ClueOutcome? Outcome, IReadOnlyList<Guid> ProblemIds, long Version)
{
    public static ClueDto From(Clue c) => new(c.Id, c.InspectionId, c.UnitId, c.Code, c.Summary, c.Colour, c.State, c.HandedOverAt, c.DueDate,
        c.AcceptedAt, c.ConcludedAt, c.Outcome, c.ProblemIds, c.Version);
}

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

public abstract record ClueCommand(Guid ClueId, long? ExpectedVersion) : IAppCommand<ClueDto>, ILifecycleCommand
{
    [JsonIgnore] public ScopeTarget Target => new(TargetKind.Clue, ClueId);
    [JsonIgnore] public abstract string Trigger { get; }
}

/// <summary>The discipline commission acknowledges receipt (签收) of the sheet.</summary>
public sealed record AcceptClue(Guid ClueId, long? ExpectedVersion = null) : ClueCommand(ClueId, ExpectedVersion)
{
    public override string Trigger => ClueTriggers.Accept;
}

public sealed record StartInvestigation(Guid ClueId, long? ExpectedVersion = null) : ClueCommand(ClueId, ExpectedVersion)
{
    public override string Trigger => ClueTriggers.StartInvestigation;
}

public sealed record ConcludeClue(Guid ClueId, string Summary, int CasesFiled, int PeopleDisciplined, int TransferredToJudicial, decimal MoneyRecovered,
    long? ExpectedVersion = null) : ClueCommand(ClueId, ExpectedVersion)
{
    public override string Trigger => ClueTriggers.Conclude;
}

public sealed class ConcludeClueValidator : AbstractValidator<ConcludeClue>
{
    public ConcludeClueValidator()
    {
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.CasesFiled).InclusiveBetween(0, 100_000);
        RuleFor(c => c.PeopleDisciplined).InclusiveBetween(0, 100_000);
        RuleFor(c => c.TransferredToJudicial).InclusiveBetween(0, 100_000);
        RuleFor(c => c.MoneyRecovered).InclusiveBetween(0m, 1_000_000_000_000m);
    }
}

public sealed class ClueCommandHandlers(LifecycleContext context, ICurrentUser user, TimeProvider clock) :
    ICommandHandler<AcceptClue, Result<ClueDto>>,
    ICommandHandler<StartInvestigation, Result<ClueDto>>,
    ICommandHandler<ConcludeClue, Result<ClueDto>>
{
    private Clue Clue => context.Case<Clue>();

    public ValueTask<Result<ClueDto>> Handle(AcceptClue command, CancellationToken ct) =>
        Done(Clue.Accept(context.Machine, user.Role, user.UserId ?? Guid.Empty, clock.GetUtcNow().UtcDateTime));

    public ValueTask<Result<ClueDto>> Handle(StartInvestigation command, CancellationToken ct) =>
        Done(Clue.StartInvestigation(context.Machine, user.Role));

    public ValueTask<Result<ClueDto>> Handle(ConcludeClue command, CancellationToken ct) =>
        Done(Clue.Conclude(context.Machine, user.Role,
            new ClueOutcome(command.Summary, command.CasesFiled, command.PeopleDisciplined, command.TransferredToJudicial, command.MoneyRecovered),
            clock.GetUtcNow().UtcDateTime));

    private ValueTask<Result<ClueDto>> Done(Error? refusal) =>
        ValueTask.FromResult(refusal is null ? Result<ClueDto>.Ok(ClueDto.From(Clue)) : Result<ClueDto>.Fail(refusal));
}

/// <summary>The clue ledger (线索台账) in the user's scope; empty for a role that may not see clue sheets.</summary>
public sealed record ListClues(Guid? InspectionId = null, SheetColour? Colour = null, string? State = null) : IAppQuery<IReadOnlyList<ClueDto>>;

public sealed class ListCluesHandler(Visibility.ReadPolicy visibility) : IQueryHandler<ListClues, Result<IReadOnlyList<ClueDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ClueDto>>> Handle(ListClues query, CancellationToken ct)
    {
        var clues = visibility.Clues().AsNoTracking();
        if (query.InspectionId is { } inspection) clues = clues.Where(c => c.InspectionId == inspection);
        if (query.Colour is { } colour) clues = clues.Where(c => c.Colour == colour);
        if (query.State is { } state) clues = clues.Where(c => c.State == state);
        var rows = await clues.OrderBy(c => c.DueDate).ThenBy(c => c.Code).Take(1000).ToListAsync(ct);
        return rows.Select(ClueDto.From).ToList();
    }
}
