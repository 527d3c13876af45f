using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Clues;
using Rectification.Domain.Problems;
using Rectification.Domain.Visibility;

namespace Rectification.Application.Visibility;

/// <summary>
/// The one read-side rule: what the current user may see, by scope (their unit and below) and by
/// <c>workflows/visibility.yaml</c>. Every list, detail, trail, document, statistic and page reads through it; an object it
/// hides answers exactly like one that does not exist.
/// </summary>
public sealed class ReadPolicy(IVisibilityCatalog catalog, ICurrentUser user, IAppDbContext db, ScopeResolver scopes)
{
    private VisibilityRules Rules => catalog.Rules;

    public bool SeesClues => Rules.Sees(user.Role, Clue.Lifecycle);

    public bool SeesClueFigures => Rules.SeesCounts(user.Role, Clue.Lifecycle);

    public bool SeesDossier => Rules.SeesField(user.Role, Problem.Lifecycle, ProblemFields.Dossier);

    /// <summary>Lifecycle names of the kinds this user may not see at all, to filter rows that point at a case.</summary>
    public IReadOnlyList<string> HiddenKinds => Rules.HiddenKinds(user.Role);

    public IQueryable<Guid> UnitsInScope => scopes.UnitsInScope(user);

    /// <summary>Problems in scope, less those in a state this role does not see (before feedback, for a unit).</summary>
    public IQueryable<Problem> Problems()
    {
        var hidden = Rules.HiddenStates(user.Role, Problem.Lifecycle);
        var units = UnitsInScope;
        var problems = db.Problems.Where(p => units.Contains(p.UnitId));
        return hidden.Count == 0 ? problems : problems.Where(p => !hidden.Contains(p.State));
    }

    /// <summary>Problems of an already scoped set (e.g. a subtree), less the states this role does not see.</summary>
    public IQueryable<Problem> Visible(IQueryable<Problem> problems)
    {
        var hidden = Rules.HiddenStates(user.Role, Problem.Lifecycle);
        return hidden.Count == 0 ? problems : problems.Where(p => !hidden.Contains(p.State));
    }

    /// <summary>Clue sheets in scope, or none for a role that may not see them.</summary>
    public IQueryable<Clue> Clues()
    {
        var units = UnitsInScope;
        return SeesClues ? db.Clues.Where(c => units.Contains(c.UnitId)) : db.Clues.Where(c => false);
    }

    /// <summary>The dossier as this user may read it: empty texts where it is withheld.</summary>
    public Dossier? DossierOf(Problem problem) => SeesDossier ? problem.Dossier : null;

    /// <summary>Whether the object a request names may be seen by this user beyond scope: its kind, its state, what it is about.</summary>
    public async Task<bool> AllowsAsync(ScopeTarget target, CancellationToken ct)
    {
        switch (target.Kind)
        {
            case TargetKind.Clue:
                return SeesClues;
            case TargetKind.Problem:
                return await ProblemVisibleAsync(target.Id, ct);
            case TargetKind.EvidenceFile:
                var problemId = await db.EvidenceFiles.Where(f => f.Id == target.Id).Select(f => (Guid?)f.ProblemId).FirstOrDefaultAsync(ct);
                return problemId is null || await ProblemVisibleAsync(problemId.Value, ct);
            case TargetKind.Receipt:
                var receipt = await db.Receipts.Where(r => r.Id == target.Id).Select(r => new { r.CaseType, r.CaseId }).FirstOrDefaultAsync(ct);
                return receipt is null || await CaseVisibleAsync(receipt.CaseType, receipt.CaseId, ct);
            case TargetKind.Extension:
                var extension = await db.Extensions.Where(e => e.Id == target.Id).Select(e => new { e.Lifecycle, e.CaseId }).FirstOrDefaultAsync(ct);
                return extension is null || await CaseVisibleAsync(extension.Lifecycle, extension.CaseId, ct);
            case TargetKind.Task:
                var task = await db.Tasks.Where(t => t.Id == target.Id).Select(t => new { t.Lifecycle, t.CaseId }).FirstOrDefaultAsync(ct);
                return task is null || await CaseVisibleAsync(task.Lifecycle, task.CaseId, ct);
            default:
                return true;
        }
    }

    private async Task<bool> CaseVisibleAsync(string kind, Guid id, CancellationToken ct) =>
        Rules.Sees(user.Role, kind) && (kind != Problem.Lifecycle || await ProblemVisibleAsync(id, ct));

    private async Task<bool> ProblemVisibleAsync(Guid id, CancellationToken ct)
    {
        var hidden = Rules.HiddenStates(user.Role, Problem.Lifecycle);
        return hidden.Count == 0 || !await db.Problems.AnyAsync(p => p.Id == id && hidden.Contains(p.State), ct);
    }
}
