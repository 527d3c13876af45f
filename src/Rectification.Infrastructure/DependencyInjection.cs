using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Abstractions;
using Rectification.Domain.Common;
using Rectification.Infrastructure.Lifecycles;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Infrastructure;

public static class DependencyInjection
{
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        options.ConnectionString = configuration.GetConnectionString("Rectification") ?? options.ConnectionString;
        return options;
    }

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, DatabaseOptions database, string workflowsFolder)
    {
        services.AddSingleton(database);
        services.AddDbContext<RectificationDbContext>((sp, o) =>
        {
            Configure(o, database);
            // Interceptors registered in the container (diagnostics, fault injection in tests) join every context.
            o.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<RectificationDbContext>());
        services.AddSingleton<IDatabaseErrors, DatabaseErrors>();
        services.AddSingleton<IWriteGate>(database.Provider == DatabaseProvider.Sqlite ? new SingleWriterGate() : OpenWriteGate.Instance);
        services.AddSingleton<LifecycleCatalog>();
        services.AddSingleton<ILifecycleCatalog>(sp => sp.GetRequiredService<LifecycleCatalog>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReminderCatalog>();
        services.AddSingleton<IReminderCatalog>(sp => sp.GetRequiredService<ReminderCatalog>());
        services.AddSingleton<IEvaluationCatalog, EvaluationCatalog>();
        services.AddSingleton<VisibilityCatalog>();
        services.AddSingleton<IVisibilityCatalog>(sp => sp.GetRequiredService<VisibilityCatalog>());
        services.AddSingleton(new WorkflowsFolder(workflowsFolder));
        services.AddSingleton(_ => ReminderFileReader.ReadCalendar(Path.Combine(workflowsFolder, ReminderFileReader.CalendarFile)));
        services.AddEmailDelivery();
        services.AddSingleton<Evidence.EvidenceStorage>();
        services.AddScoped<IEvidenceStore, Evidence.EvidenceStore>();
        services.AddSingleton<IDocumentRenderer, Documents.DocumentRenderer>();
        services.AddSingleton<ISpreadsheetWriter, Spreadsheets.SpreadCheetahWriter>();
        services.AddSingleton<ISpreadsheetReader, Spreadsheets.MiniExcelReader>();
        services.AddSingleton<IImportFileStore>(sp => new Spreadsheets.ImportFileStore(
            sp.GetService<IConfiguration>()?["Imports:Folder"] is { Length: > 0 } importFolder ? importFolder : Path.Combine(Path.GetTempPath(), "rectification-imports"),
            TimeProvider.System));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name);
        // Cookies and anti-forgery tokens are protected with keys kept in the domain database: a redeploy signs nobody out, and every
        // instance on the same database reads the others' cookies. The application name is fixed so that instances agree whatever their paths.
        services.AddDataProtection().PersistKeysToDbContext<RectificationDbContext>().SetApplicationName("Rectification");
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        var assembly = DatabaseOptions.MigrationsAssembly(database.Provider);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(database.ConnectionString);
                options.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly(assembly));
                options.AddInterceptors(SqlitePragmas.BusyTimeout);
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(database.ConnectionString, o => o.MigrationsAssembly(assembly));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(assembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider.");
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
