using Mediator;
using Rectification.Application.Clues;
using Rectification.Application.CommonProblems;
using Rectification.Application.Receipts;
using Rectification.Domain.Receipts;
using Rectification.Application.Inspections;
using Rectification.Application.Messaging;
using Rectification.Application.Organization;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Application.Administration;
using Rectification.Domain.Auditing;
using Rectification.Domain.Inspections;
using Rectification.Domain.Reminders;
using Rectification.Application.Statistics;
using Rectification.Application.Workflows;
using Rectification.Domain.Clues;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Web.Http;

namespace Rectification.Web.Endpoints;

/// <summary>The REST API: one endpoint per command or query, each a thin translation into a Mediator message.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();

        api.MapGet("/me", (Application.Abstractions.ICurrentUser user) =>
            Results.Ok(new { user.UserId, user.UserName, Role = user.Role.ToString(), user.UnitId, user.UnitPath, user.Language }));

        var units = api.MapGroup("/units").WithTags("Units");
        units.MapGet("/", async (ISender s, CancellationToken ct) => (await s.Send(new ListUnits(), ct)).ToHttp());
        units.MapPost("/", async (CreateUnit c, ISender s, CancellationToken ct) => (await s.Send(c, ct)).ToHttp(Created("units")));
        units.MapPost("/{id:guid}/rename", async (Guid id, RenameUnitBody b, ISender s, CancellationToken ct) => (await s.Send(new RenameUnit(id, b.Name), ct)).ToHttp());
        units.MapPost("/{id:guid}/move", async (Guid id, MoveUnitBody b, ISender s, CancellationToken ct) => (await s.Send(new MoveUnit(id, b.ParentId), ct)).ToHttp());
        units.MapPost("/{id:guid}/deactivate", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new DeactivateUnit(id), ct)).ToHttp());

        var rounds = api.MapGroup("/rounds").WithTags("Rounds");
        rounds.MapGet("/", async (ISender s, CancellationToken ct) => (await s.Send(new ListRounds(), ct)).ToHttp());
        rounds.MapPost("/", async (CreateRound c, ISender s, CancellationToken ct) => (await s.Send(c, ct)).ToHttp(v => Results.Created($"/api/rounds/{v.Id}", v)));

        var inspections = api.MapGroup("/inspections").WithTags("Inspections");
        inspections.MapGet("/", async (Guid? roundId, Guid? unitId, ISender s, CancellationToken ct) => (await s.Send(new ListInspections(roundId, unitId), ct)).ToHttp());
        inspections.MapPost("/", async (RegisterInspection c, ISender s, CancellationToken ct) => (await s.Send(c, ct)).ToHttp(v => Results.Created($"/api/inspections/{v.Id}", v)));
        inspections.MapGet("/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetInspection(id), ct)).ToHttp());
        inspections.MapPost("/{id:guid}/problems", async (Guid id, RegisterProblemBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new RegisterProblem(id, b.Title, b.Description, b.Category, b.Severity, b.Facts, b.Basis, b.ProcessRecord ?? "", b.RaisedDuringInspection, b.Code), ct))
                .ToHttp(v => Results.Created($"/api/problems/{v.Id}", v)));
        inspections.MapPost("/{id:guid}/feedback", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new FeedBackInspection(id), ct)).ToHttp());
        inspections.MapGet("/{id:guid}/plan", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetPlanOfInspection(id), ct)).ToHttp());
        inspections.MapPost("/{id:guid}/clues", async (Guid id, HandOverClueBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new HandOverClue(id, b.Summary, b.Colour, b.ProblemIds, b.Code), ct)).ToHttp(v => Results.Created($"/api/clues/{v.Id}", v)));

        var problems = api.MapGroup("/problems").WithTags("Problems");
        problems.MapGet("/", async (Guid? unitId, Guid? inspectionId, string? state, bool? overdue, int? page, int? pageSize, ISender s, CancellationToken ct) =>
            (await s.Send(new ListProblems(unitId, inspectionId, state, overdue, page ?? 1, pageSize ?? 50), ct)).ToHttp());
        problems.MapGet("/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetProblem(id), ct)).ToHttp());
        problems.MapGet("/{id:guid}/audit", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetAuditTrail(TargetKind.Problem, id), ct)).ToHttp());
        problems.MapPost("/{id:guid}/feedback", async (Guid id, VersionBody? b, ISender s, CancellationToken ct) => (await s.Send(new FeedBackProblem(id, b?.ExpectedVersion), ct)).ToHttp());
        problems.MapPost("/{id:guid}/progress", async (Guid id, ProgressBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new ReportProgress(id, b.Text, b.Percent, b.Milestone, b.Evidence, b.ExpectedVersion), ct)).ToHttp());
        problems.MapPost("/{id:guid}/submit-for-review", async (Guid id, VersionBody? b, ISender s, CancellationToken ct) =>
            (await s.Send(new SubmitForReview(id, b?.ExpectedVersion), ct)).ToHttp());
        problems.MapPost("/{id:guid}/sign-off", async (Guid id, SignOffBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new SignOffProblem(id, b.Approve, b.Comment, b.ExpectedVersion), ct)).ToHttp());
        problems.MapPost("/{id:guid}/close", async (Guid id, VersionBody? b, ISender s, CancellationToken ct) => (await s.Send(new CloseProblem(id, b?.ExpectedVersion), ct)).ToHttp());
        problems.MapPost("/{id:guid}/reopen", async (Guid id, ReopenBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new ReopenProblem(id, b.Reason, b.NewDeadline, b.LookBackInspectionId, b.ExpectedVersion), ct)).ToHttp());

        problems.MapPost("/{id:guid}/push-as-common", async (Guid id, PushCommonBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new PushCommonProblem(id, b.UnitIds, b.UnderUnitId, b.Level, b.Note), ct)).ToHttp(v => Results.Created($"/api/common-problems/{v.Id}", v)));

        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapPut("/{id:guid}/lines/{problemId:guid}", async (Guid id, Guid problemId, LedgerLineBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new EditLedgerLine(id, problemId, b.Measures, b.ResponsibleLeader, b.ResponsibleDepartment, b.Kind, b.Deadline, b.ExpectedVersion), ct)).ToHttp());
        plans.MapPost("/{id:guid}/submit", async (Guid id, VersionBody? b, ISender s, CancellationToken ct) => (await s.Send(new SubmitPlan(id, b?.ExpectedVersion), ct)).ToHttp());
        plans.MapPost("/{id:guid}/accept", async (Guid id, ScreeningBody? b, ISender s, CancellationToken ct) =>
            (await s.Send(new AcceptPlan(id, b?.Comment, b?.ExpectedVersion), ct)).ToHttp());
        plans.MapPost("/{id:guid}/return", async (Guid id, ScreeningBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new ReturnPlan(id, b.Comment ?? "", b.LineComments, b.ExpectedVersion), ct)).ToHttp());
        plans.MapPost("/{id:guid}/lines/{problemId:guid}/changes", async (Guid id, Guid problemId, LineChangeBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new ProposeLedgerLineChange(id, problemId, b.Measures, b.ResponsibleLeader, b.ResponsibleDepartment, b.Kind, b.Deadline, b.Reason), ct))
                .ToHttp(v => Results.Created($"/api/plans/{id}/line-changes", v)));
        plans.MapGet("/{id:guid}/line-changes", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new ListLedgerLineChanges(id), ct)).ToHttp());
        api.MapPost("/line-changes/{id:guid}/decide", async (Guid id, LineChangeDecisionBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new DecideLedgerLineChange(id, b.Accept, b.Comment), ct)).ToHttp()).WithTags("Plans");
        plans.MapGet("/{id:guid}/audit", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetAuditTrail(TargetKind.Plan, id), ct)).ToHttp());

        var clues = api.MapGroup("/clues").WithTags("Clues");
        clues.MapGet("/", async (Guid? inspectionId, SheetColour? colour, string? state, ISender s, CancellationToken ct) =>
            (await s.Send(new ListClues(inspectionId, colour, state), ct)).ToHttp());
        clues.MapGet("/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetClue(id), ct)).ToHttp());
        clues.MapPost("/{id:guid}/accept", async (Guid id, VersionBody? b, ISender s, CancellationToken ct) => (await s.Send(new AcceptClue(id, b?.ExpectedVersion), ct)).ToHttp());
        clues.MapPost("/{id:guid}/start-investigation", async (Guid id, VersionBody? b, ISender s, CancellationToken ct) =>
            (await s.Send(new StartInvestigation(id, b?.ExpectedVersion), ct)).ToHttp());
        clues.MapPost("/{id:guid}/conclude", async (Guid id, ConcludeBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new ConcludeClue(id, b.Summary, b.CasesFiled, b.PeopleDisciplined, b.TransferredToJudicial, b.MoneyRecovered, b.ExpectedVersion), ct)).ToHttp());
        clues.MapGet("/{id:guid}/audit", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetAuditTrail(TargetKind.Clue, id), ct)).ToHttp());

        var lifecycles = api.MapGroup("/lifecycles").WithTags("Lifecycles");
        lifecycles.MapGet("/", async (ISender s, CancellationToken ct) => (await s.Send(new ListLifecycles(), ct)).ToHttp());
        lifecycles.MapGet("/{name}/{version:int}/diagram", (string name, int version, string? format, Application.Abstractions.ILifecycleCatalog catalog) =>
        {
            var definition = catalog.All.FirstOrDefault(d => d.Name == name && d.Version == version);
            if (definition is null)
            {
                return ResultMapping.ToProblem(Domain.Common.Error.NotFound("Lifecycle", $"{name} v{version}"));
            }

            return format == "dot"
                ? Results.Text(LifecycleMachine.ToDot(definition), "text/vnd.graphviz")
                : Results.Text(LifecycleMachine.ToMermaid(definition), "text/plain");
        });

        var extensions = api.MapGroup("/extensions").WithTags("Deadlines");
        extensions.MapGet("/", async (ExtensionStatus? status, ISender s, CancellationToken ct) => (await s.Send(new ListExtensions(status), ct)).ToHttp());
        extensions.MapPost("/", async (RequestDeadlineExtension c, ISender s, CancellationToken ct) =>
            (await s.Send(c, ct)).ToHttp(v => Results.Created($"/api/extensions/{v.Id}", v)));
        extensions.MapPost("/{id:guid}/decide", async (Guid id, DecisionBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new DecideDeadlineExtension(id, b.Approve, b.Comment), ct)).ToHttp());

        var tasks = api.MapGroup("/tasks").WithTags("Deadlines");
        tasks.MapGet("/", async (SupervisionTaskStatus? status, ISender s, CancellationToken ct) => (await s.Send(new ListTasks(status), ct)).ToHttp());
        tasks.MapPost("/{id:guid}/complete", async (Guid id, CompleteTaskBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new CompleteTask(id, b.Record), ct)).ToHttp());

        api.MapGet("/me/deputies", async (ISender s, CancellationToken ct) => (await s.Send(new ListMyDeputies(), ct)).ToHttp()).WithTags("Deadlines");
        api.MapPost("/me/deputies", async (NameDeputy c, ISender s, CancellationToken ct) => (await s.Send(c, ct)).ToHttp()).WithTags("Deadlines");

        var receipts = api.MapGroup("/receipts").WithTags("Receipts");
        receipts.MapGet("/", async (string? state, ReceiptKind? kind, Guid? caseId, ISender s, CancellationToken ct) =>
            (await s.Send(new ListReceipts(state, kind, caseId), ct)).ToHttp());
        receipts.MapPost("/{id:guid}/acknowledge", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new AcknowledgeReceipt(id), ct)).ToHttp());

        api.MapGet("/common-problems/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetCommonProblemPush(id), ct)).ToHttp())
            .WithTags("Common problems");
        var selfChecks = api.MapGroup("/self-checks").WithTags("Common problems");
        selfChecks.MapGet("/", async (string? state, ISender s, CancellationToken ct) => (await s.Send(new ListSelfChecks(state), ct)).ToHttp());
        selfChecks.MapPost("/{id:guid}/not-present", async (Guid id, NotPresentBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new AnswerSelfCheckNotPresent(id, b.Statement), ct)).ToHttp());
        selfChecks.MapPost("/{id:guid}/open-problem", async (Guid id, OpenProblemBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new OpenSelfCheckProblem(id, b.Description, b.Facts, b.Severity), ct)).ToHttp(v => Results.Created($"/api/problems/{v.OpenedProblemId}", v)));

        var admin = api.MapGroup("/admin").WithTags("Administration");
        api.MapAuditAdministration();
        admin.MapGet("/outbox", async (OutboxStatus? status, ISender s, CancellationToken ct) => (await s.Send(new ListOutbox(status), ct)).ToHttp());
        admin.MapPost("/outbox/retry-failed", async (Infrastructure.Email.OutboxDispatcher dispatcher, ILoggerFactory logs, HttpContext http, CancellationToken ct) =>
        {
            var requeued = await dispatcher.RetryFailedAsync(ct);
            logs.CreateLogger("Rectification.Administration").LogInformation("{User} requeued {Count} failed outbox messages", http.User.Identity?.Name, requeued);
            return Results.Ok(new { requeued });
        }).RequireAuthorization(policy => policy.RequireRole(nameof(Domain.Organization.Role.Administrator)));

        api.MapReports();
        api.MapBulk();
        api.MapDashboards();
        api.MapEvidence(app.ServiceProvider.GetRequiredService<Infrastructure.Evidence.EvidenceStorage>().Options);

        api.MapGet("/statistics", async (Guid? unitId, Guid? roundId, ISender s, CancellationToken ct) =>
            (await s.Send(new GetStatistics(unitId, roundId), ct)).ToHttp()).WithTags("Statistics");
        var upward = api.MapGroup("/statistics/upward").WithTags("Statistics");
        upward.MapGet("/", async (DateOnly? from, DateOnly? to, Guid[]? rounds, int? term, InspectionKind[]? kinds, Guid? unitId, ISender s, CancellationToken ct) =>
            (await s.Send(new GetUpwardReport(from, to, rounds, term, kinds, unitId), ct)).ToHttp());
        upward.MapGet("/export.xlsx", async (DateOnly? from, DateOnly? to, Guid[]? rounds, int? term, InspectionKind[]? kinds, Guid? unitId, ISender s, CancellationToken ct) =>
            (await s.Send(new ExportUpwardReport(from, to, rounds, term, kinds, unitId), ct)).ToHttp(sheet => Sheet(sheet, ct)));
        upward.MapGet("/snapshots", async (ISender s, CancellationToken ct) => (await s.Send(new ListReportSnapshots(), ct)).ToHttp());
        upward.MapGet("/snapshots/{id:guid}/export.xlsx", async (Guid id, ISender s, CancellationToken ct) =>
            (await s.Send(new ExportReportSnapshot(id), ct)).ToHttp(sheet => Sheet(sheet, ct)));
        upward.MapGet("/snapshots/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetReportSnapshot(id), ct)).ToHttp());
        upward.MapPost("/snapshots", async (RecordReportSnapshot c, ISender s, CancellationToken ct) =>
            (await s.Send(c, ct)).ToHttp(v => Results.Created($"/api/statistics/upward/snapshots/{v.Id}", v)));

        return app;
    }

    private static IResult Sheet(StatisticsSheet sheet, CancellationToken ct) =>
        Results.Stream(body => sheet.WriteAsync(body, ct), Application.Abstractions.ISpreadsheetWriter.ContentType, sheet.FileName);

    private static Func<UnitDto, IResult> Created(string collection) => v => Results.Created($"/api/{collection}/{v.Id}", v);
}

