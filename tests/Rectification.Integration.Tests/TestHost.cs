using System.Net.Http.Headers;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rectification.Application.Abstractions;
using Rectification.Domain.Common;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Persistence;
using Rectification.Web.Security;

namespace Rectification.Integration.Tests;

/// <summary>The real host on a real database; only time is fake, and faults can be injected at SaveChanges.</summary>
public sealed class TestHost(DatabaseOptions database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The key the host signs API tokens with; a test that forges a token uses another.</summary>
    public const string SigningKey = "test-signing-key-of-the-rectification-suites-0123456789";

    private const string TestScheme = "TestHeaderOrProduct";

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    public SaveFaults Faults { get; } = new();
    public const long EvidenceMaxFileBytes = 256 * 1024;
    public const int EvidenceMaxPackageEntries = 200;
    public const long EvidenceMaxUnpackedBytes = 4 * 1024 * 1024;
    public string EvidenceFolder { get; } = Path.Combine(Path.GetTempPath(), "rectification-tests", "evidence-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Rectification", database.ConnectionString);
        builder.UseSetting("Authentication:Jwt:SigningKey", SigningKey);
        builder.UseSetting("RateLimiting:SignInPermitsPerMinute", "1000000");
        builder.UseSetting("RateLimiting:SignInPermitsPerAccountPerMinute", "1000000");
        // Tests run the sweep themselves at the instants they choose; the Hangfire tests start servers of their own.
        builder.UseSetting("Jobs:Enabled", "false");
        // The rate limit stays on, but far above what the fuzz and matrix suites send per user in a minute.
        builder.UseSetting("RateLimiting:PermitsPerMinute", "1000000");
        builder.UseSetting("Email:PickupFolder", Path.Combine(Path.GetTempPath(), "rectification-tests", "mail-" + Guid.NewGuid().ToString("N")));
        builder.UseSetting("Evidence:Folder", EvidenceFolder);
        // Small, so that the oversized-upload tests and the fuzz suite send little.
        builder.UseSetting("Evidence:MaxFileBytes", EvidenceMaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Low too, so that a zip bomb and a package of too many entries fit under the small file limit.
        builder.UseSetting("Evidence:MaxPackageEntries", EvidenceMaxPackageEntries.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Evidence:MaxUnpackedBytes", EvidenceMaxUnpackedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IInterceptor>(Faults);
            services.AddScoped<TestActor>();
            // A request naming a user in the test header is that user; any other request meets the product's own schemes.
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, DemoHeaderAuthentication>(DemoHeaderAuthentication.SchemeName, null)
                .AddPolicyScheme(TestScheme, "Test header, else the product's schemes", o => o.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(DemoHeaderAuthentication.Header) ? DemoHeaderAuthentication.SchemeName : SecurityRegistration.PolicyScheme);
            services.Configure<AuthenticationOptions>(o => o.DefaultScheme = TestScheme);
            services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestActor>().User
                ?? ActivatorUtilities.CreateInstance<HttpCurrentUser>(sp));
            // Last, so that a suite can wrap what the host registered, the clock and the current user included.
            configureServices?.Invoke(services);
        });
    }

    public HttpClient ClientFor(string userName, string language = "zh-CN")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(DemoHeaderAuthentication.Header, userName);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    /// <summary>Sends a message through the real pipeline as the named user, in a scope of its own (as one HTTP request would).</summary>
    public async Task<Result<T>> Send<T>(string userName, IMessage message) => await Send<T>(await Actor(userName), message);

    /// <summary>As <see cref="Send{T}(string, IMessage)"/> for a user already looked up: the suites that send tens of thousands of messages.</summary>
    public async Task<Result<T>> Send<T>(ActingUser actor, IMessage message)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestActor>().User = actor;
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        return (Result<T>)(await sender.Send((object)message))!;
    }

    /// <summary>Sends a message of any result type and gives back only its refusal (null on success).</summary>
    public async Task<Error?> SendForError(ActingUser actor, object message)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestActor>().User = actor;
        var result = (await scope.ServiceProvider.GetRequiredService<ISender>().Send(message))!;
        return (Error?)result.GetType().GetProperty(nameof(Result<int>.Error))!.GetValue(result);
    }

    public Task<ActingUser> Actor(string userName) => Query(async db =>
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var path = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Path).SingleAsync();
        return new ActingUser(user.Id, user.UserName, user.Role, user.UnitId, path);
    });

    public async Task<Application.Reminders.SweepReport> Sweep(int batchSize = Application.Reminders.ReminderSweep.DefaultBatchSize)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Application.Reminders.ReminderSweep>().RunAsync(batchSize);
    }

    public async Task<TResult> Query<TResult>(Func<RectificationDbContext, Task<TResult>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RectificationDbContext>());
    }
}

public sealed class TestActor
{
    public ICurrentUser? User { get; set; }
}

public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    /// <summary>The office's day (Asia/Shanghai by default), as the product counts days.</summary>
    public DateOnly Today => Rectification.Domain.Common.OfficeTime.DayOf(now.UtcDateTime);
}

/// <summary>
/// Fault injection at the database boundary: fail the next save, fail after a save has written its rows but before the
/// caller commits, or hold saves until several arrive together. Counts every save, so a test knows how many a command makes.
/// </summary>
public sealed class SaveFaults : SaveChangesInterceptor
{
    private Barrier? barrier;

    private int savesUntilFailure = -1;
    private int savesUntilFailureBeforeCommit = -1;
    private int saves;

    /// <summary>Saves begun on any context of the host since it started.</summary>
    public int Saves => Volatile.Read(ref saves);

    /// <summary>
    /// Lets <paramref name="saves"/> saves complete, then lets the next one write its rows and throws as it returns: the
    /// moment after the change is saved and before the transaction commits.
    /// </summary>
    public void FailBeforeCommitAfter(int saves) => savesUntilFailureBeforeCommit = saves;

    public bool FailNextSave
    {
        get => savesUntilFailure == 0;
        set => savesUntilFailure = value ? 0 : -1;
    }

    /// <summary>Lets <paramref name="saves"/> saves through, then fails the next one: a crash in the middle of a run.</summary>
    public void FailAfter(int saves) => savesUntilFailure = saves;

    public void HoldUntil(int participants) => barrier = new Barrier(participants);

    public void Release() => barrier = null;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref saves);
        if (savesUntilFailure == 0)
        {
            savesUntilFailure = -1;
            throw new IOException("Injected fault: the database went away during the save.");
        }

        if (savesUntilFailure > 0)
        {
            savesUntilFailure--;
        }

        if (barrier is { } b && eventData.Context is RectificationDbContext context && context.ChangeTracker.Entries<IVersioned>().Any(e => e.State == EntityState.Modified))
        {
            b.SignalAndWait(TimeSpan.FromSeconds(10));
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (savesUntilFailureBeforeCommit == 0)
        {
            savesUntilFailureBeforeCommit = -1;
            throw new IOException("Injected fault: the database went away after the save, before the commit.");
        }

        if (savesUntilFailureBeforeCommit > 0)
        {
            savesUntilFailureBeforeCommit--;
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
