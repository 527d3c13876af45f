using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Infrastructure.Lifecycles;

namespace Rectification.Infrastructure.Persistence;

/// <summary>Start-up: validate the workflow files, apply migrations, publish the lifecycles, load the ladders, the calendar and the visibility rules.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var workflowsFolder = services.GetRequiredService<WorkflowsFolder>().Path;
        var files = LifecycleCatalog.ReadFolder(workflowsFolder);
        _ = services.GetRequiredService<Domain.Common.WorkingCalendar>();
        _ = services.GetRequiredService<Application.Abstractions.IEvaluationCatalog>().Scheme;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RectificationDbContext>();
        await db.Database.MigrateAsync(ct);
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var definitions = await LifecyclePublisher.PublishAsync(db, files, clock.GetUtcNow().UtcDateTime, ct);
        scope.ServiceProvider.GetRequiredService<LifecycleCatalog>().Load(definitions);
        var ladders = ReminderFileReader.ReadLadders(Path.Combine(workflowsFolder, ReminderFileReader.LaddersFile), definitions);
        scope.ServiceProvider.GetRequiredService<ReminderCatalog>().Load(ladders);
        scope.ServiceProvider.GetRequiredService<VisibilityCatalog>()
            .Load(VisibilityFileReader.Read(Path.Combine(workflowsFolder, VisibilityFileReader.FileName), definitions, ladders));
    }
}
