using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Clues;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Lifecycles.Kinds;

/// <summary>What a mail or a page says about a case, read in one query.</summary>
public sealed record CaseFacts(string State, int DefinitionVersion, Guid UnitId, Guid InspectionId, string Code, string Title,
    DateOnly? Deadline, bool Finished, SheetColour? Colour);

/// <summary>A case whose deadline is still chased, per the ladders' active states.</summary>
public sealed record RunningDeadline(string Lifecycle, Guid UnitId, DateOnly Deadline);

/// <summary>
/// Where the rows of one kind of case live and how the shared machinery reads them: loading for a lifecycle command, the
/// selection of due reminder steps, the running deadline an extension moves, and the facts a mail shows. A new kind of case is
/// one more subclass registered in <see cref="CaseSources"/>, not one more branch in each of those places.
/// </summary>
public abstract class CaseSource(CaseKind kind, TargetKind? target, string? apiPath)
{
    public CaseKind Kind { get; } = kind;

    /// <summary>What requests name a case of this kind by, or null when no request addresses it by its own id.</summary>
    public TargetKind? Target { get; } = target;

    /// <summary>The API collection of this kind (<c>/api/{path}/{id}</c>), or null when it has none of its own.</summary>
    public string? ApiPath { get; } = apiPath;

    public string Lifecycle => Kind.Lifecycle;

    /// <summary>The case with everything its guards read, for a lifecycle command.</summary>
    public virtual Task<ILifecycleCase?> LoadAsync(IAppDbContext db, Guid id, CancellationToken ct) =>
        throw new NotSupportedException($"A {Lifecycle} is not driven by lifecycle commands.");

    /// <summary>Running cases in <paramref name="states"/> whose step is due by <paramref name="latestDue"/> and not yet in <paramref name="taken"/>, earliest first.</summary>
    public abstract IQueryable<DueCase> Due(IAppDbContext db, ReminderLadder ladder, string[] states, IQueryable<ReminderStepRecord> taken, DateOnly latestDue);

    /// <summary>The deadline of the case while it is in one of <paramref name="states"/>; empty when it is not running or has none.</summary>
    public virtual IQueryable<RunningDeadline> Running(IAppDbContext db, string[] states, Guid id) =>
        throw new NotSupportedException($"A {Lifecycle} has no deadline that can be extended.");

    /// <summary>Moves the deadline of the case to an approved later date.</summary>
    public virtual Task ExtendAsync(IAppDbContext db, ILifecycleCatalog catalog, Guid id, DateOnly newDeadline, DateTime utcNow, CancellationToken ct) =>
        throw new NotSupportedException($"A {Lifecycle} has no deadline that can be extended.");

    public abstract IQueryable<CaseFacts> Facts(IAppDbContext db, Guid id);

    /// <summary>How a mail names the case: by default its own title.</summary>
    public virtual LocalizedText TitleOf(CaseFacts facts, string unitName) => new(facts.Title, facts.Title);

    /// <summary>
    /// The web page of the case, relative to the public base address (<c>problems/{id}</c>), which its mails link to: people open
    /// mails, not the API. Empty for a kind without a page of its own: the link then opens my tasks, where the case waits.
    /// </summary>
    public virtual string PageOf(Guid id, CaseFacts? facts) => "";

    /// <summary>Whether a case of this kind runs against a deadline the unit may ask to extend.</summary>
    public virtual bool HasDeadline => false;
}
