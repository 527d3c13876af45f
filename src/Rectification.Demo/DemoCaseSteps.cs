using System.Text.Json;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Domain.Auditing;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Demo;

/// <summary>
/// Moves demo cases through the same domain methods and lifecycle machine the application uses, so seeded
/// data obeys the workflow files. A refused step is a bug in the seeder and stops it. Each step leaves an
/// audit entry, so a demo case shows its history like a real one. No notifications are queued: this is past
/// history, and a dispatcher would otherwise mail thousands of stale messages on the first start.
/// </summary>
internal sealed class DemoCaseSteps(RectificationDbContext db, ILifecycleCatalog catalog)
{
    private const string Payload = """{"demoSeed":true}""";

    public int Count { get; private set; }

    /// <summary>Fires one step as <paramref name="actor"/> (null for the system) at <paramref name="at"/>.</summary>
    public void Fire(ILifecycleCase subject, string command, string trigger, UserAccount? actor, DateTime at, Func<LifecycleMachine, Role, Error?> step)
    {
        var role = actor?.Role ?? Role.System;
        var from = subject.State;
        var machine = catalog.MachineFor(subject, role, at);
        if (step(machine, role) is { } refusal)
        {
            var args = string.Join(", ", refusal.Args.Select(a => $"{a.Key}={a.Value}"));
            throw new InvalidOperationException(
                $"Demo seeding step refused: {command} ({trigger}) by {role} on {subject.GetType().Name} {subject.Id} in state {from}: {refusal.Code} {args}");
        }

        Audit(subject, command, trigger, from, actor, at);
    }

    /// <summary>Records the creation of a case (registration, opening, handover), which is not a transition.</summary>
    public void Created(ILifecycleCase subject, string command, UserAccount? actor, DateTime at) =>
        Audit(subject, command, null, null, actor, at);

    /// <summary>
    /// Records a step of an object that has no lifecycle machine (a receipt, a line change, a self-check, an evaluation),
    /// so its history reads like one made through the API.
    /// </summary>
    public void Recorded(string entityType, Guid entityId, string command, string? from, string to, UserAccount? actor, DateTime at) =>
        Audit(entityType, entityId, command, null, from, to, actor, at);

    private void Audit(ILifecycleCase subject, string command, string? trigger, string? from, UserAccount? actor, DateTime at) =>
        Audit(subject.GetType().Name, subject.Id, command, trigger, from, subject.State, actor, at);

    private void Audit(string entityType, Guid entityId, string command, string? trigger, string? from, string to, UserAccount? actor, DateTime at)
    {
        var before = from is null ? "{}" : JsonSerializer.Serialize(new { State = from });
        var after = JsonSerializer.Serialize(new { State = to });
        db.AuditEntries.Add(new AuditEntry(at, actor?.Id, actor?.UserName ?? "system", (actor?.Role ?? Role.System).ToString(), command,
            entityType, entityId, trigger, from, to, before, after, Payload));
        Count++;
    }
}
