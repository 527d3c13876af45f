using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Problems;

public enum Severity { General, Serious, Major }

public enum RectificationKind { Immediate, TimeLimited, LongTerm }

/// <summary>The evidence dossier of a problem (问题底稿): what was found, the facts, the basis for its characterization, the process.</summary>
public sealed record Dossier(string Facts, string Basis, string ProcessRecord);

/// <summary>A finding fed back to a unit (问题). Closed individually (销号) and reopenable by a look-back.</summary>
public sealed class Problem : ILifecycleCase, IVersioned
{
    public const string Lifecycle = "problem";

    CaseKind ILifecycleCase.CaseKind => CaseKind.Problem;

    private readonly List<ProgressReport> progress = [];
    private readonly List<SignOff> signOffs = [];
    private readonly List<Reopening> reopenings = [];

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Category { get; private set; } = "";
    public Severity Severity { get; private set; }
    public Dossier Dossier { get; private set; } = new("", "", "");
    public bool RaisedDuringInspection { get; private set; }
    public string State { get; set; } = "";
    public int DefinitionVersion { get; private set; }
    public RectificationKind? Kind { get; private set; }
    public DateOnly? Deadline { get; private set; }

    /// <summary>
    /// The date the reminder ladder counts from: the deadline, or for a long-term problem (长期坚持) the next
    /// periodic progress report. Kept as a column so the reminder sweep finds due cases with an index.
    /// </summary>
    public DateOnly? ReminderDue { get; private set; }
    public DateTime RegisteredAt { get; private set; }
    public DateTime? FedBackAt { get; private set; }
    public DateTime? RectificationStartedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int ReviewRound { get; private set; }
    public int ReopenCount { get; private set; }

    /// <summary>How many progress reports existed when rectification last (re)started; only later ones count for review.</summary>
    public int ProgressBaseline { get; private set; }
    public long Version { get; set; }

    public IReadOnlyList<ProgressReport> Progress => progress;
    public IReadOnlyList<SignOff> SignOffs => signOffs;
    public IReadOnlyList<Reopening> Reopenings => reopenings;

    private Problem() { }

    public static Problem Register(LifecycleDefinition definition, Guid id, Guid inspectionId, Guid unitId, string code, string title, string description,
        string category, Severity severity, Dossier dossier, bool raisedDuringInspection, DateTime utcNow) => new()
    {
        Id = id,
        InspectionId = inspectionId,
        UnitId = unitId,
        Code = code,
        Title = title,
        Description = description,
        Category = category,
        Severity = severity,
        Dossier = dossier,
        RaisedDuringInspection = raisedDuringInspection,
        State = definition.Initial,
        DefinitionVersion = definition.Version,
        RegisteredAt = utcNow,
    };

    public ProgressReport? LatestProgress => progress.MaxBy(p => p.Number);

    public bool HasProgressSinceRectificationStarted => RectificationStartedAt is not null && progress.Count > ProgressBaseline;

    public bool HasSigned(Role party) => signOffs.Any(s => s.ReviewRound == ReviewRound && s.Party == party);

    public IReadOnlyList<Role> RequiredParties(LifecycleDefinition definition) =>
        definition.SignOff?.RequiredFor(Severity.ToString()) ?? [];

    public IReadOnlyList<Role> MissingSignatures(LifecycleDefinition definition) =>
        RequiredParties(definition).Where(r => !signOffs.Any(s => s.ReviewRound == ReviewRound && s.Party == r && s.Approved)).ToList();

    public bool IsNextInOrder(LifecycleDefinition definition, Role actor) =>
        definition.SignOff?.Order != SignOffOrder.Sequential || MissingSignatures(definition).FirstOrDefault() == actor;

    public Error? FeedBack(LifecycleMachine machine, Role actor, DateTime utcNow)
    {
        var refusal = machine.Fire(ProblemTriggers.FeedBack, actor);
        if (refusal is null)
        {
            FedBackAt = utcNow;
        }

        return refusal;
    }

    /// <summary>Fired by the system when the plan that covers this problem is accepted: the ledger line sets kind and deadline.</summary>
    public Error? StartRectification(LifecycleMachine machine, RectificationKind kind, DateOnly deadline, DateTime utcNow)
    {
        var refusal = machine.Fire(ProblemTriggers.StartRectification, Role.System);
        if (refusal is null)
        {
            Kind = kind;
            Deadline = deadline;
            RectificationStartedAt = utcNow;
            ProgressBaseline = progress.Count;
            ReminderDue = NextReminderDue(machine.Definition, utcNow);
        }

        return refusal;
    }

