using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Persistence;
using DomainUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Integration.Tests;

/// <summary>One real host and one fresh database per fixture and provider; tests build their own inspections in it.</summary>
public abstract class HostTest(DatabaseProvider provider)
{
    private TestDatabase? database;
    private static int roundNumber;

    protected TestHost Host { get; private set; } = null!;
    protected Organization Org { get; private set; } = null!;
    protected DatabaseProvider Provider => provider;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        database = await TestDatabase.CreateAsync(provider, SqliteRoot);
        Host = new TestHost(database.Options, HostSettings);
        BeforeStart(Host);
        await using var scope = Host.Services.CreateAsyncScope();
        Org = await Organization.SeedAsync(scope.ServiceProvider.GetRequiredService<RectificationDbContext>());
    }

    /// <summary>Settings this fixture's host runs with, over the test defaults of <see cref="TestHost"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? HostSettings => null;

    /// <summary>Where this fixture's SQLite file goes; null for the temporary folder.</summary>
    protected virtual string? SqliteRoot => null;

    /// <summary>The last moment to change how the host runs (e.g. on a real port for a browser) before it starts.</summary>
    protected virtual void BeforeStart(TestHost host)
    {
    }

    [TearDown]
    public void ClearFaults()
    {
        // Host is unset when the fixture was ignored (its database is not configured) or failed to start.
        if (Host is null)
        {
            return;
        }

        Host.Faults.FailNextSave = false;
        Host.Faults.FailBeforeCommitAfter(-1);
        Host.Faults.Release();
    }

    /// <summary>Stops whatever was started: NUnit runs this even when <see cref="StartHost"/> ignored the fixture or threw.</summary>
    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected static T Ok<T>(Result<T> result)
    {
        Assert.That(result.Error?.Code + " " + string.Join(", ", result.Error?.Args.Select(a => $"{a.Key}={a.Value}") ?? []), Is.EqualTo(" "), () => $"expected success, got {result.Error?.Code}: {string.Join(", ", result.Error?.Args.Select(a => $"{a.Key}={a.Value}") ?? [])}");
        return result.Value;
    }

    protected async Task<InspectionDto> NewInspection(DomainUnit unit)
    {
        var round = Ok(await Host.Send<RoundDto>("office", new CreateRound("测试轮次", 2026, Interlocked.Increment(ref roundNumber))));
        return Ok(await Host.Send<InspectionDto>("office", new RegisterInspection(round.Id, unit.Id, InspectionKind.Regular, "第一巡察组",
            Host.Clock.Today.AddDays(-30), Host.Clock.Today)));
    }

    /// <summary>Moves the clock to 09:00 on <paramref name="day"/> (never backwards) and runs the sweep as the job would.</summary>
    protected async Task SweepOn(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        if (target > Host.Clock.GetUtcNow())
        {
            Host.Clock.Advance(target - Host.Clock.GetUtcNow());
        }

        await Host.Sweep();
    }

    protected async Task<ProblemSummary> NewProblem(InspectionDto inspection, Severity severity = Severity.General) =>
        Ok(await Host.Send<ProblemSummary>("group", new RegisterProblem(inspection.Id, "落实全面从严治党主体责任不到位", "班子成员履行一岗双责不力",
            "党的领导", severity, "抽查会议记录12份", "《中国共产党问责条例》第七条", "巡察组调阅资料、个别谈话")));

    /// <summary>An inspection whose problems are fed back, planned, accepted: the problems are in rectification.</summary>
    protected async Task<(InspectionDto Inspection, Guid PlanId, IReadOnlyList<ProblemSummary> Problems)> InRectification(DomainUnit unit, int count = 1, Severity severity = Severity.General)
    {
        var inspection = await NewInspection(unit);
        var problems = new List<ProblemSummary>();
        for (var i = 0; i < count; i++)
        {
            problems.Add(await NewProblem(inspection, severity));
        }

        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        var liaison = $"{unit.Code.ToLowerInvariant()}-liaison";
        foreach (var problem in problems)
        {
            Ok(await Host.Send<PlanDto>(liaison, new EditLedgerLine(feedback.PlanId, problem.Id, "修订议事规则，逐项整改", "张书记", "办公室",
                RectificationKind.TimeLimited, Host.Clock.Today.AddDays(90))));
        }

        Ok(await Host.Send<PlanDto>(liaison, new SubmitPlan(feedback.PlanId)));
        Ok(await Host.Send<PlanDto>("discipline", new AcceptPlan(feedback.PlanId, "方案可行")));
        var current = new List<ProblemSummary>();
        foreach (var p in problems)
        {
            current.Add(Ok(await Host.Send<ProblemDetail>(liaison, new GetProblem(p.Id))).Summary);
        }

        return (inspection, feedback.PlanId, current);
    }

    /// <summary>Takes a problem in rectification to 已销号: a progress report with evidence, review, the three signatures, the office's close.</summary>
    protected async Task CloseAsync(ProblemSummary problem, string liaison, string leader)
    {
        Ok(await Host.Send<ProblemSummary>(liaison, new ReportProgress(problem.Id, "已完成整改", 100, null, [Evidence()])));
        Ok(await Host.Send<ProblemSummary>(liaison, new SubmitForReview(problem.Id)));
        foreach (var party in new[] { leader, "discipline", "organization" })
        {
            Ok(await Host.Send<ProblemSummary>(party, new SignOffProblem(problem.Id, true, "同意")));
        }

        Ok(await Host.Send<ProblemSummary>("office", new CloseProblem(problem.Id)));
    }

    protected static EvidenceInput Evidence(string name = "整改报告.pdf") => new(name, new string('a', 64));
}
