using System.Globalization;
using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Organization;

namespace Rectification.Demo;

/// <summary>
/// Sends the application's commands as the demo's people at the story's moments, each in a scope of its own as one HTTP
/// request would be: validation, authorization, the lifecycle rule and one transaction with its audit entries and outbox
/// rows are the application's own. A refused command is a bug in the demo (or in the application) and stops the seeding.
/// </summary>
internal sealed class DemoCommands(IServiceProvider services, DemoClock clock, IReadOnlyDictionary<Guid, string> unitPaths)
{
    public int Count { get; private set; }

    /// <summary>Time spent in the commands, for the seeding summary: the pipeline's share of the whole.</summary>
    public TimeSpan Elapsed { get; private set; }

    public async Task<T> SendAsync<T>(UserAccount actor, DateTime at, IAppCommand<T> command, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        clock.MoveTo(at);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DemoActor>().User =
            new ActingUser(actor.Id, actor.UserName, actor.Role, actor.UnitId, unitPaths[actor.UnitId], actor.PreferredLanguage);
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
        if (!result.IsSuccess)
        {
            var refusal = result.Error!;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Demo seeding step refused: {command.GetType().Name} by {actor.UserName} ({actor.Role}) at {at:O}: {refusal.Code} ")
                + string.Join(", ", refusal.Args.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key}={a.Value}"))));
        }

        Count++;
        Elapsed += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return result.Value;
    }
}