public sealed record VersionBody(long? ExpectedVersion);
public sealed record RenameUnitBody(string Name);
public sealed record MoveUnitBody(Guid ParentId);
public sealed record DecisionBody(bool Approve, string? Comment);
public sealed record CompleteTaskBody(string Record);
public sealed record RegisterProblemBody(string Title, string Description, string Category, Severity Severity, string Facts, string Basis,
    string? ProcessRecord, bool RaisedDuringInspection = false, string? Code = null);
public sealed record ProgressBody(string Text, int? Percent, string? Milestone, IReadOnlyList<EvidenceInput>? Evidence, long? ExpectedVersion);
public sealed record SignOffBody(bool Approve, string? Comment, long? ExpectedVersion);
public sealed record ReopenBody(string Reason, DateOnly NewDeadline, Guid? LookBackInspectionId, long? ExpectedVersion);
public sealed record LedgerLineBody(string Measures, string ResponsibleLeader, string ResponsibleDepartment, RectificationKind Kind, DateOnly Deadline, long? ExpectedVersion);
public sealed record ScreeningBody(string? Comment, IReadOnlyList<LineComment>? LineComments, long? ExpectedVersion);
public sealed record HandOverClueBody(string Summary, SheetColour Colour, IReadOnlyList<Guid>? ProblemIds, string? Code);
public sealed record ConcludeBody(string Summary, int CasesFiled, int PeopleDisciplined, int TransferredToJudicial, decimal MoneyRecovered, long? ExpectedVersion);
public sealed record LineChangeBody(string Measures, string ResponsibleLeader, string ResponsibleDepartment, RectificationKind Kind, DateOnly Deadline, string Reason);
public sealed record LineChangeDecisionBody(bool Accept, string? Comment);
public sealed record PushCommonBody(IReadOnlyList<Guid>? UnitIds, Guid? UnderUnitId, Domain.Organization.UnitLevel? Level, string? Note);
public sealed record NotPresentBody(string Statement);
public sealed record OpenProblemBody(string Description, string Facts, Severity Severity);
