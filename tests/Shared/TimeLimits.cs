using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;

[assembly: Rectification.Testing.TimeLimits(TestSeconds = 120, RunMinutes = 30)]

namespace Rectification.Testing;

/// <summary>
/// Gives every test of the assembly a time limit (<see cref="TestSeconds"/>, or a <see cref="TimeLimitAttribute"/> on the test
/// or its fixture) and the whole assembly one too (<see cref="RunMinutes"/>, which also bounds one-time set-ups and teardowns).
/// A test past its limit is reported on the console by name and the test process is stopped, so the run fails at once with
/// that message instead of hanging CI until the job's own timeout.
/// </summary>
/// <remarks>
/// NUnit's <c>[Timeout]</c> cannot be used: on .NET (Core) NUnit 4 fails every test under it with "TargetFramework doesn't
/// support timeout on tests", because a thread can no longer be aborted. <c>[CancelAfter]</c> only cancels a token the test
/// must watch; the code under test here takes none, and a loop or a lost await would still hang. A hung test cannot be
/// abandoned and the run continued either (the worker thread stays blocked on it), so the process is ended.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class TimeLimitsAttribute : Attribute, ITestAction
{
    private readonly ConcurrentDictionary<string, Timer> running = new();

    public int TestSeconds { get; init; } = 120;

    public int RunMinutes { get; init; } = 30;

    public ActionTargets Targets => ActionTargets.Test | ActionTargets.Suite;

    public void BeforeTest(ITest test)
    {
        // At assembly level a suite action brackets only the assembly itself, not each fixture.
        var limit = test.IsSuite ? TimeSpan.FromMinutes(RunMinutes) : LimitOf(test);
        var what = test.IsSuite ? $"The test run of {Path.GetFileName(test.FullName)}" : $"Test {test.FullName}";
        var timer = new Timer(_ => Expire($"{what} exceeded its time limit of {limit.TotalSeconds:0} s and is taken to be hung; the test process is stopped."),
            null, System.Diagnostics.Debugger.IsAttached ? Timeout.InfiniteTimeSpan : limit, Timeout.InfiniteTimeSpan);
        if (running.TryRemove(test.Id, out var stale))
        {
            stale.Dispose();
        }

        running[test.Id] = timer;
    }

    public void AfterTest(ITest test)
    {
        if (running.TryRemove(test.Id, out var timer))
        {
            timer.Dispose();
        }
    }

    private TimeSpan LimitOf(ITest test)
    {
        var own = test.Method?.GetCustomAttributes<TimeLimitAttribute>(true).FirstOrDefault()
            ?? test.TypeInfo?.GetCustomAttributes<TimeLimitAttribute>(true).FirstOrDefault();
        return TimeSpan.FromSeconds(own?.Seconds ?? TestSeconds);
    }

    /// <summary>The message goes to both streams the runner shows for a crashed test host, then the process ends.</summary>
    private static void Expire(string message)
    {
        Console.Out.WriteLine(message);
        Console.Error.WriteLine(message);
        Environment.FailFast(message);
    }
}

/// <summary>A test (or every test of a fixture) that needs longer than the assembly's default limit; say why beside it.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = true)]
public sealed class TimeLimitAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}
