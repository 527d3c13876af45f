using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for this provider without a running host or server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RectificationDbContext>
{
    public RectificationDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<RectificationDbContext>();
        DependencyInjection.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" });
        return new RectificationDbContext(builder.Options);
    }
}
