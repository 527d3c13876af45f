using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Abstractions;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Email;
using Rectification.Infrastructure.Lifecycles;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Email.Tests.Support;

/// <summary>
/// One application instance as far as e-mail is concerned: its own container, DbContexts, SMTP pipeline (and so its
/// own circuit breaker), on a shared database. Two of them play two servers of one deployment.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private AppInstance(ServiceProvider services) => this.services = services;

    public IServiceProvider Services => services;

    public static AppInstance Create(DatabaseOptions database, TimeProvider clock, IReadOnlyDictionary<string, string?> settings, params IInterceptor[] interceptors)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddDbContext<RectificationDbContext>(o =>
        {
            DependencyInjection.Configure(o, database);
            o.AddInterceptors(interceptors);
        });
        services.AddSingleton(LifecycleCatalog.FromFolder(Repo.WorkflowsFolder));
        services.AddSingleton<ILifecycleCatalog>(sp => sp.GetRequiredService<LifecycleCatalog>());
        services.AddEmailDelivery(configuration);
        return new AppInstance(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    public async Task<DispatchReport> DispatchAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync();
    }

    public async Task<int> RetryFailedAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RetryFailedAsync();
    }

    public async Task<T> Query<T>(Func<RectificationDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RectificationDbContext>());
    }

    public async Task MigrateAsync()
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RectificationDbContext>().Database.MigrateAsync();
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
