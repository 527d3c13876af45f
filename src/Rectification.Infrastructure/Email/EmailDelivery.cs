using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rectification.Infrastructure.Email;

// Beside AddInfrastructure's namespace, so that the host and AddInfrastructure find it without another using.
namespace Rectification.Infrastructure;

/// <summary>
/// Registers outbox delivery by e-mail: options (<c>Email</c> section), templates, the transport chosen by
/// <c>Email:Mode</c>, the dispatcher, the start-up template check and the background dispatch loop.
/// Needs the DbContext and the lifecycle catalog of <c>AddInfrastructure</c>. Calling it more than once is harmless.
/// </summary>
public static class EmailDelivery
{
    public static IServiceCollection AddEmailDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        return services.AddEmailDeliveryServices();
    }

    /// <summary>Binds the <c>Email</c> section of the host's configuration, read from the container when options are first used.</summary>
    public static IServiceCollection AddEmailDelivery(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<EmailOptions>>(sp => new ConfigureNamedOptions<EmailOptions>(Options.DefaultName,
            o => sp.GetService<IConfiguration>()?.GetSection(EmailOptions.Section).Bind(o)));
        return services.AddEmailDeliveryServices();
    }

    private static IServiceCollection AddEmailDeliveryServices(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new EmailPaths(sp.GetRequiredService<IOptions<EmailOptions>>(), sp.GetService<IConfiguration>(), sp.GetService<IHostEnvironment>()));
        services.TryAddSingleton<TemplateCatalogHolder>();
        services.TryAddTransient(sp => sp.GetRequiredService<TemplateCatalogHolder>().Catalog);
        services.TryAddSingleton<MailComposer>();
        services.TryAddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Mode switch
        {
            EmailMode.Smtp => new SmtpMailTransport(sp.GetRequiredService<IOptions<EmailOptions>>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SmtpMailTransport>>()),
            _ => new PickupMailTransport(sp.GetRequiredService<EmailPaths>(), sp.GetRequiredService<ILogger<PickupMailTransport>>()),
        });
        services.TryAddScoped<NotificationModelBuilder>();
        services.TryAddScoped<OutboxDispatcher>();
        // The template check fails start-up before any job can send; the dispatcher runs as a recurring job (Jobs).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EmailStartupCheck>());
        return services;
    }
}
