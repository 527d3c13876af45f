using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Rectification.Application.Abstractions;
using Rectification.Application.Inspections;
using Rectification.Application.Organization;
using Rectification.Domain.Inspections;
using Rectification.Domain.Auditing;
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
        var demoClock = provider.GetRequiredService<TimeProvider>() as DemoClock
            ?? throw new InvalidOperationException("The demo sends its commands at the story's moments: register it with AddDemoSeeding() after the clock and the current user.");
        var now = demoClock.RealUtcNow;
        var random = new DemoRandom(Seed);
        var clock = new DemoTimeline(random, provider.GetRequiredService<WorkingCalendar>(), now);

        // Each command commits on its own, as it would through the API, so a seeding step that fails leaves part of a city behind:
        // the error says so, since the check above would take it for a finished one.
        try
        {
            await SeedStoryAsync(services, provider, db, catalog, demoClock, random, clock, now, logger, stopwatch);
        }
        catch (Exception e) when (e is InvalidOperationException or DbUpdateException)
        {
            logger.LogCritical(e, "Demo seeding failed part-way; the database holds part of the demo city. Start again on an empty database");
            throw;
        }
    }

    private static async Task SeedStoryAsync(IServiceProvider services, IServiceProvider provider, RectificationDbContext db, ILifecycleCatalog catalog,
        DemoClock demoClock, DemoRandom random, DemoTimeline clock, DateTime now, ILogger logger, Stopwatch stopwatch)
    {
        var scale = provider.GetService<IConfiguration>()?.GetValue("Demo:Scale", 1.0) ?? 1.0;
        if (scale is <= 0 or > 1)
        {
            throw new InvalidOperationException($"Demo:Scale is {scale}; it is a share of the full demo, above 0 and at most 1.");
        }

        var unitPaths = new Dictionary<Guid, string>();
        var commands = new DemoCommands(services, demoClock, unitPaths);
        var organization = await SeedOrganizationAsync(db, commands, unitPaths, random, clock);
        var accounts = await DemoAccounts.CreateAsync(provider.GetRequiredService<UserManager<Account>>(), organization);
        var schedule = new DemoScheduleBuilder(random, clock, organization.Targets, scale);
        var inspections = schedule.Build();
        db.ChangeTracker.Clear();

        var world = new DemoWorld(db, commands, random, clock, catalog.Current(Problem.Lifecycle), catalog.Current(Plan.Lifecycle),
            catalog.Current(Clue.Lifecycle), organization.City);
        // Each round is created by the office three weeks before its first inspection.
        var rounds = new Dictionary<Round, Guid>();
        foreach (var round in schedule.Rounds)
        {
            var at = inspections.Where(i => i.Round == round).Min(i => i.Start).AddDays(-20).ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc);
            rounds[round] = (await commands.SendAsync(organization.City.Office, at, new CreateRound(round.Name, round.Year, round.Number))).Id;
        }

        var story = new DemoInspectionStory(world, rounds);
        foreach (var inspection in inspections.OrderBy(i => i.Start))
        {
            await story.SeedAsync(inspection, CancellationToken.None);
        }

        // The rules beside the lifecycles read the finished stories (feedbacks, returned plans, sheets, accepted plans), so they come last.
        var rules = new DemoRules(world, organization, provider.GetRequiredService<IReminderCatalog>(),
            provider.GetRequiredService<IEvaluationCatalog>().Scheme);
        var rulesStarted = stopwatch.Elapsed;
        await rules.SeedAsync(CancellationToken.None);
        logger.LogInformation("Receipts, line changes, common problems and evaluations seeded in {Seconds:0.0} s", (stopwatch.Elapsed - rulesStarted).TotalSeconds);

        // The commands queued the mails their steps call for, as they must; but this is history, and a dispatcher would mail
        // thousands of stale messages on the first start. Only those of the last day are left to be delivered.
        var recent = now.AddDays(-1);
        var stale = await db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.CreatedAt < recent).ExecuteDeleteAsync();
        logger.LogInformation("{Stale} notifications of the demo's history were not kept for delivery; {Recent} of the last day were",
            stale, await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending));

        stopwatch.Stop();
        logger.LogInformation("{Commands} application commands sent in {Seconds:0.0} s ({Milliseconds:0.0} ms each)",
            commands.Count, commands.Elapsed.TotalSeconds, commands.Count == 0 ? 0 : commands.Elapsed.TotalMilliseconds / commands.Count);
        await DemoSummary.LogAsync(db, logger, organization, accounts, stopwatch.Elapsed, commands.Count, now);
    }

    private static async Task<DemoOrganization> SeedOrganizationAsync(RectificationDbContext db, DemoCommands commands, Dictionary<Guid, string> unitPaths,
        DemoRandom random, DemoTimeline clock)
    {
        // The city and its accounts exist before the first round, which starts 33 months back.
        var createdAt = clock.OnWorkingDay(clock.Today.AddMonths(-36));
        var planned = new DemoOrganizationBuilder(random, createdAt).Build();

        // Written directly: no command creates the first unit (CreateUnit needs a parent) or its administrator (CreateAccount needs one).
        var admin = planned.City.Admin;
        db.Units.Add(planned.Root);
        db.Users.Add(admin);
        await SaveDirectlyAsync(db);
        db.ChangeTracker.Clear();
        unitPaths[planned.Root.Id] = planned.Root.Path;

        // Every other unit through CreateUnit, as the administrator, parents first; the handler draws the ids.
        var ids = new Dictionary<Guid, Guid> { [planned.Root.Id] = planned.Root.Id };
        foreach (var unit in planned.Units.Where(u => u.ParentId is not null))
        {
            var created = await commands.SendAsync(admin, createdAt, new CreateUnit(ids[unit.ParentId!.Value], unit.Code, unit.Name, unit.Level));
            ids[unit.Id] = created.Id;
            unitPaths[created.Id] = created.Path;
        }

        var organization = planned.WithUnits(ids, await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id));
        // Written directly too: the only command that adds a user (CreateAccount) also gives them a sign-in account with a
        // password, and the demo gives accounts to a few users only (DemoAccounts); the rest are people to address and act as.
        db.Users.AddRange(organization.Users.Where(u => u.Id != admin.Id));
        await SaveDirectlyAsync(db);
        db.ChangeTracker.Clear();
        return organization;
    }

    /// <summary>The demo's writes that no command makes (see each caller): saved in a transaction, which the audit chain needs.</summary>
    internal static async Task SaveDirectlyAsync(RectificationDbContext db, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
