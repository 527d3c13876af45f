using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Application.Reminders;
using Severity = Rectification.Domain.Problems.Severity;

namespace Rectification.Application.Problems;

public sealed record ProblemDetail(
    ProblemSummary Summary, string Description, Dossier? Dossier, bool RaisedDuringInspection, string StateLabel,
    DateTime RegisteredAt, DateTime? FedBackAt, DateTime? ClosedAt, int ReviewRound,
    IReadOnlyList<string> PermittedTriggers, IReadOnlyList<Role> RequiredParties, IReadOnlyList<Role> MissingSignatures,
    IReadOnlyList<ProgressReportDto> Progress, IReadOnlyList<SignOff> SignOffs, IReadOnlyList<Reopening> Reopenings, int DefinitionVersion);

public sealed record ProgressReportDto(Guid Id, int Number, DateTime ReportedAt, Guid ReportedBy, string Text, int? Percent, string? Milestone, IReadOnlyList<EvidenceRef> Evidence);

/// <summary>One problem with its history and the actions the current user can take now (the buttons that work).</summary>
public sealed record GetProblem(Guid ProblemId) : IAppQuery<ProblemDetail>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Problem, ProblemId);
}

public sealed class GetProblemHandler(CaseStore cases, ILifecycleCatalog catalog, ICurrentUser user, TimeProvider clock, Deadlines deadlines, IAppDbContext db,
    Visibility.ReadPolicy visibility)
    : IQueryHandler<GetProblem, Result<ProblemDetail>>
{
    public async ValueTask<Result<ProblemDetail>> Handle(GetProblem query, CancellationToken ct)
    {
        var loaded = await cases.LoadAsync(new ScopeTarget(TargetKind.Problem, query.ProblemId), ct);
        var p = (Problem)loaded!.Value.Case;
        var machine = catalog.MachineFor(p, user.Role, clock.GetUtcNow().UtcDateTime);
        var definition = machine.Definition;
        var step = await EscalationStepAsync(db, p, ct);
        return new ProblemDetail(ProblemSummary.From(p, deadlines, step), p.Description, visibility.DossierOf(p), p.RaisedDuringInspection,
            definition.States[p.State].For(user.Language), p.RegisteredAt, p.FedBackAt, p.ClosedAt, p.ReviewRound,
            machine.PermittedTriggers(user.Role), p.RequiredParties(definition), p.MissingSignatures(definition),
            p.Progress.OrderBy(r => r.Number).Select(r => new ProgressReportDto(r.Id, r.Number, r.ReportedAt, r.ReportedBy, r.Text, r.Percent, r.Milestone, r.Evidence)).ToList(),
            p.SignOffs.OrderBy(s => s.SignedAt).ToList(), p.Reopenings.OrderBy(r => r.ReopenedAt).ToList(), p.DefinitionVersion);
    }

    private static Task<string?> EscalationStepAsync(IAppDbContext db, Problem p, CancellationToken ct) =>
        db.Problems.Where(x => x.Id == p.Id).WithEscalationStep(db).Select(r => r.Step).FirstOrDefaultAsync(ct);
}
