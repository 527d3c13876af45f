using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Infrastructure.Lifecycles;

namespace Rectification.Infrastructure.Persistence;

/// <summary>Start-up: apply migrations, then validate and publish the lifecycle files into the catalog.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, string workflowsFolder, CancellationToken ct = default)
    {
        var files = LifecycleCatalog.ReadFolder(workflowsFolder);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RectificationDbContext>();
        await db.Database.MigrateAsync(ct);
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var definitions = await LifecyclePublisher.PublishAsync(db, files, clock.GetUtcNow().UtcDateTime, ct);
        scope.ServiceProvider.GetRequiredService<LifecycleCatalog>().Load(definitions);
    }
}
