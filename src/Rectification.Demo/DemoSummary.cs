using Microsoft.EntityFrameworkCore;
using Rectification.Application.Statistics;
using Rectification.Domain.Problems;
using Rectification.Domain.Receipts;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Demo;

/// <summary>Reads back what was seeded, from the database, so the log states what a user will actually find.</summary>
internal static class DemoSummary
{
    public static async Task LogAsync(RectificationDbContext db, ILogger logger, DemoOrganization organization, IReadOnlyList<Domain.Organization.UserAccount> accounts,
        TimeSpan elapsed, int steps, DateTime utcNow)
    {
        var problemStates = await CountAsync(db.Problems.GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }), g => g.Key, g => g.Count);
        var fedBack = problemStates.Where(kv => kv.Key != ProblemStates.Registered).Sum(kv => kv.Value);
        var closed = problemStates.GetValueOrDefault(ProblemStates.Closed);
        var today = DateOnly.FromDateTime(utcNow);
        // As the statistics and the ledger count it.
        var overdue = await db.Problems.CountAsync(Overdue.On(today));
        var reopened = await db.Problems.CountAsync(p => p.ReopenCount > 0);
        var kinds = await CountAsync(db.Inspections.GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }), g => g.Key.ToString(), g => g.Count);
        var plans = await CountAsync(db.Plans.GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }), g => g.Key, g => g.Count);
        var colours = await CountAsync(db.Clues.GroupBy(c => c.Colour).Select(g => new { g.Key, Count = g.Count() }), g => g.Key.ToString(), g => g.Count);
        var clueStates = await CountAsync(db.Clues.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }), g => g.Key, g => g.Count);

        logger.LogInformation("Demo data seeded in {Seconds:0.0} s ({Steps} application commands): {Units} units, {Users} users, {Rounds} rounds, {Inspections} inspections ({Kinds})",
            elapsed.TotalSeconds, steps, await db.Units.CountAsync(), await db.Users.CountAsync(), await db.Rounds.CountAsync(),
            kinds.Values.Sum(), Describe(kinds));
        logger.LogInformation("Problems: {Problems} ({States}); completion rate {Rate}%, {Overdue} overdue, {Reopened} reopened by look-backs; plans: {Plans}",
            problemStates.Values.Sum(), Describe(problemStates), GetStatisticsHandler.CompletionRate(closed, fedBack), overdue, reopened, Describe(plans));
        logger.LogInformation("Clues: {Clues}; by colour {Colours}; by state {ClueStates}",
            clueStates.Values.Sum(), Describe(colours), Describe(clueStates));
        var receipts = await CountAsync(db.Receipts.GroupBy(r => new { r.Kind, r.State, r.Late }).Select(g => new { g.Key, Count = g.Count() }),
            g => $"{g.Key.Kind} {(g.Key.State == ReceiptStates.Pending ? "pending" : g.Key.Late ? "late" : "on time")}", g => g.Count);
        var changes = await CountAsync(db.LineChanges.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }), g => g.Key.ToString(), g => g.Count);
        var selfChecks = await CountAsync(db.SelfCheckTasks.GroupBy(t => t.State).Select(g => new { g.Key, Count = g.Count() }), g => g.Key, g => g.Count);
        var evaluations = await db.Evaluations.Select(e => e.Grade).ToListAsync();
        logger.LogInformation("Receipts: {Receipts} ({ReceiptStates}); ledger line changes: {Changes} ({ChangeStates}); common problems: {Pushes} pushed as {SelfChecks} self-checks ({SelfCheckStates}); effect evaluations: {Evaluations} ({Grades})",
            receipts.Values.Sum(), Describe(receipts), changes.Values.Sum(), Describe(changes), await db.CommonProblemPushes.CountAsync(),
            selfChecks.Values.Sum(), Describe(selfChecks), evaluations.Count,
            string.Join(", ", evaluations.GroupBy(g => g ?? "incomplete").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        logger.LogInformation("Demo accounts (sign in at /account/sign-in or POST /api/account/token): {Accounts}",
            string.Join(", ", accounts.Select(a => $"{a.UserName} ({a.Role}) / {DemoAccounts.PasswordFor(a.UserName)}")));
    }

    private static async Task<Dictionary<string, int>> CountAsync<T>(IQueryable<T> rows, Func<T, string> key, Func<T, int> count) =>
        (await rows.ToListAsync()).ToDictionary(key, count);

    private static string Describe(Dictionary<string, int> counts) =>
        string.Join(", ", counts.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"));
}
