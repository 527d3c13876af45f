using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Abstractions;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Infrastructure.Identity;

/// <summary>
/// Local accounts on ASP.NET Core Identity over the application's DbContext: hashed passwords, lockout, the password rules from
/// configuration (<c>Authentication:Password</c>, <c>Authentication:Lockout</c>), refusals in the caller's language, and the
/// <see cref="IAccountStore"/> the account commands and sign-ins go through. The host adds its authentication schemes on top.
/// </summary>
public static class IdentityRegistration
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<Account>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                configuration.GetSection("Authentication:Password").Bind(o.Password);
                configuration.GetSection("Authentication:Lockout").Bind(o.Lockout);
            })
            .AddSignInManager()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddScoped<IUserStore<Account>, UserOnlyStore<Account, RectificationDbContext, Guid>>();
        services.AddScoped<IAccountStore, AccountStore>();
        return services;
    }
}
