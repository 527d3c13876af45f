using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Web;

public sealed class DatabaseHealthCheck(RectificationDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
