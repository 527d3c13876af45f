using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Application.Statistics;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Documents;

/// <summary>
/// One fed-back problem as the documents state it: the ledger row (<see cref="ProblemSummary"/>, the same the ledger shows),
/// the finding, the ledger line of the plan, and what the progress reports and the review say so far.
/// </summary>
public sealed record DocumentProblem(
    ProblemSummary Summary, string Description, string Facts, string Basis, string StateLabel,
    string Measures, string ResponsibleLeader, string ResponsibleDepartment,
    int ProgressReports, int EvidenceCount, int? LatestPercent, string? LatestProgress, DateTime? LatestProgressAt,
    IReadOnlyList<Role> MissingSignatures, DateTime? ClosedAt)
{
    public bool IsClosed => Summary.State == ProblemStates.Closed;

    public bool IsLongTerm => Summary.Kind == RectificationKind.LongTerm;
}

/// <summary>
/// What the feedback letter (反馈意见) and the rectification status report (整改情况报告) of an inspection are generated from:
/// every fed-back problem of the inspection with its ledger line and progress, read from the ledger and never typed again.
/// </summary>
public sealed record InspectionDocument(
    Guid InspectionId, string UnitName, string UnitCode, string RoundName, InspectionKind Kind, string GroupName,
    DateOnly StartDate, DateOnly EndDate, DateTime FedBackAt, DateOnly? PlanSubmissionDue, string? PlanStateLabel, DateTime? PlanAcceptedAt,
    IReadOnlyList<DocumentProblem> Problems, DateOnly Today)
{
    public int FedBack => Problems.Count;

    public int Closed => Problems.Count(p => p.IsClosed);

    public int UnderReview => Problems.Count(p => p.Summary.State == ProblemStates.UnderReview);

    public int Overdue => Problems.Count(p => p.Summary.DaysOverdue > 0);

    public int LongTerm => Problems.Count(p => p.IsLongTerm);

    public int EvidenceCount => Problems.Sum(p => p.EvidenceCount);

    /// <summary>Closed / fed back, two decimals, computed exactly as the statistics compute it.</summary>
    public decimal CompletionRate => GetStatisticsHandler.CompletionRate(Closed, FedBack);
}

/// <summary>The data of both inspection documents; <see cref="InspectionDocuments"/> words them, <see cref="Abstractions.IDocumentRenderer"/> renders them as a page or a .docx.</summary>
public sealed record GetInspectionDocument(Guid InspectionId) : IAppQuery<InspectionDocument>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Inspection, InspectionId);
}

public sealed class GetInspectionDocumentHandler(IAppDbContext db, ILifecycleCatalog catalog, ICurrentUser user, Deadlines deadlines,
    Visibility.ReadPolicy visibility)
    : IQueryHandler<GetInspectionDocument, Result<InspectionDocument>>
{
    public async ValueTask<Result<InspectionDocument>> Handle(GetInspectionDocument query, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == query.InspectionId, ct);
        var problems = await visibility.Visible(db.Problems.AsNoTracking()).Include(p => p.Progress).Include(p => p.SignOffs).AsSplitQuery()
            .Where(p => p.InspectionId == inspection.Id && p.FedBackAt != null)
            .OrderBy(p => p.Code).ThenBy(p => p.Id)
            .ToListAsync(ct);
        if (inspection.FedBackAt is not { } fedBackAt || problems.Count == 0)
        {
            return Error.Rule("document.not-fed-back", ("inspection", inspection.GroupName));
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == inspection.UnitId).Select(u => new { u.Name, u.Code }).FirstAsync(ct);
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == inspection.RoundId).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "";
        var plan = await db.Plans.AsNoTracking().Include(p => p.Lines).FirstOrDefaultAsync(p => p.InspectionId == inspection.Id, ct);
        var lines = plan?.Lines.ToDictionary(l => l.ProblemId) ?? [];
        var ids = problems.Select(p => p.Id).ToList();
        var today = deadlines.Today;
        // The escalation step each problem reached, as the ledger shows it, in one query for the whole inspection.
        var steps = (await db.ReminderSteps.AsNoTracking().Where(r => ids.Contains(r.CaseId) && !r.Skipped)
                .Select(r => new { r.CaseId, r.DueDate, r.Step, r.TakenAt }).ToListAsync(ct))
            .GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.ToList());

        var rows = problems.Select(p =>
        {
            var definition = catalog.Get(Problem.Lifecycle, p.DefinitionVersion);
            var line = lines.GetValueOrDefault(p.Id);
            var latest = p.LatestProgress;
            var step = steps.GetValueOrDefault(p.Id)?.Where(s => s.DueDate == p.ReminderDue).OrderByDescending(s => s.TakenAt).Select(s => s.Step).FirstOrDefault();
            return new DocumentProblem(ProblemSummary.From(p, deadlines, step), p.Description, visibility.DossierOf(p)?.Facts ?? "", visibility.DossierOf(p)?.Basis ?? "",
                definition.States.TryGetValue(p.State, out var state) ? state.For(user.Language) : p.State,
                line?.Measures ?? "", line?.ResponsibleLeader ?? "", line?.ResponsibleDepartment ?? "",
                p.Progress.Count, EvidenceCount(p), latest?.Percent, latest?.Text, latest?.ReportedAt,
                p.State == ProblemStates.UnderReview ? p.MissingSignatures(definition) : [], p.ClosedAt);
        }).ToList();

        string? planState = null;
        if (plan is not null && catalog.Get(Domain.Plans.Plan.Lifecycle, plan.DefinitionVersion).States.TryGetValue(plan.State, out var planLabel))
        {
            planState = planLabel.For(user.Language);
        }

        return new InspectionDocument(inspection.Id, unit.Name, unit.Code, round, inspection.Kind, inspection.GroupName, inspection.StartDate, inspection.EndDate,
            fedBackAt, plan?.SubmissionDue, planState, plan?.AcceptedAt, rows, today);
    }

    /// <summary>Distinct files relied on across all reports: a file cited again in a later report is still one piece of evidence.</summary>
    public static int EvidenceCount(Problem p) => p.Progress.SelectMany(r => r.Evidence).Select(e => e.Sha256).Distinct(StringComparer.Ordinal).Count();
}
