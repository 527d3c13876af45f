using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Plans;
using Rectification.Application.Reminders;
using Rectification.Domain.Plans;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

/// <summary>Base for commands that fire one trigger on one problem; state, role and guards are checked before the handler runs.</summary>
public abstract record ProblemCommand(Guid ProblemId, long? ExpectedVersion) : IAppCommand<ProblemSummary>, ILifecycleCommand
{
    [JsonIgnore] public ScopeTarget Target => new(TargetKind.Problem, ProblemId);
    [JsonIgnore] public abstract string Trigger { get; }
}

/// <summary>Feeds back one problem on its own, during the inspection (边巡边改).</summary>
public sealed record FeedBackProblem(Guid ProblemId, long? ExpectedVersion = null) : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => ProblemTriggers.FeedBack;
}

/// <summary>
/// Evidence named in a progress report: an uploaded file by its id (its stored name and hash are used), or for material kept
/// elsewhere a name and the SHA-256 the unit computed.
/// </summary>
public sealed record EvidenceInput(string? FileName, string? Sha256, Guid? FileId = null);

/// <summary>The unit reports progress (整改进展) with evidence (佐证材料).</summary>
public sealed record ReportProgress(Guid ProblemId, string Text, int? Percent, string? Milestone, IReadOnlyList<EvidenceInput>? Evidence, long? ExpectedVersion = null)
    : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => ProblemTriggers.ReportProgress;
}

public sealed class ReportProgressValidator : AbstractValidator<ReportProgress>
{
    public ReportProgressValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.Percent).InclusiveBetween(0, 100).When(c => c.Percent is not null);
        RuleFor(c => c.Milestone).MaximumLength(200);
        RuleFor(c => c.Evidence).Must(e => e is null || e.Count <= 100).WithMessage("At most 100 evidence files per report.");
        RuleForEach(c => c.Evidence).ChildRules(e =>
        {
            e.RuleFor(x => x.FileName).NotEmpty().MaximumLength(255).When(x => x.FileId is null);
            e.RuleFor(x => x.Sha256).NotEmpty().Matches("^[0-9a-fA-F]{64}$").When(x => x.FileId is null);
            // An uploaded file is cited by id alone: a name or hash typed beside it could only disagree with the stored file.
            e.RuleFor(x => x.FileName).Empty().When(x => x.FileId is not null).WithMessage("Give either fileId or fileName and sha256, not both.");
            e.RuleFor(x => x.Sha256).Empty().When(x => x.FileId is not null).WithMessage("Give either fileId or fileName and sha256, not both.");
        });
    }
}

public sealed record SubmitForReview(Guid ProblemId, long? ExpectedVersion = null) : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => ProblemTriggers.SubmitForReview;
}

/// <summary>A required party signs off (签字) or rejects with reasons; one rejection sends the problem back.</summary>
public sealed record SignOffProblem(Guid ProblemId, bool Approve, string? Comment, long? ExpectedVersion = null) : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => Approve ? ProblemTriggers.SignOff : ProblemTriggers.RejectReview;
}

public sealed class SignOffProblemValidator : AbstractValidator<SignOffProblem>
{
    public SignOffProblemValidator()
    {
        RuleFor(c => c.Comment).NotEmpty().When(c => !c.Approve).WithMessage("A rejection must give its reasons.");
        RuleFor(c => c.Comment).MaximumLength(4000);
    }
}

/// <summary>Closes (销号) a problem once every required party has signed.</summary>
public sealed record CloseProblem(Guid ProblemId, long? ExpectedVersion = null) : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => ProblemTriggers.Close;
}

/// <summary>A look-back (回头看) finds the problem not truly fixed and reopens it with a reason and a new deadline.</summary>
public sealed record ReopenProblem(Guid ProblemId, string Reason, DateOnly NewDeadline, Guid? LookBackInspectionId = null, long? ExpectedVersion = null)
    : ProblemCommand(ProblemId, ExpectedVersion)
{
    public override string Trigger => ProblemTriggers.Reopen;
}

