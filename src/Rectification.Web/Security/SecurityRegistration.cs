using Microsoft.AspNetCore.Authentication;

namespace Rectification.Web.Security;

public static class SecurityRegistration
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var demoHeader = configuration.GetValue("Authentication:DemoHeader", false);
        if (!demoHeader)
        {
            throw new InvalidOperationException("No authentication scheme is configured: set Authentication:DemoHeader=true for development and tests.");
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Authentication:DemoHeader is a development scheme and is refused in the Production environment.");
        }

        services.AddAuthentication(DemoHeaderAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, DemoHeaderAuthentication>(DemoHeaderAuthentication.SchemeName, null);
        services.AddAuthorization();
        return services;
    }
}
