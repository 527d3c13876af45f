using Rectification.Application.Abstractions;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rectification.Domain.Auditing;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Problems;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Bench;

internal sealed record CommandStats(int Count, int Failures, double P50, double P99, double Max, double ResponseP99, double AllocatedPerCommand, string? FirstError);

/// <summary>
/// A representative write command run on its own thread and its own connections while the sweep runs: a unit
/// liaison reports progress on a random open problem, done as the real pipeline does it — the current user and
/// the case (with its reports) read outside a transaction, the lifecycle asked, the case marked modified (its
/// version raised) with an audit entry, and one transaction holding the save. Open loop: one command is due every
/// interval; <see cref="CommandStats.ResponseP99"/> counts from when it was due, so a stalled command also charges
/// the ones queued behind it (no coordinated omission). The service-time figures count from when it started.
/// </summary>
internal sealed class CommandLoad(DbContextOptions<RectificationDbContext> options, Scenario scenario, LifecycleDefinition definition, TimeProvider clock, TimeSpan interval, IWriteGate gate)
{
    private static readonly JsonSerializerOptions Json = new();
    private readonly Random random = new(4242);
    private readonly List<double> service = [];
    private readonly List<double> response = [];
    private Thread? thread;
    private volatile bool stopping;
    private int failures;
    private string? firstError;
    private long allocated;

    public void Start()
    {
        thread = new Thread(() => Loop(int.MaxValue)) { IsBackground = true, Name = "command load" };
        thread.Start();
    }

    public CommandStats Stop()
    {
        stopping = true;
        thread?.Join();
        return Result();
    }

    /// <summary>The same load with nothing else running, for comparison.</summary>
    public CommandStats RunAlone(int count)
    {
        Loop(count);
        return Result();
    }

    private CommandStats Result() => new(service.Count, failures, Stats.Percentile(service, 50), Stats.Percentile(service, 99), Stats.Max(service),
        Stats.Percentile(response, 99), service.Count == 0 ? 0 : (double)allocated / service.Count, firstError);

    private void Loop(int count)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        var intervalTicks = interval.TotalSeconds * Stopwatch.Frequency;
        for (var k = 0L; k < count && !stopping; k++)
        {
            var due = start + (long)(k * intervalTicks);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }

            var began = Stopwatch.GetTimestamp();
            try
            {
                Execute();
            }
            catch (Exception e)
            {
                failures++;
                firstError ??= $"{e.GetType().Name}: {e.GetBaseException().Message}";
            }

            var ended = Stopwatch.GetTimestamp();
            service.Add(Stopwatch.GetElapsedTime(began, ended).TotalMilliseconds);
            response.Add(Stopwatch.GetElapsedTime(Math.Min(due, began), ended).TotalMilliseconds);
        }

        allocated += GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private void Execute()
    {
        var n = random.Next(scenario.Problems);
        var problemId = scenario.ProblemId(n);
        var userId = scenario.LiaisonOf(n);
        var now = clock.GetUtcNow().UtcDateTime;
        using var db = new RectificationDbContext(options);
        var user = db.Users.AsNoTracking().First(u => u.Id == userId);
        var problem = db.Problems.Include(p => p.Progress).First(p => p.Id == problemId);
        var machine = new LifecycleMachine(definition, problem, user.Role, now);
        var text = "本周完成制度修订初稿，组织专题学习一次，整改台账已更新。";
        if (problem.ReportProgress(machine, user.Role, user.Id, text, 40, null, [], now) is { } refusal)
        {
            throw new InvalidOperationException($"ReportProgress refused: {refusal.Code}");
        }

        if (db.Entry(problem).State == EntityState.Unchanged)
        {
            db.Entry(problem).State = EntityState.Modified;
        }

        var payload = JsonSerializer.Serialize(new { ProblemId = problemId, Text = text, Percent = 40 }, Json);
        db.AuditEntries.Add(new AuditEntry(now, user.Id, user.UserName, user.Role.ToString(), "ReportProgress", nameof(Problem), problem.Id,
            ProblemTriggers.ReportProgress, problem.State, problem.State, $"{{\"Version\":{problem.Version}}}", $"{{\"Version\":{problem.Version + 1}}}", payload));
        // As TransactionBehavior: the write gate's turn, then one transaction around the save (the context's SaveChangesAsync raises the version).
        using var turn = gate.EnterAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        using var transaction = db.Database.BeginTransaction();
        db.SaveChangesAsync().GetAwaiter().GetResult();
        transaction.Commit();
    }
}