public sealed class ReopenProblemValidator : AbstractValidator<ReopenProblem>
{
    public ReopenProblemValidator(TimeProvider clock)
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.NewDeadline)
            .Must(d => d > OfficeTime.Today(clock))
            .WithMessage("The new deadline must be after today.")
            .LessThanOrEqualTo(new DateOnly(2100, 12, 31));
    }
}

public sealed class ProblemCommandHandlers(LifecycleContext context, ICurrentUser user, TimeProvider clock, IAppDbContext db, PlanOpener plans, Deadlines deadlines,
    Receipts.ReceiptIssuer receipts) :
    ICommandHandler<FeedBackProblem, Result<ProblemSummary>>,
    ICommandHandler<ReportProgress, Result<ProblemSummary>>,
    ICommandHandler<SubmitForReview, Result<ProblemSummary>>,
    ICommandHandler<SignOffProblem, Result<ProblemSummary>>,
    ICommandHandler<CloseProblem, Result<ProblemSummary>>,
    ICommandHandler<ReopenProblem, Result<ProblemSummary>>
{
    private Problem Problem => context.Case<Problem>();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async ValueTask<Result<ProblemSummary>> Handle(FeedBackProblem command, CancellationToken ct)
    {
        var inspection = await db.Inspections.FirstAsync(i => i.Id == Problem.InspectionId, ct);
        var plan = await plans.OpenOrGetAsync(inspection, Now, ct);
        if (plan.State == PlanStates.Accepted)
        {
            return Error.Rule("plan.already-accepted", ("plan", plan.Id));
        }

        plan.Cover(Problem);
        receipts.Issue(Domain.Receipts.ReceiptKind.Feedback, Problem.Lifecycle, Problem.Id, Problem.UnitId, null, Now);
        return await Done(Problem.FeedBack(context.Machine, user.Role, Now));
    }

    public async ValueTask<Result<ProblemSummary>> Handle(ReportProgress command, CancellationToken ct)
    {
        var inputs = command.Evidence ?? [];
        var fileIds = inputs.Where(e => e.FileId is not null).Select(e => e.FileId!.Value).Distinct().ToList();
        var files = fileIds.Count == 0
            ? []
            : await db.EvidenceFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id) && f.ProblemId == Problem.Id).ToDictionaryAsync(f => f.Id, ct);
        if (fileIds.FirstOrDefault(id => !files.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            // Missing, of another problem or of another unit: one answer, so the id tells nothing about other units' files.
            return Error.Rule("evidence.file-not-of-problem", ("file", missing), ("problem", Problem.Code));
        }

        var evidence = inputs.Select(e => e.FileId is { } id
            ? new EvidenceRef(files[id].FileName, files[id].Sha256, id)
            : new EvidenceRef(e.FileName!, e.Sha256!.ToLowerInvariant()));
        return await Done(Problem.ReportProgress(context.Machine, user.Role, user.UserId ?? Guid.Empty, command.Text, command.Percent, command.Milestone, evidence, Now));
    }

    public ValueTask<Result<ProblemSummary>> Handle(SubmitForReview command, CancellationToken ct) =>
        Done(Problem.SubmitForReview(context.Machine, user.Role));

    public ValueTask<Result<ProblemSummary>> Handle(SignOffProblem command, CancellationToken ct) =>
        Done(Problem.Sign(context.Machine, user.Role, user.UserId ?? Guid.Empty, command.Approve, command.Comment ?? "", Now));

    public ValueTask<Result<ProblemSummary>> Handle(CloseProblem command, CancellationToken ct) =>
        Done(Problem.Close(context.Machine, user.Role, Now));

    public ValueTask<Result<ProblemSummary>> Handle(ReopenProblem command, CancellationToken ct) =>
        Done(Problem.Reopen(context.Machine, user.Role, user.UserId ?? Guid.Empty, command.Reason, command.NewDeadline, command.LookBackInspectionId, Now));

    private ValueTask<Result<ProblemSummary>> Done(Error? refusal) =>
        ValueTask.FromResult(refusal is null ? Result<ProblemSummary>.Ok(ProblemSummary.From(Problem, deadlines)) : Result<ProblemSummary>.Fail(refusal));
}
