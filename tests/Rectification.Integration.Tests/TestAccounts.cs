using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Infrastructure.Identity;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Integration.Tests;

/// <summary>Gives a seeded domain user a local account with a password, through the product's own UserManager (so the configured rules apply).</summary>
public static class TestAccounts
{
    public const string Password = "Correct-Horse-7-Battery";

    public static async Task CreateAsync(TestHost host, string userName, string password = Password)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RectificationDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        // Tests of one fixture share a host: the account a test before made is the same one.
        if (await accounts.FindByIdAsync(user.Id.ToString()) is not null)
        {
            return;
        }

        var result = await accounts.CreateAsync(new Account { Id = user.Id, UserName = user.UserName, Email = user.Email }, password);
        Assert.That(result.Succeeded, Is.True, () => string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
