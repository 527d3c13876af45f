using Microsoft.EntityFrameworkCore;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Integration.Tests;

/// <summary>The model itself: what each command should answer, in the order the README gives the pipeline, and what it changes.</summary>
public sealed partial class LifecycleModelTests
{
    private sealed record Refusal(ErrorKind Kind, string Code);

    private static readonly Refusal NotFound = new(ErrorKind.NotFound, "not-found");
    private static readonly Refusal Invalid = new(ErrorKind.Validation, "validation.failed");
    private static readonly Refusal Stale = new(ErrorKind.Conflict, "concurrency.stale-version");
    private static readonly Refusal NotInState = new(ErrorKind.TransitionNotAllowed, "transition.not-allowed");
    private static readonly Refusal RoleMayNot = new(ErrorKind.Forbidden, "transition.role-not-allowed");
    private static readonly Refusal GuardsUnmet = new(ErrorKind.TransitionNotAllowed, "transition.guards-unmet");

    /// <summary>workflows/problem.yaml, transitions a user fires: from state, trigger → roles and target state.</summary>
    private static (Role[] Roles, string To)? ProblemTransition(string state, Op op) => (state, op) switch
    {
        (ProblemStates.Registered, Op.FeedBackProblem) => ([Role.InspectionOffice, Role.InspectionGroup], ProblemStates.FedBack),
        (ProblemStates.FedBack, Op.ReportProgress) => (UnitRoles, ProblemStates.FedBack),
        (ProblemStates.Rectifying, Op.ReportProgress) => (UnitRoles, ProblemStates.Rectifying),
        (ProblemStates.Rectifying, Op.SubmitForReview) => (UnitRoles, ProblemStates.UnderReview),
        (ProblemStates.UnderReview, Op.SignOff) => (Signers, ProblemStates.UnderReview),
        (ProblemStates.UnderReview, Op.RejectReview) => (Signers, ProblemStates.Rectifying),
        (ProblemStates.UnderReview, Op.Close) => ([Role.InspectionOffice], ProblemStates.Closed),
        (ProblemStates.Closed, Op.Reopen) => ([Role.InspectionOffice, Role.InspectionGroup], ProblemStates.Rectifying),
        _ => null,
    };

    /// <summary>workflows/plan.yaml.</summary>
    private static (Role[] Roles, string To)? PlanTransition(string state, Op op) => (state, op) switch
    {
        ("Drafting" or "Returned", Op.EditLine) => (UnitRoles, state),
        ("Drafting" or "Returned", Op.SubmitPlan) => (UnitRoles, "Submitted"),
        ("Submitted", Op.AcceptPlan) => (Supervisors, "Accepted"),
        ("Submitted", Op.ReturnPlan) => (Supervisors, "Returned"),
        _ => null,
    };

    private static bool IsPlanOp(Op op) => op is Op.EditLine or Op.SubmitPlan or Op.AcceptPlan or Op.ReturnPlan;

