using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Rectification.Infrastructure.Jobs;

public enum JobStorage { InMemory, SqlServer, PostgreSql }

/// <summary>
/// Jobs configuration (<c>Jobs:*</c>). The storage follows the database provider unless set: in-memory beside SQLite,
/// SQL Server or PostgreSQL beside those. Storage is only the scheduler's memory: which reminder steps were taken
/// lives in the domain database, so switching storage or losing the in-memory one loses and repeats nothing.
/// </summary>
public sealed class JobOptions
{
    public bool Enabled { get; set; } = true;
    public JobStorage? Storage { get; set; }
    public string SweepCron { get; set; } = "* * * * *";
    public string DispatchCron { get; set; } = "* * * * *";
    public int WorkerCount { get; set; } = 2;

    /// <summary>Hourly by default: the most a silent rewrite of the audit trail can hide behind.</summary>
    public string AuditDigestCron { get; set; } = "0 * * * *";

    /// <summary>Relative to the content root; keep it on storage the database's administrators cannot rewrite.</summary>
    public string AuditDigestFile { get; set; } = "data/audit-digests.log";

    public JobStorage StorageFor(DatabaseProvider provider) => Storage ?? provider switch
    {
        DatabaseProvider.SqlServer => JobStorage.SqlServer,
        DatabaseProvider.PostgreSql => JobStorage.PostgreSql,
        _ => JobStorage.InMemory,
    };
}

public static class JobsRegistration
{
    public const string SweepJobId = "reminder-sweep";
    public const string DispatchJobId = "outbox-dispatch";
    public const string AuditDigestJobId = "audit-digest";
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var options = new JobOptions();
        configuration.GetSection("Jobs").Bind(options);
        services.AddSingleton(options);
        services.AddScoped<ReminderJobs>();
        services.AddScoped<AuditDigestJob>();
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            switch (options.StorageFor(database.Provider))
            {
                case JobStorage.SqlServer:
                    config.UseSqlServerStorage(database.ConnectionString);
                    break;
                case JobStorage.PostgreSql:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString));
                    break;
                default:
                    config.UseInMemoryStorage();
                    break;
            }
        });

        if (options.Enabled)
        {
            services.AddHangfireServer(o => o.WorkerCount = options.WorkerCount);
        }

        return services;
    }

    /// <summary>Registers the one recurring sweep (never one job per deadline), the outbox dispatcher and the audit digest export, and serves the dashboard to administrators.</summary>
    public static void UseJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<JobOptions>();
        if (options.Enabled)
        {
            var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
            jobs.AddOrUpdate<ReminderJobs>(SweepJobId, j => j.SweepAsync(CancellationToken.None), options.SweepCron);
            jobs.AddOrUpdate<ReminderJobs>(DispatchJobId, j => j.DispatchAsync(CancellationToken.None), options.DispatchCron);
            jobs.AddOrUpdate<AuditDigestJob>(AuditDigestJobId, j => j.ExportAsync(CancellationToken.None), options.AuditDigestCron);
        }

        ((IEndpointRouteBuilder)app).MapHangfireDashboard(DashboardPath, new DashboardOptions { Authorization = [new AdministratorsOnly()] });
    }

    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(nameof(Domain.Organization.Role.Administrator));
    }
}
