using Microsoft.Extensions.DependencyInjection.Extensions;
using Rectification.Application.Abstractions;

namespace Rectification.Demo;

public static class DemoRegistration
{
    /// <summary>
    /// Lets the demo send the application's commands as the people of its story at the story's moments: the registered clock
    /// becomes a <see cref="DemoClock"/> around it, and the current user is the <see cref="DemoActor"/> of the scope where the
    /// demo set one (and otherwise whoever it was before). Call it after the clock and the current user are registered.
    /// </summary>
    public static IServiceCollection AddDemoSeeding(this IServiceCollection services)
    {
        var clock = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))
            ?? throw new InvalidOperationException("AddDemoSeeding needs a TimeProvider registered before it.");
        var user = services.LastOrDefault(d => d.ServiceType == typeof(ICurrentUser))
            ?? throw new InvalidOperationException("AddDemoSeeding needs an ICurrentUser registered before it.");
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(sp => new DemoClock(Resolve<TimeProvider>(sp, clock)));
        services.RemoveAll<ICurrentUser>();
        services.AddScoped<DemoActor>();
        services.Add(ServiceDescriptor.Describe(typeof(ICurrentUser),
            sp => sp.GetRequiredService<DemoActor>().User ?? Resolve<ICurrentUser>(sp, user), user.Lifetime));
        return services;
    }

    private static T Resolve<T>(IServiceProvider services, ServiceDescriptor descriptor) where T : class =>
        descriptor.ImplementationInstance as T
        ?? descriptor.ImplementationFactory?.Invoke(services) as T
        ?? (T)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