    /// <summary>Validation, then role and scope (an object out of scope or hidden is not found), then version, state, role, guards, then the handler's rules.</summary>
    private static Refusal? Expect(World w, Step s)
    {
        var role = s.Actor.Role;
        var inScope = s.Actor.Covers.Contains(w.Unit.Id);
        if ((s.Op is Op.RejectReview or Op.ReturnPlan) && !s.Flag)
        {
            return Invalid;
        }

        if (s.Op == Op.FeedBackInspection)
        {
            return role is not (Role.InspectionOffice or Role.InspectionGroup) ? new Refusal(ErrorKind.Forbidden, "authorization.role-not-allowed")
                : !inScope ? NotFound
                : w.Problems.All(p => p.State != ProblemStates.Registered) ? new Refusal(ErrorKind.RuleBroken, "inspection.nothing-to-feed-back")
                : w.Plan?.State == "Accepted" ? new Refusal(ErrorKind.RuleBroken, "plan.already-accepted")
                : null;
        }

        if (!inScope)
        {
            return NotFound;
        }

        var problem = w.Problems[s.Problem];
        if (IsPlanOp(s.Op))
        {
            var plan = w.Plan!;
            if (s.Version == VersionSent.Stale)
            {
                return Stale;
            }

            if (PlanTransition(plan.State, s.Op) is not { } t)
            {
                return NotInState;
            }

            if (!t.Roles.Contains(role))
            {
                return RoleMayNot;
            }

            return s.Op switch
            {
                // The ledger is complete when every fed-back problem has its line filled in (过筛式审核 screens nothing less).
                Op.SubmitPlan or Op.AcceptPlan when plan.Lines.Values.Any(l => l is null) => GuardsUnmet,
                Op.EditLine when s.Days < 0 || s.Days > LongestDays[s.Kind] => new Refusal(ErrorKind.Validation, "ledger.deadline-out-of-limits"),
                Op.EditLine when !plan.Lines.ContainsKey(problem.Id) => NotFound,
                _ => null,
            };
        }

        // A finding before feedback is the inspection side's: to anyone else it does not exist.
        if (problem.State == ProblemStates.Registered && !SeeUnfedBack.Contains(role))
        {
            return NotFound;
        }

        if (s.Version == VersionSent.Stale)
        {
            return Stale;
        }

        if (ProblemTransition(problem.State, s.Op) is not { } transition)
        {
            return NotInState;
        }

        if (!transition.Roles.Contains(role))
        {
            return RoleMayNot;
        }

        var guardsHold = s.Op switch
        {
            // Evidence with a report made since the problem (re)entered rectification.
            Op.SubmitForReview => problem.ReportsSinceStart > 0 && problem.LatestHasEvidence,
            // A party signs once per review, and only a party this problem needs.
            Op.SignOff or Op.RejectReview => problem.Required.Contains(role) && !problem.Signed.Contains(role),
            Op.Close => problem.Required.All(problem.Signed.Contains),
            _ => true,
        };
        if (!guardsHold)
        {
            return GuardsUnmet;
        }

        // A reopened problem's new deadline keeps its kind's limit, counted from the reopening (as a ledger line's from the feedback).
        if (s.Op == Op.Reopen && problem.Kind is { } kind && s.Days > LongestDays[kind])
        {
            return new Refusal(ErrorKind.Validation, "ledger.deadline-out-of-limits");
        }

        return s.Op == Op.FeedBackProblem && w.Plan?.State == "Accepted" ? new Refusal(ErrorKind.RuleBroken, "plan.already-accepted") : null;
    }

    private void Apply(World w, Step s)
    {
        var problem = w.Problems[s.Problem];
        var today = Host.Clock.Today;
        switch (s.Op)
        {
            case Op.FeedBackInspection:
                foreach (var p in w.Problems.Where(p => p.State == ProblemStates.Registered))
                {
                    FeedBack(w, p);
                }

                break;
            case Op.FeedBackProblem:
                FeedBack(w, problem);
                break;
            case Op.EditLine:
                w.Plan!.Lines[problem.Id] = new Line(s.Kind, today.AddDays(s.Days));
                w.Plan.Version++;
                break;
            case Op.SubmitPlan:
                w.Plan!.State = "Submitted";
                w.Plan.Version++;
                break;
            case Op.ReturnPlan:
                w.Plan!.State = "Returned";
                w.Plan.Version++;
                break;
            case Op.AcceptPlan:
                w.Plan!.State = "Accepted";
                w.Plan.Version++;
                // Every covered problem enters rectification on its line's terms; reports made before do not count for review.
                foreach (var p in w.Problems.Where(p => w.Plan.Lines.ContainsKey(p.Id) && p.State == ProblemStates.FedBack))
                {
                    p.State = ProblemStates.Rectifying;
                    p.Kind = w.Plan.Lines[p.Id]!.Kind;
                    p.Deadline = w.Plan.Lines[p.Id]!.Deadline;
                    p.ReportsSinceStart = 0;
                    p.Version++;
                }

                break;
            case Op.ReportProgress:
                problem.Reports++;
                problem.ReportsSinceStart++;
                problem.LatestHasEvidence = s.Flag;
                problem.Version++;
                break;
            case Op.SubmitForReview:
                problem.State = ProblemStates.UnderReview;
                problem.Signed.Clear();
                problem.Version++;
                break;
            case Op.SignOff:
                problem.Signed.Add(s.Actor.Role);
                problem.Version++;
                break;
            case Op.RejectReview:
                problem.State = ProblemStates.Rectifying;
                problem.ReportsSinceStart = 0;
                problem.Version++;
                break;
            case Op.Close:
                problem.State = ProblemStates.Closed;
                problem.Version++;
                break;
            case Op.Reopen:
                problem.State = ProblemStates.Rectifying;
                problem.Deadline = today.AddDays(s.Days);
                problem.ReopenCount++;
                problem.ReportsSinceStart = 0;
                problem.Version++;
                break;
        }
    }

