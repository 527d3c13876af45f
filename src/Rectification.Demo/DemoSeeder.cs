using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Infrastructure.Identity;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Demo;

/// <summary>
/// Seeds a realistic deployment for demonstrations (<c>--seed-demo</c>): a fictional city with about a hundred
/// units and their users, eight rounds of inspections since early 2024, about three thousand problems and four
/// hundred clues in every state. Cases are moved only through the domain methods and the lifecycle machine,
/// so the data obeys the workflow files like anything a user creates. Patterned on the Xiamen figures in the
/// domain notes (3,041 problems, 475 clues, 96% completion).
/// </summary>
public static class DemoSeeder
{
    private const int Seed = 20261123;

    public static async Task SeedAsync(IServiceProvider services, ILogger logger)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<RectificationDbContext>();
        if (await db.Units.AnyAsync(u => u.Code == DemoOrganizationBuilder.RootCode))
        {
            logger.LogInformation("Demo data already present (unit {Code} exists); nothing seeded", DemoOrganizationBuilder.RootCode);
            return;
        }

        var catalog = provider.GetRequiredService<ILifecycleCatalog>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var random = new DemoRandom(Seed);
        var clock = new DemoClock(random, provider.GetRequiredService<WorkingCalendar>(), now);

        // One transaction: a seeding step that fails leaves no half-built city behind that the check above would then mistake for a finished one.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var organization = await SeedOrganizationAsync(db, random, clock);
        var accounts = await DemoAccounts.CreateAsync(provider.GetRequiredService<UserManager<Account>>(), organization);
        var schedule = new DemoScheduleBuilder(random, clock, organization.Targets);
        var inspections = schedule.Build();
        db.Rounds.AddRange(schedule.Rounds);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var steps = new DemoCaseSteps(db, catalog);
        var world = new DemoWorld(db, steps, random, clock, catalog.Current(Problem.Lifecycle), catalog.Current(Plan.Lifecycle),
            catalog.Current(Clue.Lifecycle), organization.City);
        var story = new DemoInspectionStory(world);
        foreach (var inspection in inspections.OrderBy(i => i.Start))
        {
            await story.SeedAsync(inspection, CancellationToken.None);
        }

        // The rules beside the lifecycles read the finished stories (feedbacks, returned plans, sheets, accepted plans), so they come last.
        var rules = new DemoRules(world, organization, provider.GetRequiredService<IReminderCatalog>(), provider.GetRequiredService<WorkingCalendar>(),
            provider.GetRequiredService<IEvaluationCatalog>().Scheme);
        var rulesStarted = stopwatch.Elapsed;
        await rules.SeedAsync(CancellationToken.None);
        logger.LogInformation("Receipts, line changes, common problems and evaluations seeded in {Seconds:0.0} s", (stopwatch.Elapsed - rulesStarted).TotalSeconds);

        await transaction.CommitAsync();
        stopwatch.Stop();
        await DemoSummary.LogAsync(db, logger, organization, accounts, stopwatch.Elapsed, steps.Count, now);
    }

    private static async Task<DemoOrganization> SeedOrganizationAsync(RectificationDbContext db, DemoRandom random, DemoClock clock)
    {
        // The city and its accounts exist before the first round, which starts 33 months back.
        var organization = new DemoOrganizationBuilder(random, clock.OnWorkingDay(clock.Today.AddMonths(-36))).Build();
        db.Units.AddRange(organization.Units);
        db.Users.AddRange(organization.Users);
        await db.SaveChangesAsync();
        return organization;
    }
}
