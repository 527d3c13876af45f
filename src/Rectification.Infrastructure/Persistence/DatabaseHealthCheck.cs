using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rectification.Infrastructure.Persistence;

/// <summary>The host's /health answers unhealthy while the database cannot be reached (registered by <see cref="DependencyInjection.AddInfrastructure"/>).</summary>
public sealed class DatabaseHealthCheck(RectificationDbContext db) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
