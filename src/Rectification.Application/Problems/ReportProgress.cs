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

public sealed class ReportProgressHandler(LifecycleCommandServices services, Deadlines deadlines, IAppDbContext db)
    : ProblemCommandHandler<ReportProgress>(services, deadlines)
{
    protected override async ValueTask<Result<ProblemSummary>> Fire(ReportProgress command, LifecycleStep<Problem> step, CancellationToken ct)
    {
        var problem = step.Case;
        var inputs = command.Evidence ?? [];
        var fileIds = inputs.Where(e => e.FileId is not null).Select(e => e.FileId!.Value).Distinct().ToList();
        var files = fileIds.Count == 0
            ? []
            : await db.EvidenceFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id) && f.ProblemId == problem.Id).ToDictionaryAsync(f => f.Id, ct);
        if (fileIds.FirstOrDefault(id => !files.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            // Missing, of another problem or of another unit: one answer, so the id tells nothing about other units' files.
            return Error.Rule("evidence.file-not-of-problem", ("file", missing), ("problem", problem.Code));
        }

        var evidence = inputs.Select(e => e.FileId is { } id
            ? new EvidenceRef(files[id].FileName, files[id].Sha256, id)
            : new EvidenceRef(e.FileName!, e.Sha256!.ToLowerInvariant()));
        return Done(problem, problem.ReportProgress(step.Machine, User.Role, User.UserId ?? Guid.Empty, command.Text, command.Percent, command.Milestone, evidence, step.Now));
    }
}
