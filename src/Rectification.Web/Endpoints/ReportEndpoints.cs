using Mediator;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Application.Statistics;
using Rectification.Web.Http;

namespace Rectification.Web.Endpoints;

/// <summary>Documents and figures generated from the ledger (一次录入，多次调用): nobody types the same facts twice.</summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:guid}/diff", async (Guid id, int from, int to, ISender s, CancellationToken ct) =>
            (await s.Send(new DiffPlanRevisions(id, from, to), ct)).ToHttp()).WithTags("Plans");
        api.MapGet("/statistics/by-unit", async (Guid? parentId, Guid? roundId, ISender s, CancellationToken ct) =>
            (await s.Send(new GetStatisticsByUnit(parentId, roundId), ct)).ToHttp()).WithTags("Statistics");
        api.MapGet("/problems/{id:guid}/write-off", async (Guid id, string? format, ISender s, CancellationToken ct) =>
            (await s.Send(new GetWriteOffRecord(id), ct)).ToHttp(record => format == "json"
                ? Results.Ok(record)
                : Results.Content(WriteOffPage.Render(record), "text/html; charset=utf-8"))).WithTags("Problems");
        return api;
    }
}
