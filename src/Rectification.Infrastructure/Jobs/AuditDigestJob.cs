using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rectification.Application.Abstractions;
using Rectification.Application.Administration;

namespace Rectification.Infrastructure.Jobs;

/// <summary>
/// Appends the audit chain's head (<c>sequence:hash</c>) to a file outside the database on a schedule (hourly by default).
/// Whoever rewrites the database and its chain cannot rewrite the lines already written there: verifying against an
/// earlier line (<c>GET /api/admin/audit/verify?digest=…</c>) then shows the entry it names is gone or changed.
/// </summary>
public sealed class AuditDigestJob(IAppDbContext db, TimeProvider clock, JobOptions options, ILogger<AuditDigestJob> log, IHostEnvironment? environment = null)
{
    public string File => Path.GetFullPath(options.AuditDigestFile,
        environment?.ContentRootPath is { Length: > 0 } root ? root : Directory.GetCurrentDirectory());

    [AutomaticRetry(Attempts = 0)]
    public async Task ExportAsync(CancellationToken cancellationToken)
    {
        var head = await new AuditChainVerifier(db, clock).HeadAsync(cancellationToken);
        var file = File;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var line = string.Create(CultureInfo.InvariantCulture, $"{head.TakenAt:yyyy-MM-ddTHH:mm:ssZ} {head.Digest}{Environment.NewLine}");
        await System.IO.File.AppendAllTextAsync(file, line, cancellationToken);
        log.LogInformation("Audit chain head {Digest} appended to {File}", head.Digest, file);
    }
}
