namespace Rectification.Web.Demo;

public static class DemoSeeder
{
    public static Task SeedAsync(IServiceProvider services, ILogger logger) => Task.CompletedTask;
}
