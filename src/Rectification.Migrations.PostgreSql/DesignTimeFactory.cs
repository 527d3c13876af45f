using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the model for this provider without a running host or server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RectificationDbContext>
{
    public RectificationDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<RectificationDbContext>();
        DependencyInjection.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=localhost;Database=rectification;Username=postgres;Password=postgres" });
        return new RectificationDbContext(builder.Options);
    }
}
