using Mediator;
using Rectification.Application.Administration;
using Rectification.Web.Http;

namespace Rectification.Web.Endpoints;

/// <summary>The audit chain for administrators: verify it (optionally against a digest kept outside), and export its head as a digest.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditAdministration(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/admin/audit").WithTags("Administration");

        // 200 with the report either way: "intact" says whether the chain holds, "firstBreak" where it does not.
        audit.MapGet("/verify", async (string? digest, ISender s, CancellationToken ct) => (await s.Send(new VerifyAuditChain(digest), ct)).ToHttp());

        // ?format=text answers the bare "sequence:hash" line, for a scheduler that appends it to a file or mails it, e.g. hourly.
        audit.MapGet("/digest", async (string? format, ISender s, CancellationToken ct) =>
            (await s.Send(new ExportAuditDigest(), ct)).ToHttp(d => format == "text" ? Results.Text(d.Digest + "\n", "text/plain") : Results.Ok(d)));

        return api;
    }
}
