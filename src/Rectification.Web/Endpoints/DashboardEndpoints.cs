using Mediator;
using Rectification.Application.Dashboards;
using Rectification.Application.Problems;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;
using Rectification.Web.Http;

namespace Rectification.Web.Endpoints;

/// <summary>
/// The figures of the dashboard (数据看板), each the query the /dashboard page sends, over the caller's scope. The clue chart answers
/// 403 to a role that may read neither clue sheets nor their figures (workflows/visibility.yaml).
/// </summary>
public static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboards(this RouteGroupBuilder api)
    {
        var dashboard = api.MapGroup("/dashboard").WithTags("Dashboard");
        dashboard.MapGet("/completion", async (Guid? roundId, ISender s, CancellationToken ct) => (await s.Send(new GetCompletionRates(roundId), ct)).ToHttp());
        dashboard.MapGet("/overdue-steps", async (Guid? roundId, ISender s, CancellationToken ct) => (await s.Send(new GetOverdueBySteps(roundId), ct)).ToHttp());
        dashboard.MapGet("/lights", async (Guid? roundId, ISender s, CancellationToken ct) => (await s.Send(new GetLightsByUnit(roundId), ct)).ToHttp());
        dashboard.MapGet("/clue-ages", async (ISender s, CancellationToken ct) => (await s.Send(new GetClueSheetAges(), ct)).ToHttp());
        dashboard.MapGet("/trend", async (int? months, ISender s, CancellationToken ct) => (await s.Send(new GetClosureTrend(months ?? 12), ct)).ToHttp());
        dashboard.MapGet("/reopen", async (ISender s, CancellationToken ct) => (await s.Send(new GetReopenRates(), ct)).ToHttp());
        dashboard.MapGet("/next-deadlines", async (int? count, ISender s, CancellationToken ct) => (await s.Send(new ListNextDeadlines(count ?? 10), ct)).ToHttp());
        // The ledger as the dashboard's bars open it: the page's filters, named as in its URL.
        dashboard.MapGet("/ledger", async (Guid? unit, Guid? round, TrafficLight? light, bool? overdue, UnitLevel? level, string? step, bool? reopened, int? page,
                int? pageSize, ISender s, CancellationToken ct) =>
            (await s.Send(new ListLedger(UnitId: unit, RoundId: round, Light: light, Overdue: overdue, Level: level, Step: step, Reopened: reopened,
                PageNumber: page ?? 1, PageSize: pageSize ?? 50), ct)).ToHttp());
        return api;
    }
}
