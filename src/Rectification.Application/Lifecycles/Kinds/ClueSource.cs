using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Clues;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Lifecycles.Kinds;

public sealed class ClueSource() : CaseSource(CaseKind.Clue, TargetKind.Clue, "clues")
{
    /// <summary>A clue's mails open its sheet (/clues/{id}); every recipient of a clue's mail is a role that may see the sheet.</summary>
    public override string PageOf(Guid id, CaseFacts? facts) => $"clues/{id}";

    public override bool HasDeadline => true;

    public override async Task<ILifecycleCase?> LoadAsync(IAppDbContext db, Guid id, CancellationToken ct) =>
        await db.Clues.FirstOrDefaultAsync(c => c.Id == id, ct);

    public override IQueryable<DueCase> Due(IAppDbContext db, ReminderLadder ladder, string[] states, IQueryable<ReminderStepRecord> taken, DateOnly latestDue) =>
        db.Clues
            .Where(c => states.Contains(c.State) && c.DueDate <= latestDue)
            .Where(c => !taken.Any(r => r.CaseId == c.Id && r.DueDate == c.DueDate))
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id)
            .Select(c => new DueCase(c.Id, c.UnitId, c.DueDate));

    public override IQueryable<RunningDeadline> Running(IAppDbContext db, string[] states, Guid id) =>
        db.Clues.Where(c => c.Id == id && states.Contains(c.State))
            .Select(c => new RunningDeadline(Clue.Lifecycle, c.UnitId, c.DueDate));

    public override async Task ExtendAsync(IAppDbContext db, ILifecycleCatalog catalog, Guid id, DateOnly newDeadline, DateTime utcNow, CancellationToken ct) =>
        (await db.Clues.FirstAsync(c => c.Id == id, ct)).ExtendDue(newDeadline);

    public override IQueryable<CaseFacts> Facts(IAppDbContext db, Guid id) =>
        db.Clues.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CaseFacts(c.State, c.DefinitionVersion, c.UnitId, c.InspectionId, c.Code, "", c.DueDate, c.ConcludedAt != null, c.Colour));

    // A clue's summary stays out of mail: the sheet is named by its colour and number only.
    public override LocalizedText TitleOf(CaseFacts facts, string unitName)
    {
        var colour = SheetColours.Label(facts.Colour);
        return new($"{colour.ZhCn}交办单问题线索{facts.Code}", $"{colour.En}-sheet clue {facts.Code}");
    }
}