    /// <summary>Feedback opens the plan (version 0) with an empty line per problem, or adds the line to the plan already open.</summary>
    private static void FeedBack(World w, ProblemModel p)
    {
        p.State = ProblemStates.FedBack;
        p.Version++;
        w.Plan ??= new PlanModel();
        w.Plan.Lines.TryAdd(p.Id, null);
    }

    private static World Clone(World w)
    {
        var copy = new World(w.Unit, w.Inspection, w.Problems.Select(p =>
        {
            var c = new ProblemModel(p.Id, p.Severity)
            {
                State = p.State, Version = p.Version, Reports = p.Reports, ReportsSinceStart = p.ReportsSinceStart, LatestHasEvidence = p.LatestHasEvidence,
                Kind = p.Kind, Deadline = p.Deadline, ReopenCount = p.ReopenCount,
            };
            c.Signed.UnionWith(p.Signed);
            return c;
        }).ToList());
        if (w.Plan is { } plan)
        {
            copy.Plan = new PlanModel { Id = plan.Id, State = plan.State, Version = plan.Version };
            foreach (var (k, v) in plan.Lines)
            {
                copy.Plan.Lines[k] = v;
            }
        }

        return copy;
    }

    /// <summary>The database after the step, field by field against the model; null when they agree.</summary>
    private async Task<string?> Compare(World w)
    {
        var (problems, plans) = await Host.Query(async db => (
            await db.Problems.AsNoTracking().Where(p => p.InspectionId == w.Inspection).Select(p => new
            {
                p.Id, p.State, p.Version, p.Kind, p.Deadline, p.ReopenCount, Reports = p.Progress.Count(),
                Signed = p.SignOffs.Where(x => x.ReviewRound == p.ReviewRound && x.Approved).Select(x => x.Party).ToList(),
            }).ToListAsync(),
            await db.Plans.AsNoTracking().Where(p => p.InspectionId == w.Inspection).Select(p => new
            {
                p.Id, p.State, p.Version, Lines = p.Lines.Select(l => new { l.ProblemId, l.Kind, l.Deadline }).ToList(),
            }).ToListAsync()));

        foreach (var model in w.Problems)
        {
            var row = problems.Single(p => p.Id == model.Id);
            var expected = $"{model.State} v{model.Version} {model.Kind} {model.Deadline} reopened {model.ReopenCount} reports {model.Reports} signed [{string.Join(",", model.Signed.Order())}]";
            var actual = $"{row.State} v{row.Version} {row.Kind} {row.Deadline} reopened {row.ReopenCount} reports {row.Reports} signed [{string.Join(",", row.Signed.Order())}]";
            if (expected != actual)
            {
                return $"problem {w.Problems.IndexOf(model)}: model {expected}, database {actual}";
            }
        }

        if (w.Plan is null)
        {
            return plans.Count == 0 ? null : "a plan the model did not open";
        }

        if (plans.Count != 1)
        {
            return $"{plans.Count} plans, the model has one";
        }

        var plan = plans[0];
        w.Plan.Id = plan.Id;
        var modelPlan = $"{w.Plan.State} v{w.Plan.Version} " + string.Join("; ", w.Plan.Lines.OrderBy(l => l.Key).Select(l => $"{l.Key}: {l.Value?.Kind} {l.Value?.Deadline}"));
        var dbPlan = $"{plan.State} v{plan.Version} " + string.Join("; ", plan.Lines.OrderBy(l => l.ProblemId).Select(l => $"{l.ProblemId}: {l.Kind} {l.Deadline}"));
        return modelPlan == dbPlan ? null : $"plan: model {modelPlan}, database {dbPlan}";
    }
}