    public Error? ReportProgress(LifecycleMachine machine, Role actor, Guid userId, string text, int? percent, string? milestone,
        IEnumerable<EvidenceRef> evidence, DateTime utcNow)
    {
        var refusal = machine.Fire(ProblemTriggers.ReportProgress, actor);
        if (refusal is null)
        {
            progress.Add(new ProgressReport(Guid.CreateVersion7(), Id, progress.Count + 1, utcNow, userId, text, percent, milestone, evidence));
            ReminderDue = NextReminderDue(machine.Definition, utcNow);
        }

        return refusal;
    }

    public Error? SubmitForReview(LifecycleMachine machine, Role actor)
    {
        var refusal = machine.Fire(ProblemTriggers.SubmitForReview, actor);
        if (refusal is null)
        {
            ReviewRound++;
        }

        return refusal;
    }

    /// <summary>A party signs (approves) or rejects; a rejection sends the problem back to the unit with the reasons.</summary>
    public Error? Sign(LifecycleMachine machine, Role party, Guid userId, bool approve, string comment, DateTime utcNow)
    {
        var refusal = machine.Fire(approve ? ProblemTriggers.SignOff : ProblemTriggers.RejectReview, party);
        if (refusal is null)
        {
            signOffs.Add(new SignOff(Guid.CreateVersion7(), Id, ReviewRound, party, userId, approve, comment, utcNow));
            if (!approve)
            {
                // Back to the unit: the rejected round's reports do not carry the next submission.
                ProgressBaseline = progress.Count;
            }
        }

        return refusal;
    }

    /// <summary>An approved extension moves the deadline; steps taken for the old date stay recorded and never fire again.</summary>
    public void ExtendDeadline(LifecycleDefinition definition, DateOnly newDeadline, DateTime utcNow)
    {
        Deadline = newDeadline;
        ReminderDue = NextReminderDue(definition, utcNow);
    }

    /// <summary>An accepted change of the ledger line sets new terms; the ladder counts from the new date.</summary>
    public void Replan(LifecycleDefinition definition, RectificationKind kind, DateOnly deadline, DateTime utcNow)
    {
        Kind = kind;
        Deadline = deadline;
        ReminderDue = NextReminderDue(definition, utcNow);
    }

    /// <summary>The due date a running problem is chased against; a long-term problem is chased for its next report.</summary>
    private DateOnly? NextReminderDue(LifecycleDefinition definition, DateTime utcNow)
    {
        if (Kind != RectificationKind.LongTerm)
        {
            return Deadline;
        }

        var lastReport = progress.Count > ProgressBaseline ? LatestProgress!.ReportedAt : RectificationStartedAt ?? utcNow;
        var next = OfficeTime.DayOf(lastReport).AddDays(definition.Duration("LongTermReport").Days);
        return Deadline is { } deadline && deadline < next ? deadline : next;
    }

    public Error? Close(LifecycleMachine machine, Role actor, DateTime utcNow)
    {
        var refusal = machine.Fire(ProblemTriggers.Close, actor);
        if (refusal is null)
        {
            ClosedAt = utcNow;
        }

        return refusal;
    }

    /// <summary>A look-back finds the problem not truly fixed: it goes back into rectification with a new deadline.</summary>
    public Error? Reopen(LifecycleMachine machine, Role actor, Guid userId, string reason, DateOnly newDeadline, Guid? lookBackInspectionId, DateTime utcNow)
    {
        var refusal = machine.Fire(ProblemTriggers.Reopen, actor);
        if (refusal is null)
        {
            reopenings.Add(new Reopening(Guid.CreateVersion7(), Id, reason, Deadline, newDeadline, lookBackInspectionId, userId, utcNow));
            ReopenCount++;
            Deadline = newDeadline;
            ClosedAt = null;
            RectificationStartedAt = utcNow;
            ProgressBaseline = progress.Count;
            ReminderDue = NextReminderDue(machine.Definition, utcNow);
        }

        return refusal;
    }
}

public static class ProblemTriggers
{
    public const string FeedBack = nameof(FeedBack);
    public const string StartRectification = nameof(StartRectification);
    public const string ReportProgress = nameof(ReportProgress);
    public const string SubmitForReview = nameof(SubmitForReview);
    public const string SignOff = nameof(SignOff);
    public const string RejectReview = nameof(RejectReview);
    public const string Close = nameof(Close);
    public const string Reopen = nameof(Reopen);
}

/// <summary>States the code reads (counts, the ledger); a definition must keep them, and may add others.</summary>
public static class ProblemStates
{
    public const string Registered = nameof(Registered);
    public const string FedBack = nameof(FedBack);
    public const string Rectifying = nameof(Rectifying);
    public const string UnderReview = nameof(UnderReview);
    public const string Closed = nameof(Closed);
    public static readonly string[] All = [Registered, FedBack, Rectifying, UnderReview, Closed];
}
