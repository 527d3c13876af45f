using Microsoft.AspNetCore.Identity;
using Rectification.Domain.Organization;
using Rectification.Infrastructure.Identity;

namespace Rectification.Demo;

/// <summary>
/// One sign-in account per role for demonstrations, created only by <c>--seed-demo</c>. The passwords follow one documented
/// pattern (README), which is exactly why no deployment without demo seeding ever gets these accounts.
/// </summary>
internal static class DemoAccounts
{
    public static string PasswordFor(string userName) => $"Demo-{userName}-2026";

    public static IReadOnlyList<UserAccount> Chosen(DemoOrganization organization) =>
    [
        organization.City.Office, organization.City.Group, organization.City.Discipline, organization.City.Organization,
        organization.City.Leadership, organization.City.Admin, organization.Targets[0].Leader, organization.Targets[0].Liaison,
    ];

    public static async Task<IReadOnlyList<UserAccount>> CreateAsync(UserManager<Account> accounts, DemoOrganization organization)
    {
        var chosen = Chosen(organization);
        foreach (var user in chosen)
        {
            var result = await accounts.CreateAsync(new Account { Id = user.Id, UserName = user.UserName, Email = user.Email }, PasswordFor(user.UserName));
            if (!result.Succeeded)
            {
                // The configured password rules may be stricter than the demo pattern; say so rather than seed a city nobody can enter.
                throw new InvalidOperationException($"Demo account {user.UserName} was refused: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }

        return chosen;
    }
}
