using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Clues;
using Rectification.Application.CommonProblems;
using Rectification.Application.Inspections;
using Rectification.Application.Organization;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Application.Statistics;
using Rectification.Domain.Clues;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;
using Rectification.Infrastructure;
using DomainUnit = Rectification.Domain.Organization.Unit;
using TargetKind = Rectification.Application.Messaging.TargetKind;

namespace Rectification.Integration.Tests;

/// <summary>
/// Every API endpoint the host maps × every role × an object in the caller's own unit, in another unit, and in a unit below
/// the caller's (the caller sits in the parent): allowed past authorization, refused (403), or answered exactly like a
/// missing object (404 not-found), as the table says. An endpoint without a row fails the test, so none escapes the matrix.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AuthorizationMatrixTests(DatabaseProvider provider) : HostTest(provider)
{
    /// <summary>Where the object lies relative to the caller: own unit (B1 user, B1 object), another unit (B1 user, H1 object), parent (D1 user, B1 object).</summary>
    public enum Scope { Own, Other, Parent }

    public enum Outcome { Allowed, Forbidden, NotFound }

    /// <summary>Unit: the request acts on an object (or names a unit) that must lie in the caller's unit or below. None: it does not.</summary>
    public enum Target { None, Unit }

    /// <summary>Which check answers first: the role (an [AllowedRoles] attribute, an endpoint policy), or the unit scope (then the lifecycle's or handler's role rule).</summary>
    public enum Gate { RoleFirst, ScopeFirst }

    /// <param name="OneShot">An allowed call moves the object on for good, so every allowed case gets an object of its own.</param>
    /// <param name="SeenBy">The object is confidential (workflows/visibility.yaml): only these roles see it, even in their own unit; to the
    /// others it answers like a missing one.</param>
    public sealed record Expectation(string Method, string Pattern, IReadOnlyList<Role> Roles, Target Target, Gate Gate = Gate.RoleFirst, bool OneShot = false,
        IReadOnlyList<Role>? SeenBy = null)
    {
        public string Key => $"{Method} {Pattern}";

        public Outcome Expect(Role role, Scope scope)
        {
            var roleOk = Roles.Contains(role);
            var scopeOk = Target == Target.None || (scope != Scope.Other && (SeenBy is null || SeenBy.Contains(role)));
            return Gate == Gate.RoleFirst
                ? !roleOk ? Outcome.Forbidden : !scopeOk ? Outcome.NotFound : Outcome.Allowed
                : !scopeOk ? Outcome.NotFound : !roleOk ? Outcome.Forbidden : Outcome.Allowed;
        }
    }

    private static readonly Role[] Everyone = [.. ApiSurface.Roles];
    private static readonly Role[] Admin = [Role.Administrator];
    private static readonly Role[] UnitSide = [Role.UnitLiaison, Role.UnitLeader];
    private static readonly Role[] Inspectors = [Role.InspectionOffice, Role.InspectionGroup];
    private static readonly Role[] Screeners = [Role.DisciplineCommission, Role.OrganizationDepartment, Role.InspectionOffice];
    private static readonly Role[] Signers = [Role.UnitLeader, Role.DisciplineCommission, Role.OrganizationDepartment, Role.InspectionOffice];
    private static readonly Role[] Discipline = [Role.DisciplineCommission];
    // Written by hand from workflows/visibility.yaml: who sees a clue sheet, and a problem before its feedback.
    private static readonly Role[] ClueReaders = [Role.DisciplineCommission, Role.InspectionOffice, Role.InspectionGroup];
    private static readonly Role[] FindingReaders =
        [Role.InspectionOffice, Role.InspectionGroup, Role.DisciplineCommission, Role.OrganizationDepartment, Role.Leadership];
    // Written by hand from [AllowedRoles] of ListReportSnapshots and GetReportSnapshot: every role but the unit's own.
    private static readonly Role[] StatisticsReaders =
        [Role.InspectionOffice, Role.InspectionGroup, Role.DisciplineCommission, Role.OrganizationDepartment, Role.Leadership, Role.Administrator];
    private static readonly Role[] Scorers = [Role.UnitLeader, Role.InspectionOffice, Role.InspectionGroup, Role.DisciplineCommission, Role.OrganizationDepartment, Role.Leadership];

    /// <summary>The expectations, as data. Lifecycle triggers take their roles from workflows/*.yaml; the rest from [AllowedRoles] or the endpoint.</summary>
    public static readonly IReadOnlyList<Expectation> Table =
    [
        new("GET", "/api/me", Everyone, Target.None),
        new("GET", "/api/units", Everyone, Target.None),
        new("POST", "/api/units", Admin, Target.Unit),
        new("POST", "/api/units/{id:guid}/rename", Admin, Target.Unit),
        new("POST", "/api/units/{id:guid}/move", Admin, Target.Unit, OneShot: true),
        new("POST", "/api/units/{id:guid}/deactivate", Admin, Target.Unit, OneShot: true),
        new("GET", "/api/rounds", Everyone, Target.None),
        new("POST", "/api/rounds", [Role.InspectionOffice, Role.Administrator], Target.None),
        new("GET", "/api/inspections", Everyone, Target.None),
        new("POST", "/api/inspections", [Role.InspectionOffice], Target.Unit),
        new("GET", "/api/inspections/{id:guid}", Everyone, Target.Unit),
        new("POST", "/api/inspections/{id:guid}/problems", Inspectors, Target.Unit),
        new("POST", "/api/inspections/{id:guid}/feedback", Inspectors, Target.Unit),
        new("GET", "/api/inspections/{id:guid}/plan", Everyone, Target.Unit),
        new("POST", "/api/inspections/{id:guid}/clues", Inspectors, Target.Unit),
        new("GET", "/api/inspections/{id:guid}/evaluation", Everyone, Target.Unit),
        new("POST", "/api/inspections/{id:guid}/evaluation/scores", Scorers, Target.Unit, Gate.ScopeFirst),
        new("GET", "/api/evaluations", [Role.InspectionOffice, Role.DisciplineCommission, Role.OrganizationDepartment, Role.Leadership], Target.None),
        new("GET", "/api/problems", Everyone, Target.None),
        new("GET", "/api/problems/export.xlsx", Everyone, Target.None),
        new("GET", "/api/problems/{id:guid}", Everyone, Target.Unit),
        new("GET", "/api/problems/{id:guid}/audit", Everyone, Target.Unit),
        new("GET", "/api/problems/{id:guid}/write-off", Everyone, Target.Unit),
        new("POST", "/api/problems/{id:guid}/feedback", Inspectors, Target.Unit, Gate.ScopeFirst, OneShot: true, SeenBy: FindingReaders),
        new("POST", "/api/problems/{id:guid}/progress", UnitSide, Target.Unit, Gate.ScopeFirst),
        new("POST", "/api/problems/{id:guid}/submit-for-review", UnitSide, Target.Unit, Gate.ScopeFirst),
        new("POST", "/api/problems/{id:guid}/sign-off", Signers, Target.Unit, Gate.ScopeFirst),
        new("POST", "/api/problems/{id:guid}/close", [Role.InspectionOffice], Target.Unit, Gate.ScopeFirst),
        new("POST", "/api/problems/{id:guid}/reopen", Inspectors, Target.Unit, Gate.ScopeFirst, OneShot: true),
        new("PUT", "/api/plans/{id:guid}/lines/{problemId:guid}", UnitSide, Target.Unit, Gate.ScopeFirst),
        new("POST", "/api/plans/{id:guid}/submit", UnitSide, Target.Unit, Gate.ScopeFirst),
        new("POST", "/api/plans/{id:guid}/accept", Screeners, Target.Unit, Gate.ScopeFirst, OneShot: true),
        new("POST", "/api/plans/{id:guid}/return", Screeners, Target.Unit, Gate.ScopeFirst, OneShot: true),
        new("GET", "/api/plans/{id:guid}/audit", Everyone, Target.Unit),
        new("GET", "/api/plans/{id:guid}/diff", Everyone, Target.Unit),
        new("GET", "/api/clues", Everyone, Target.None),
        new("GET", "/api/clues/{id:guid}", Everyone, Target.Unit, SeenBy: ClueReaders),
        new("GET", "/api/clues/{id:guid}/handover-sheet", Everyone, Target.Unit, SeenBy: ClueReaders),
        // The monthly figures: the roles that see sheets, and leaders, who read clue figures but no sheet (visibility.yaml counts).
        new("GET", "/api/clues/report", [.. ClueReaders, Role.Leadership], Target.None),
        new("POST", "/api/clues/{id:guid}/accept", Discipline, Target.Unit, Gate.ScopeFirst, OneShot: true, SeenBy: ClueReaders),
        new("POST", "/api/clues/{id:guid}/start-investigation", Discipline, Target.Unit, Gate.ScopeFirst, OneShot: true, SeenBy: ClueReaders),
        new("POST", "/api/clues/{id:guid}/conclude", Discipline, Target.Unit, Gate.ScopeFirst, OneShot: true, SeenBy: ClueReaders),
        new("GET", "/api/clues/{id:guid}/audit", Everyone, Target.Unit, SeenBy: ClueReaders),
        new("GET", "/api/lifecycles", Everyone, Target.None),
        new("GET", "/api/lifecycles/{name}/{version:int}/diagram", Everyone, Target.None),
        new("GET", "/api/extensions", Everyone, Target.None),
        new("POST", "/api/extensions", [Role.UnitLiaison, Role.UnitLeader, Role.DisciplineCommission], Target.Unit),
        new("POST", "/api/extensions/{id:guid}/decide", [Role.InspectionOffice, Role.DisciplineCommission], Target.Unit),
        new("GET", "/api/tasks", Everyone, Target.None),
        new("POST", "/api/tasks/{id:guid}/complete", [Role.InspectionOffice, Role.DisciplineCommission, Role.UnitLeader], Target.Unit),
        new("POST", "/api/me/deputies", Everyone, Target.Unit),
        new("GET", "/api/me/deputies", Everyone, Target.None),
        new("GET", "/api/admin/outbox", Admin, Target.None),
        new("POST", "/api/admin/outbox/retry-failed", Admin, Target.None),
        new("GET", "/api/admin/audit/verify", Admin, Target.None),
        new("GET", "/api/admin/audit/digest", Admin, Target.None),
        new("GET", "/api/inspections/{id:guid}/feedback-letter", Everyone, Target.Unit),
        new("GET", "/api/inspections/{id:guid}/status-report", Everyone, Target.Unit),
        new("POST", "/api/problems/{id:guid}/evidence", UnitSide, Target.Unit),
        new("GET", "/api/problems/{id:guid}/evidence", Everyone, Target.Unit),
        new("GET", "/api/evidence/{id:guid}", Everyone, Target.Unit),
        new("GET", "/api/statistics", Everyone, Target.Unit),
        new("GET", "/api/statistics/by-unit", Everyone, Target.Unit),
        new("GET", "/api/statistics/upward", Everyone, Target.Unit),
        // A bulk request answers 200 with each item's own outcome (its 403 or 404 inside), whoever sends it.
        new("POST", "/api/problems/bulk/sign-off", Everyone, Target.None),
        new("POST", "/api/problems/bulk/close", Everyone, Target.None),
        new("POST", "/api/receipts/bulk/acknowledge", Everyone, Target.None),
        new("GET", "/api/statistics/upward/export.xlsx", Everyone, Target.Unit),
        new("GET", "/api/statistics/upward/snapshots/{id:guid}/export.xlsx", StatisticsReaders, Target.Unit),
        new("GET", "/api/statistics/upward/snapshots", StatisticsReaders, Target.None),
        new("GET", "/api/statistics/upward/snapshots/{id:guid}", StatisticsReaders, Target.Unit),
        new("POST", "/api/statistics/upward/snapshots", [Role.InspectionOffice], Target.Unit),
        new("GET", "/api/dashboard/completion", Everyone, Target.None),
        new("GET", "/api/dashboard/overdue-steps", Everyone, Target.None),
        new("GET", "/api/dashboard/lights", Everyone, Target.None),
        // Clue figures: the roles that see sheets, and leaders, who read the figures (visibility.yaml counts); a unit's roles never.
        new("GET", "/api/dashboard/clue-ages", [.. ClueReaders, Role.Leadership], Target.None),
        new("GET", "/api/dashboard/trend", Everyone, Target.None),
        new("GET", "/api/dashboard/reopen", Everyone, Target.None),
        new("GET", "/api/dashboard/next-deadlines", Everyone, Target.None),
        new("GET", "/api/dashboard/ledger", Everyone, Target.None),
        new("GET", "/api/account/antiforgery", Everyone, Target.None),
        new("POST", "/api/account/sign-out", Everyone, Target.None),
        // Nobody in the matrix has a local password: the change is refused past authorization (409 account.no-password).
        new("POST", "/api/account/password", Everyone, Target.None),
        new("GET", "/api/receipts", Everyone, Target.None),
        // The receiving roles depend on the receipt's kind (workflows/reminders.yaml), so the scope answers first.
        new("POST", "/api/receipts/{id:guid}/acknowledge", UnitSide, Target.Unit, Gate.ScopeFirst),
        new("POST", "/api/plans/{id:guid}/lines/{problemId:guid}/changes", UnitSide, Target.Unit),
        new("GET", "/api/plans/{id:guid}/line-changes", Everyone, Target.Unit),
        new("POST", "/api/line-changes/{id:guid}/decide", Screeners, Target.Unit),
        new("POST", "/api/problems/{id:guid}/push-as-common", Inspectors, Target.Unit),
        new("GET", "/api/common-problems/{id:guid}", Everyone, Target.Unit),
        new("GET", "/api/self-checks", Everyone, Target.None),
        new("POST", "/api/self-checks/{id:guid}/not-present", UnitSide, Target.Unit),
        new("POST", "/api/self-checks/{id:guid}/open-problem", UnitSide, Target.Unit),
        // Account administration: the accounts of the administrator's unit and below; another unit's answers like a missing one.
        new("GET", "/api/admin/accounts", Admin, Target.None),
        new("POST", "/api/admin/accounts", Admin, Target.Unit),
        new("POST", "/api/admin/accounts/{id:guid}/unlock", Admin, Target.Unit),
        new("POST", "/api/admin/accounts/{id:guid}/password", Admin, Target.Unit),
        new("POST", "/api/admin/accounts/{id:guid}/disable", Admin, Target.Unit),
        new("POST", "/api/admin/accounts/{id:guid}/enable", Admin, Target.Unit),
    ];

    /// <summary>
    /// The only endpoints open without sign-in: where a password is exchanged for a token or a cookie. Anonymous, they must answer
    /// the credentials (401 account.sign-in-failed for wrong ones), never "sign in first".
    /// </summary>
    public static readonly IReadOnlyList<string> AnonymousEndpoints = ["POST /api/account/token", "POST /api/account/sign-in"];

    /// <summary>
    /// Endpoints that answer across units by design, so a 2xx body may name another unit's objects: the mail queue is the
    /// administrators' whole-system view. (See the report: a unit-level administrator sees every unit's mail.)
    /// </summary>
    private static readonly HashSet<string> GlobalByDesign = ["GET /api/admin/outbox"];

    private enum Kind
    {
        Inspection, InspectionWithProblem, RegisteredProblem, RectifyingProblem, UnderReviewProblem, ClosedProblem,
        DraftingPlan, SubmittedPlan, HandedOverClue, AcceptedClue, InvestigatedClue, Extension, Task, EvidenceFile,
        FeedbackReceipt, LineChange, Push, SelfCheck, Account, Unit, ReportSnapshot,
    }

    /// <summary>What a factory made: the object and its neighbours the requests need.</summary>
    private sealed record Made(Guid Id, Guid InspectionId, Guid PlanId, Guid ProblemId, DateOnly Deadline)
    {
        public static Made Random() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 6, 30));

        public IEnumerable<Guid> Ids => new[] { Id, InspectionId, PlanId, ProblemId }.Where(g => g != Guid.Empty);
    }

    /// <param name="Content">A body other than JSON (a multipart upload), made afresh for each send.</param>
    private sealed record Request(string Path, object? Body = null, Func<HttpContent>? Content = null);

    /// <summary>One case: a row, a role, a scope; Missing replaces every identifier by a random one.</summary>
    private sealed class Case(AuthorizationMatrixTests fixture, Expectation row, Role role, Scope scope, bool missing)
    {
        public Expectation Row => row;
        public Role Role => role;
        public Scope Scope => scope;
        public bool Missing => missing;
        public Outcome Expected => row.Expect(role, scope);
        public DomainUnit CallerUnit => scope == Scope.Parent ? fixture.Org.District1 : fixture.Org.Bureau;
        public DomainUnit Unit => scope == Scope.Other ? fixture.Org.Hospital : fixture.Org.Bureau;
        public string User => ApiSurface.UserName(CallerUnit, role);
        public Guid UnitId => missing ? Guid.NewGuid() : Unit.Id;

        public Task<Made> Obj(Kind kind) => missing ? Task.FromResult(Made.Random()) : fixture.Obtain(this, kind);

        public Task<Guid> Deputy() => missing ? Task.FromResult(Guid.NewGuid()) : fixture.DeputyFor(this);

        public Task<Guid> Round() => fixture.SharedRound();

        public int Next() => Interlocked.Increment(ref fixture.counter);

        public override string ToString() => $"{row.Key} as {User} ({role}) on {(missing ? "a random id" : Unit.Code)} [{scope}]";
    }

    private int counter;
    private readonly ConcurrentDictionary<(string Row, Kind Kind, Guid Unit), Lazy<Task<Made>>> shared = [];
    private readonly ConcurrentDictionary<string, bool> sharedTaken = [];
    private readonly ConcurrentBag<Guid> foreignIds = [];
    private Lazy<Task<Guid>> round = null!;

    private static readonly Dictionary<string, Func<Case, Task<Request>>> Requests = new()
    {
        ["GET /api/me"] = c => Get("/api/me"),
        ["GET /api/units"] = c => Get("/api/units"),
        ["POST /api/units"] = c => Task.FromResult(new Request("/api/units", new { parentId = c.UnitId, code = $"M{c.Next()}", name = "矩阵单位", level = "Bureau" })),
        ["POST /api/units/{id:guid}/rename"] = async c => new Request($"/api/units/{(await c.Obj(Kind.Unit)).Id}/rename", new { name = $"矩阵更名{c.Next()}" }),
        // The unit made for the row lies two levels below the object's unit and moves up to that unit itself.
        ["POST /api/units/{id:guid}/move"] = async c => new Request($"/api/units/{(await c.Obj(Kind.Unit)).Id}/move", new { parentId = c.UnitId }),
        ["POST /api/units/{id:guid}/deactivate"] = async c => new Request($"/api/units/{(await c.Obj(Kind.Unit)).Id}/deactivate"),
        ["GET /api/rounds"] = c => Get("/api/rounds"),
        ["GET /api/evaluations"] = c => Get("/api/evaluations"),
        ["POST /api/rounds"] = c => Task.FromResult(new Request("/api/rounds", new { name = "矩阵轮次", year = 2027, number = c.Next() })),
        ["GET /api/inspections"] = c => Get($"/api/inspections?unitId={c.UnitId}"),
        ["POST /api/inspections"] = async c => new Request("/api/inspections", new
        {
            roundId = await c.Round(), unitId = c.UnitId, kind = "Regular", groupName = "矩阵巡察组", startDate = "2026-01-05", endDate = "2026-02-28",
        }),
        ["GET /api/inspections/{id:guid}"] = async c => new Request($"/api/inspections/{(await c.Obj(Kind.Inspection)).Id}"),
        ["POST /api/inspections/{id:guid}/problems"] = async c => new Request($"/api/inspections/{(await c.Obj(Kind.Inspection)).Id}/problems", new
        {
            title = "矩阵问题", description = "描述", category = "党的领导", severity = "General", facts = "事实", basis = "依据", processRecord = "过程",
        }),
        ["POST /api/inspections/{id:guid}/feedback"] = async c => new Request($"/api/inspections/{(await c.Obj(Kind.InspectionWithProblem)).Id}/feedback"),
        ["GET /api/inspections/{id:guid}/plan"] = async c => new Request($"/api/inspections/{(await c.Obj(Kind.RectifyingProblem)).InspectionId}/plan"),
        ["POST /api/inspections/{id:guid}/clues"] = async c => new Request($"/api/inspections/{(await c.Obj(Kind.Inspection)).Id}/clues", new { summary = "矩阵线索", colour = "Yellow" }),
        ["GET /api/inspections/{id:guid}/evaluation"] = async c => new Request($"/api/inspections/{(await c.Obj(Kind.Inspection)).Id}/evaluation"),
        ["POST /api/inspections/{id:guid}/evaluation/scores"] = async c => new Request($"/api/inspections/{(await c.Obj(Kind.Inspection)).Id}/evaluation/scores",
            new { source = EvaluationSourceFor(c.Role), score = 85, comment = "矩阵评分" }),
        ["GET /api/problems/export.xlsx"] = async c => new Request($"/api/problems/export.xlsx?inspectionId={(await c.Obj(Kind.RectifyingProblem)).InspectionId}"),
        ["GET /api/problems"] = async c => new Request($"/api/problems?inspectionId={(await c.Obj(Kind.RectifyingProblem)).InspectionId}"),
        ["GET /api/problems/{id:guid}"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.RectifyingProblem)).Id}"),
        ["GET /api/problems/{id:guid}/audit"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.RectifyingProblem)).Id}/audit"),
        ["GET /api/problems/{id:guid}/write-off"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.ClosedProblem)).Id}/write-off"),
        ["POST /api/problems/{id:guid}/feedback"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.RegisteredProblem)).Id}/feedback", new { }),
        ["POST /api/problems/{id:guid}/progress"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.RectifyingProblem)).Id}/progress", new { text = "已整改一半", percent = 50 }),
        ["POST /api/problems/{id:guid}/submit-for-review"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.RectifyingProblem)).Id}/submit-for-review", new { }),
        ["POST /api/problems/{id:guid}/sign-off"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.UnderReviewProblem)).Id}/sign-off", new { approve = true, comment = "同意" }),
        ["POST /api/problems/{id:guid}/close"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.UnderReviewProblem)).Id}/close", new { }),
        ["POST /api/problems/{id:guid}/reopen"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.ClosedProblem)).Id}/reopen",
            new { reason = "回头看发现反弹", newDeadline = "2026-08-28" }),
        ["PUT /api/plans/{id:guid}/lines/{problemId:guid}"] = async c =>
        {
            var plan = await c.Obj(Kind.DraftingPlan);
            return new Request($"/api/plans/{plan.PlanId}/lines/{plan.ProblemId}", new
            {
                measures = "修订制度", responsibleLeader = "王局长", responsibleDepartment = "办公室", kind = "TimeLimited", deadline = "2026-05-30",
            });
        },
        ["POST /api/plans/{id:guid}/submit"] = async c => new Request($"/api/plans/{(await c.Obj(Kind.DraftingPlan)).PlanId}/submit", new { }),
        ["POST /api/plans/{id:guid}/accept"] = async c => new Request($"/api/plans/{(await c.Obj(Kind.SubmittedPlan)).PlanId}/accept", new { comment = "同意" }),
        ["POST /api/plans/{id:guid}/return"] = async c => new Request($"/api/plans/{(await c.Obj(Kind.SubmittedPlan)).PlanId}/return", new { comment = "措施不具体" }),
        ["GET /api/plans/{id:guid}/audit"] = async c => new Request($"/api/plans/{(await c.Obj(Kind.RectifyingProblem)).PlanId}/audit"),
        ["GET /api/plans/{id:guid}/diff"] = async c => new Request($"/api/plans/{(await c.Obj(Kind.RectifyingProblem)).PlanId}/diff?from=1&to=1"),
        ["GET /api/clues"] = async c => new Request($"/api/clues?inspectionId={(await c.Obj(Kind.HandedOverClue)).InspectionId}"),
        ["GET /api/clues/{id:guid}"] = async c => new Request($"/api/clues/{(await c.Obj(Kind.HandedOverClue)).Id}"),
        ["GET /api/clues/{id:guid}/handover-sheet"] = async c => new Request($"/api/clues/{(await c.Obj(Kind.HandedOverClue)).Id}/handover-sheet"),
        ["GET /api/clues/report"] = c => Get("/api/clues/report?month=2026-11"),
        ["POST /api/clues/{id:guid}/accept"] = async c => new Request($"/api/clues/{(await c.Obj(Kind.HandedOverClue)).Id}/accept", new { }),
        ["POST /api/clues/{id:guid}/start-investigation"] = async c => new Request($"/api/clues/{(await c.Obj(Kind.AcceptedClue)).Id}/start-investigation", new { }),
        ["POST /api/clues/{id:guid}/conclude"] = async c => new Request($"/api/clues/{(await c.Obj(Kind.InvestigatedClue)).Id}/conclude", new
        {
            summary = "经核查部分属实", casesFiled = 1, peopleDisciplined = 1, transferredToJudicial = 0, moneyRecovered = 12000.5m,
        }),
        ["GET /api/clues/{id:guid}/audit"] = async c => new Request($"/api/clues/{(await c.Obj(Kind.HandedOverClue)).Id}/audit"),
        ["GET /api/lifecycles"] = c => Get("/api/lifecycles"),
        ["GET /api/lifecycles/{name}/{version:int}/diagram"] = c => Get("/api/lifecycles/problem/1/diagram?format=dot"),
        ["GET /api/extensions"] = c => Get("/api/extensions"),
        ["POST /api/extensions"] = async c =>
        {
            var problem = await c.Obj(Kind.RectifyingProblem);
            return new Request("/api/extensions", new { kind = "Problem", caseId = problem.Id, newDeadline = problem.Deadline.AddDays(30).ToString("yyyy-MM-dd"), reason = "跨部门协调" });
        },
        ["POST /api/extensions/{id:guid}/decide"] = async c => new Request($"/api/extensions/{(await c.Obj(Kind.Extension)).Id}/decide", new { approve = true, comment = "同意" }),
        ["GET /api/tasks"] = c => Get("/api/tasks"),
        ["POST /api/tasks/{id:guid}/complete"] = async c => new Request($"/api/tasks/{(await c.Obj(Kind.Task)).Id}/complete", new { record = "已开展提醒谈话" }),
        ["GET /api/me/deputies"] = c => Get("/api/me/deputies"),
        ["POST /api/me/deputies"] = async c => new Request("/api/me/deputies", new { deputyUserId = await c.Deputy(), from = "2031-01-01", to = "2031-01-10", reason = "出差" }),
        ["GET /api/admin/outbox"] = c => Get("/api/admin/outbox"),
        ["POST /api/admin/outbox/retry-failed"] = c => Task.FromResult(new Request("/api/admin/outbox/retry-failed", new { })),
        ["GET /api/admin/audit/verify"] = c => Get("/api/admin/audit/verify"),
        ["GET /api/admin/audit/digest"] = c => Get("/api/admin/audit/digest"),
        ["GET /api/inspections/{id:guid}/feedback-letter"] = async c => new Request($"/api/inspections/{(await c.Obj(Kind.RectifyingProblem)).InspectionId}/feedback-letter"),
        ["GET /api/inspections/{id:guid}/status-report"] = async c => new Request($"/api/inspections/{(await c.Obj(Kind.RectifyingProblem)).InspectionId}/status-report?format=docx"),
        ["POST /api/problems/{id:guid}/evidence"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.RectifyingProblem)).Id}/evidence",
            Content: () => EvidenceTests.Upload("整改报告.pdf", EvidenceTests.PdfBytes(c.Next()))),
        ["GET /api/problems/{id:guid}/evidence"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.EvidenceFile)).ProblemId}/evidence"),
        ["GET /api/evidence/{id:guid}"] = async c => new Request($"/api/evidence/{(await c.Obj(Kind.EvidenceFile)).Id}"),
        ["GET /api/statistics"] = c => Get($"/api/statistics?unitId={c.UnitId}"),
        ["GET /api/statistics/by-unit"] = c => Get($"/api/statistics/by-unit?parentId={c.UnitId}"),
        ["POST /api/problems/bulk/sign-off"] = c => Task.FromResult(new Request("/api/problems/bulk/sign-off", new { items = new[] { new { problemId = Guid.NewGuid(), approve = true } } })),
        ["POST /api/problems/bulk/close"] = c => Task.FromResult(new Request("/api/problems/bulk/close", new { items = new[] { new { problemId = Guid.NewGuid() } } })),
        ["POST /api/receipts/bulk/acknowledge"] = c => Task.FromResult(new Request("/api/receipts/bulk/acknowledge", new { receiptIds = new[] { Guid.NewGuid() } })),
        ["GET /api/statistics/upward"] = c => Get($"/api/statistics/upward?unitId={c.UnitId}"),
        ["GET /api/statistics/upward/export.xlsx"] = c => Get($"/api/statistics/upward/export.xlsx?unitId={c.UnitId}"),
        ["GET /api/statistics/upward/snapshots/{id:guid}/export.xlsx"] = async c =>
            new Request($"/api/statistics/upward/snapshots/{(await c.Obj(Kind.ReportSnapshot)).Id}/export.xlsx"),
        ["GET /api/statistics/upward/snapshots"] = c => Get("/api/statistics/upward/snapshots"),
        ["GET /api/statistics/upward/snapshots/{id:guid}"] = async c => new Request($"/api/statistics/upward/snapshots/{(await c.Obj(Kind.ReportSnapshot)).Id}"),
        ["POST /api/statistics/upward/snapshots"] = c => Task.FromResult(new Request("/api/statistics/upward/snapshots", new { title = "矩阵报送", filter = new { unitId = c.UnitId } })),
        ["GET /api/dashboard/completion"] = c => Get("/api/dashboard/completion"),
        ["GET /api/dashboard/overdue-steps"] = c => Get("/api/dashboard/overdue-steps"),
        ["GET /api/dashboard/lights"] = c => Get("/api/dashboard/lights"),
        ["GET /api/dashboard/clue-ages"] = c => Get("/api/dashboard/clue-ages"),
        ["GET /api/dashboard/trend"] = c => Get("/api/dashboard/trend"),
        ["GET /api/dashboard/reopen"] = c => Get("/api/dashboard/reopen"),
        ["GET /api/dashboard/next-deadlines"] = c => Get("/api/dashboard/next-deadlines"),
        ["GET /api/dashboard/ledger"] = c => Get("/api/dashboard/ledger?overdue=true&step=none"),
        ["GET /api/account/antiforgery"] = c => Get("/api/account/antiforgery"),
        ["POST /api/account/sign-out"] = c => Task.FromResult(new Request("/api/account/sign-out")),
        ["POST /api/account/password"] = c => Task.FromResult(new Request("/api/account/password", new { currentPassword = "Not-The-Password-1", newPassword = "Another-Password-2" })),
        ["POST /api/account/token"] = c => Task.FromResult(new Request("/api/account/token", new { userName = "matrix-nobody", password = "Wrong-Password-1" })),
        ["POST /api/account/sign-in"] = c => Task.FromResult(new Request("/api/account/sign-in", new { userName = "matrix-nobody", password = "Wrong-Password-1" })),
        ["GET /api/receipts"] = c => Get("/api/receipts"),
        ["POST /api/receipts/{id:guid}/acknowledge"] = async c => new Request($"/api/receipts/{(await c.Obj(Kind.FeedbackReceipt)).Id}/acknowledge"),
        ["POST /api/plans/{id:guid}/lines/{problemId:guid}/changes"] = async c =>
        {
            var problem = await c.Obj(Kind.RectifyingProblem);
            return new Request($"/api/plans/{problem.PlanId}/lines/{problem.ProblemId}/changes", new
            {
                measures = "调整整改措施", responsibleLeader = "张书记", responsibleDepartment = "办公室", kind = "TimeLimited",
                deadline = problem.Deadline.ToString("yyyy-MM-dd"), reason = "上级部署调整",
            });
        },
        ["GET /api/plans/{id:guid}/line-changes"] = async c => new Request($"/api/plans/{(await c.Obj(Kind.RectifyingProblem)).PlanId}/line-changes"),
        ["POST /api/line-changes/{id:guid}/decide"] = async c => new Request($"/api/line-changes/{(await c.Obj(Kind.LineChange)).Id}/decide", new { accept = true, comment = "同意" }),
        // Pushed below the caller's own unit: from the district it reaches other units, from the bureau itself none (a rule refusal).
        ["POST /api/problems/{id:guid}/push-as-common"] = async c => new Request($"/api/problems/{(await c.Obj(Kind.RectifyingProblem)).Id}/push-as-common", new { note = "矩阵推送" }),
        ["GET /api/common-problems/{id:guid}"] = async c => new Request($"/api/common-problems/{(await c.Obj(Kind.Push)).Id}"),
        ["GET /api/self-checks"] = c => Get("/api/self-checks"),
        ["POST /api/self-checks/{id:guid}/not-present"] = async c => new Request($"/api/self-checks/{(await c.Obj(Kind.SelfCheck)).Id}/not-present", new { statement = "经自查不存在" }),
        ["POST /api/self-checks/{id:guid}/open-problem"] = async c => new Request($"/api/self-checks/{(await c.Obj(Kind.SelfCheck)).Id}/open-problem",
            new { description = "本单位同样存在", facts = "自查记录", severity = "General" }),
        ["GET /api/admin/accounts"] = c => Get("/api/admin/accounts"),
        ["POST /api/admin/accounts"] = c => Task.FromResult(new Request("/api/admin/accounts", new
        {
            userName = $"matrix-new-{c.Next()}", displayName = "矩阵账户", role = "UnitLiaison", email = "matrix@test.local", preferredLanguage = "zh-CN",
            unitId = c.UnitId, password = "Matrix-Password-2026",
        })),
        ["POST /api/admin/accounts/{id:guid}/unlock"] = async c => new Request($"/api/admin/accounts/{(await c.Obj(Kind.Account)).Id}/unlock"),
        ["POST /api/admin/accounts/{id:guid}/password"] = async c => new Request($"/api/admin/accounts/{(await c.Obj(Kind.Account)).Id}/password",
            new { newPassword = "Matrix-Reset-2026" }),
        ["POST /api/admin/accounts/{id:guid}/disable"] = async c => new Request($"/api/admin/accounts/{(await c.Obj(Kind.Account)).Id}/disable"),
        ["POST /api/admin/accounts/{id:guid}/enable"] = async c => new Request($"/api/admin/accounts/{(await c.Obj(Kind.Account)).Id}/enable"),
    };

    private static Task<Request> Get(string path) => Task.FromResult(new Request(path));

    /// <summary>The evaluation source a role may score (workflows/evaluation.yaml), or one it may not when it may score none.</summary>
    private static string EvaluationSourceFor(Role role) => role switch
    {
        Role.UnitLeader => "SelfAssessment",
        Role.InspectionOffice => "PublicSurvey",
        Role.InspectionGroup => "OnSiteVerification",
        Role.DisciplineCommission => "DisciplineCommission",
        Role.OrganizationDepartment => "OrganizationDepartment",
        Role.Leadership => "LeadersInCharge",
        _ => "SelfAssessment",
    };

    [OneTimeSetUp]
    public async Task AddUsersOfEveryRole()
    {
        await ApiSurface.AddRoleUsersAsync(Host, Org.Bureau, Org.District1, Org.Hospital);
        round = new(async () => Ok(await Host.Send<RoundDto>("office", new CreateRound("矩阵共用轮次", 2028, 1))).Id);
    }

    // Every endpoint for every role and scope: about 20 s on the 2-core CI machine.
    [TimeLimit(300)]
    [Test]
    public async Task EveryEndpoint_ForEveryRoleAndScope_AnswersAsTheTableSays()
    {
        var clock = Stopwatch.StartNew();
        var endpoints = ApiSurface.Enumerate(Host.Services);
        var rows = Table.ToDictionary(r => r.Key);
        var unlisted = endpoints.Where(e => !(rows.ContainsKey(e.Key) || AnonymousEndpoints.Contains(e.Key)) || !Requests.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        var stale = rows.Keys.Concat(AnonymousEndpoints).Where(k => endpoints.All(e => e.Key != k)).ToList();
        Assert.That(unlisted, Is.Empty, "API endpoints without an expectation (and a request) in the authorization matrix; add them to Table and Requests");
        Assert.That(stale, Is.Empty, "rows of the authorization matrix for endpoints the host no longer maps");

        var clients = new ApiSurface.Clients(Host);
        var failures = new ConcurrentQueue<string>();
        var cases = (from row in Table from role in ApiSurface.Roles from scope in Enum.GetValues<Scope>() select new Case(this, row, role, scope, missing: false)).ToList();
        var compared = 0;

        // Refusals first: they change nothing, so the objects are still in the state the allowed cases need afterwards.
        // Rows run side by side (each has objects of its own); the cases of one row run in order.
        await ForEachRow(cases.Where(c => c.Expected != Outcome.Allowed), async c =>
        {
            var answer = await Send(clients, c);
            Check(c, answer, failures);
            if (c.Expected == Outcome.NotFound && answer.Status == HttpStatusCode.NotFound)
            {
                var missing = await Send(clients, new Case(this, c.Row, c.Role, c.Scope, missing: true));
                Interlocked.Increment(ref compared);
                var shapeOf = (Answer a) => string.Join(",", (a.Json as JsonObject)?.Select(p => p.Key).Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>());
                if (missing.Status != answer.Status || missing.Code != answer.Code || shapeOf(missing) != shapeOf(answer)
                    || (string?)missing.Json?["entity"] != (string?)answer.Json?["entity"] || missing.ContentType != answer.ContentType)
                {
                    failures.Enqueue($"{c}: another unit's object answers {(int)answer.Status} {answer.Code} {{{shapeOf(answer)}}}, a missing one {(int)missing.Status} {missing.Code} {{{shapeOf(missing)}}}");
                }
            }
        });

        var foreign = foreignIds.Concat([Org.Hospital.Id, Org.District2.Id, Org.Unstaffed.Id]).Select(g => g.ToString()).ToList();
        await ForEachRow(cases.Where(c => c.Expected == Outcome.Allowed), async c =>
        {
            var answer = await Send(clients, c);
            Check(c, answer, failures);
            if ((int)answer.Status is >= 200 and < 300 && !GlobalByDesign.Contains(c.Row.Key) && foreign.FirstOrDefault(answer.Text.Contains) is { } leaked)
            {
                failures.Enqueue($"{c}: the answer names {leaked}, an object of a unit outside the caller's scope");
            }
        });

        // Nobody signed in: every endpoint refuses before anything else, except the sign-in endpoints, which judge the credentials.
        foreach (var endpoint in endpoints)
        {
            var anonymous = AnonymousEndpoints.Contains(endpoint.Key);
            var row = anonymous ? new Expectation(endpoint.Method, endpoint.Pattern, Everyone, Target.None) : rows[endpoint.Key];
            var request = await Requests[endpoint.Key](new Case(this, row, Role.Leadership, Scope.Own, missing: true));
            var answer = await Send(clients.For(null), endpoint.Method, request);
            if (answer.Status != HttpStatusCode.Unauthorized || answer.ContentType != "application/problem+json"
                || (anonymous ? answer.Code != "account.sign-in-failed" : answer.Code != "authentication.required"))
            {
                failures.Enqueue($"{endpoint.Key} without sign-in: {(int)answer.Status} {answer.ContentType} {answer.Code}");
            }
        }

        await TestContext.Out.WriteLineAsync(
            $"Authorization matrix ({Provider}): {endpoints.Count} endpoints × {ApiSurface.Roles.Count} roles × {Enum.GetValues<Scope>().Length} scopes = {cases.Count} cases " +
            $"({cases.Count(c => c.Expected == Outcome.Allowed)} allowed, {cases.Count(c => c.Expected == Outcome.Forbidden)} forbidden, " +
            $"{cases.Count(c => c.Expected == Outcome.NotFound)} not found; {compared} compared with a random id; {endpoints.Count} anonymous) in {clock.Elapsed.TotalSeconds:0.0} s, with {made} objects made for them");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cases, Has.Count.GreaterThan(0));
            Assert.That(failures, Is.Empty, () => $"{failures.Count} of {cases.Count} cases answered otherwise than the table says:\n" + string.Join("\n", failures));
        }
    }

    private static async Task ForEachRow(IEnumerable<Case> cases, Func<Case, Task> run) =>
        await Parallel.ForEachAsync(cases.GroupBy(c => c.Row.Key).ToList(), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (row, _) =>
        {
            foreach (var c in row)
            {
                await run(c);
            }
        });

    private static void Check(Case c, Answer answer, ConcurrentQueue<string> failures)
    {
        var status = (int)answer.Status;
        var problem = status >= 400 && answer.ContentType != "application/problem+json" ? " (not application/problem+json)" : "";
        var ok = c.Expected switch
        {
            Outcome.Forbidden => status == 403,
            Outcome.NotFound => status == 404 && answer.Code == "not-found",
            // Past authorization: success, or a refusal of the state or the rules after the role was accepted (not a bare wrong state).
            _ => status is >= 200 and < 300 || (status is 409 or 422 && answer.Code != "transition.not-allowed"),
        };
        if (!ok || problem.Length > 0)
        {
            failures.Enqueue($"{c}: expected {c.Expected}, got {status} {answer.Code}{problem}: {Shorten(answer.Text)}");
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private sealed record Answer(HttpStatusCode Status, string? ContentType, string Text, JsonNode? Json)
    {
        public string? Code => Json is JsonObject o && o["code"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    private async Task<Answer> Send(ApiSurface.Clients clients, Case c) =>
        await Send(clients.For(c.User), c.Row.Method, await Requests[c.Row.Key](c));

    private static async Task<Answer> Send(HttpClient client, string method, Request request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(method), request.Path);
        if (request.Content is not null)
        {
            message.Content = request.Content();
        }
        else if (request.Body is not null)
        {
            message.Content = JsonContent.Create(request.Body);
        }

        using var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType;
        return new Answer(response.StatusCode, type, text, type is "application/json" or "application/problem+json" ? ApiSurface.TryParse(text) : null);
    }

    // ---- objects -------------------------------------------------------------------------------------------------------

    private async Task<Made> Obtain(Case c, Kind kind)
    {
        var unit = c.Unit;
        if (unit.Id == Org.Hospital.Id)
        {
            // Another unit's objects are only ever refused, so one of each kind serves every row.
            return await Shared(("", kind, unit.Id), foreignUnit: true);
        }

        if (c.Row.Method == "GET")
        {
            // Reads change nothing: one object of each kind serves every reading row.
            return await Shared(("GET", kind, unit.Id), foreignUnit: false);
        }

        var key = (c.Row.Key, kind, unit.Id);
        if (c.Row.OneShot && c.Expected == Outcome.Allowed && !sharedTaken.TryAdd(c.Row.Key + kind, true))
        {
            // The row's own object was moved on by the first allowed case; each later one needs a fresh object.
            return await Make(kind, unit);
        }

        return await Shared(key, foreignUnit: false);
    }

    private Task<Made> Shared((string Row, Kind Kind, Guid Unit) key, bool foreignUnit) =>
        shared.GetOrAdd(key, k => new Lazy<Task<Made>>(async () =>
        {
            var made = await Make(k.Kind, Org.Bureau.Id == k.Unit ? Org.Bureau : Org.Hospital);
            if (foreignUnit)
            {
                foreach (var id in made.Ids)
                {
                    foreignIds.Add(id);
                }
            }

            return made;
        })).Value;

    private Task<Guid> SharedRound() => round.Value;

    private async Task<Guid> DeputyFor(Case c)
    {
        var candidate = ApiSurface.UserName(c.Unit, Role.UnitLiaison);
        return await ApiSurface.UserIdAsync(Host, candidate == c.User ? ApiSurface.UserName(c.Unit, Role.UnitLeader) : candidate);
    }

    private int made;

    private async Task<Made> Make(Kind kind, DomainUnit unit)
    {
        Interlocked.Increment(ref made);
        return await MakeCore(kind, unit);
    }

    private async Task<Made> MakeCore(Kind kind, DomainUnit unit)
    {
        var liaison = $"{unit.Code.ToLowerInvariant()}-liaison";
        var leader = $"{unit.Code.ToLowerInvariant()}-leader";
        switch (kind)
        {
            case Kind.Inspection:
            {
                var inspection = await NewInspection(unit);
                return new Made(inspection.Id, inspection.Id, Guid.Empty, Guid.Empty, default);
            }
            case Kind.InspectionWithProblem:
            case Kind.RegisteredProblem:
            {
                var inspection = await NewInspection(unit);
                var problem = await NewProblem(inspection);
                return new Made(kind == Kind.RegisteredProblem ? problem.Id : inspection.Id, inspection.Id, Guid.Empty, problem.Id, default);
            }
            case Kind.RectifyingProblem:
            {
                var (inspection, planId, problems) = await InRectification(unit);
                return new Made(problems[0].Id, inspection.Id, planId, problems[0].Id, problems[0].Deadline!.Value);
            }
            case Kind.UnderReviewProblem:
            case Kind.ClosedProblem:
            {
                var (inspection, planId, problems) = await InRectification(unit);
                var id = problems[0].Id;
                Ok(await Host.Send<ProblemSummary>(liaison, new ReportProgress(id, "已完成整改", 100, null, [Evidence()])));
                Ok(await Host.Send<ProblemSummary>(liaison, new SubmitForReview(id)));
                if (kind == Kind.ClosedProblem)
                {
                    foreach (var signer in new[] { leader, "discipline", "organization" })
                    {
                        Ok(await Host.Send<ProblemSummary>(signer, new SignOffProblem(id, true, "同意")));
                    }

                    Ok(await Host.Send<ProblemSummary>("office", new CloseProblem(id)));
                }

                return new Made(id, inspection.Id, planId, id, problems[0].Deadline!.Value);
            }
            case Kind.DraftingPlan:
            case Kind.SubmittedPlan:
            {
                var inspection = await NewInspection(unit);
                var problem = await NewProblem(inspection);
                var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
                if (kind == Kind.SubmittedPlan)
                {
                    Ok(await Host.Send<PlanDto>(liaison, new EditLedgerLine(feedback.PlanId, problem.Id, "修订议事规则", "张书记", "办公室",
                        RectificationKind.TimeLimited, Host.Clock.Today.AddDays(90))));
                    Ok(await Host.Send<PlanDto>(liaison, new SubmitPlan(feedback.PlanId)));
                }

                return new Made(feedback.PlanId, inspection.Id, feedback.PlanId, problem.Id, default);
            }
            case Kind.HandedOverClue:
            case Kind.AcceptedClue:
            case Kind.InvestigatedClue:
            {
                var inspection = await NewInspection(unit);
                var clue = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映该单位违规发放津补贴", SheetColour.Red)));
                if (kind != Kind.HandedOverClue)
                {
                    Ok(await Host.Send<ClueDto>("discipline", new AcceptClue(clue.Id)));
                }

                if (kind == Kind.InvestigatedClue)
                {
                    Ok(await Host.Send<ClueDto>("discipline", new StartInvestigation(clue.Id)));
                }

                return new Made(clue.Id, inspection.Id, Guid.Empty, Guid.Empty, default);
            }
            case Kind.ReportSnapshot:
            {
                var snapshot = Ok(await Host.Send<ReportSnapshotDto>("office", new RecordReportSnapshot("矩阵报送", new UpwardReportFilter(UnitId: unit.Id))));
                return new Made(snapshot.Id, Guid.Empty, Guid.Empty, Guid.Empty, default);
            }
            case Kind.Extension:
            {
                var (inspection, planId, problems) = await InRectification(unit);
                var extension = Ok(await Host.Send<ExtensionDto>(liaison, new RequestDeadlineExtension(TargetKind.Problem, problems[0].Id,
                    problems[0].Deadline!.Value.AddDays(20), "涉及跨部门协调")));
                return new Made(extension.Id, inspection.Id, planId, problems[0].Id, problems[0].Deadline!.Value);
            }
            case Kind.Task:
            {
                var (inspection, planId, problems) = await InRectification(unit);
                var task = SupervisionTask.Open(SupervisionTaskKind.ReminderTalk, Problem.Lifecycle, problems[0].Id, unit.Id, Role.UnitLeader,
                    Host.Clock.Today.AddDays(5), Host.Clock.GetUtcNow().UtcDateTime);
                await Host.Query(async db =>
                {
                    db.Tasks.Add(task);
                    return await db.SaveChangesAsync();
                });
                return new Made(task.Id, inspection.Id, planId, problems[0].Id, problems[0].Deadline!.Value);
            }
            case Kind.EvidenceFile:
            {
                var (inspection, planId, problems) = await InRectification(unit);
                var file = await EvidenceTests.UploadAsync(Host.ClientFor(liaison), problems[0].Id, "佐证材料.pdf", EvidenceTests.PdfBytes(1));
                return new Made(file.Id, inspection.Id, planId, problems[0].Id, problems[0].Deadline!.Value);
            }
            case Kind.FeedbackReceipt:
            {
                var inspection = await NewInspection(unit);
                var problem = await NewProblem(inspection);
                var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
                var receipt = await Host.Query(db => db.Receipts.Where(r => r.CaseId == feedback.PlanId).Select(r => r.Id).SingleAsync());
                return new Made(receipt, inspection.Id, feedback.PlanId, problem.Id, default);
            }
            case Kind.LineChange:
            {
                var (inspection, planId, problems) = await InRectification(unit);
                var change = Ok(await Host.Send<LineChangeDto>(liaison, new ProposeLedgerLineChange(planId, problems[0].Id, "调整整改措施", "张书记", "办公室",
                    RectificationKind.TimeLimited, problems[0].Deadline!.Value, "上级部署调整")));
                return new Made(change.Id, inspection.Id, planId, problems[0].Id, problems[0].Deadline!.Value);
            }
            case Kind.Push:
            {
                var (inspection, planId, problems) = await InRectification(unit);
                var push = Ok(await Host.Send<PushProgressDto>("office", new PushCommonProblem(problems[0].Id, [Org.Township.Id], null, null, null)));
                return new Made(push.Id, inspection.Id, planId, problems[0].Id, problems[0].Deadline!.Value);
            }
            case Kind.SelfCheck:
            {
                // The common problem comes from another unit; the task is the caller's unit's own.
                var source = (await InRectification(Org.Township)).Problems[0];
                var push = Ok(await Host.Send<PushProgressDto>("office", new PushCommonProblem(source.Id, [unit.Id], null, null, null)));
                return new Made(push.Rows.Single().TaskId, Guid.Empty, Guid.Empty, Guid.Empty, default);
            }
            case Kind.Unit:
            {
                // Two levels below the unit, so that moving it up to the unit itself is a real move within the caller's scope.
                var between = Ok(await Host.Send<UnitDto>("admin", new CreateUnit(unit.Id, $"MU{Interlocked.Increment(ref counter)}", "矩阵中间单位", UnitLevel.Institution)));
                var child = Ok(await Host.Send<UnitDto>("admin", new CreateUnit(between.Id, $"MU{Interlocked.Increment(ref counter)}", "矩阵单位", UnitLevel.Village)));
                return new Made(child.Id, Guid.Empty, between.Id, Guid.Empty, default);
            }
            case Kind.Account:
            {
                // A user of the unit with a local account (the role users sign in through the test header and have none).
                var name = $"matrix-account-{Interlocked.Increment(ref counter)}";
                var id = Guid.CreateVersion7();
                await Host.Query(async db =>
                {
                    db.Users.Add(UserAccount.Create(id, name, name, $"{name}@test.local", Role.UnitLiaison, unit.Id));
                    return await db.SaveChangesAsync();
                });
                await TestAccounts.CreateAsync(Host, name);
                return new Made(id, Guid.Empty, Guid.Empty, Guid.Empty, default);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
