using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Rectification.Application.Abstractions;
using Rectification.Application.Administration.Accounts;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Auditing;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Behaviors;

/// <summary>
/// Writes one audit entry per aggregate the command changed: who, when, which command with what payload, and
/// the changed values before and after. Derived from the change tracker, so no handler can forget it.
/// </summary>
public sealed class AuditBehavior<TMessage, TResponse>(IAppDbContext db, ICurrentUser user, TimeProvider clock, CaseStore cases)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>
    where TResponse : IResult<TResponse>
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The command as sent, less its <see cref="SecretAttribute"/> properties: a password is never written down.</summary>
    private static readonly JsonSerializerOptions PayloadJson = new()
    {
        WriteIndented = false,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutSecrets } },
    };

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var result = await next(message, cancellationToken);
        if (!result.IsSuccess)
        {
            return result;
        }

        // The case acted on is always versioned and recorded, even when only its children (a progress report,
        // a signature, a ledger line) changed: that is what makes two simultaneous actions on it conflict.
        var acted = message is ILifecycleCommand lifecycleCommand ? cases.Tracked(lifecycleCommand.Target) : null;
        if (acted is not null && db.Entry(acted).State == EntityState.Unchanged)
        {
            db.Entry(acted).State = EntityState.Modified;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var payload = JsonSerializer.Serialize(message, message.GetType(), PayloadJson);
        var trigger = (message as ILifecycleCommand)?.Trigger;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.Entity is IVersioned or Domain.Organization.Unit or Domain.Organization.UserAccount or Domain.Inspections.Round or Domain.Problems.EvidenceFile
                || e.Metadata.ClrType.IsDefined(typeof(AuditedEntityAttribute), false))
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        if (result is Result<SignInAttempt> { IsSuccess: true } signIn)
        {
            db.AuditEntries.Add(AttemptEntry(signIn.Value, entries, now, payload));
            return result;
        }

        foreach (var entry in entries)
        {
            var (before, after) = Describe(entry);
            var fromState = entry.Entity is ILifecycleCase && entry.State != EntityState.Added ? entry.OriginalValues["State"] as string : null;
            var toState = (entry.Entity as ILifecycleCase)?.State;
            db.AuditEntries.Add(new AuditEntry(now, user.UserId, user.UserName, user.Role.ToString(), typeof(TMessage).Name,
                entry.Metadata.ClrType.Name, (Guid)entry.Property("Id").CurrentValue!,
                ReferenceEquals(entry.Entity, acted) ? trigger : null, fromState, toState, before, after, payload));
        }

        return result;
    }

    /// <summary>
    /// A sign-in is sent before anyone is signed in, so its one entry is the attempt: in the name of whoever it turned out to be,
    /// with the outcome as trigger, however it ended. What it changed on the way (the failed-attempt counter, a lockout) is the
    /// account's before and after on that same entry rather than an entry of its own: a consequence of the attempt, not a change
    /// anybody made.
    /// </summary>
    private static AuditEntry AttemptEntry(SignInAttempt attempt, List<EntityEntry> changed, DateTime now, string payload)
    {
        var id = attempt.User?.Id ?? Guid.Empty;
        var account = changed.FirstOrDefault(e => e.Metadata.ClrType.Name == SignInAttempt.EntityType && (Guid)e.Property("Id").CurrentValue! == id);
        var (before, after) = account is null ? ("{}", "{}") : Describe(account);
        return new AuditEntry(now, attempt.User?.Id, attempt.AuditedName, attempt.User?.Role.ToString() ?? "", typeof(TMessage).Name, SignInAttempt.EntityType, id,
            attempt.Outcome.ToString(), null, null, before, after, payload);
    }

    private static (string Before, string After) Describe(EntityEntry entry)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        var unrecorded = entry.Metadata.ClrType.GetCustomAttribute<AuditedEntityAttribute>()?.Unrecorded;
        foreach (var property in entry.Properties)
        {
            // The version moves on by one with every saved change (the handler already stepped it so its answer shows it): the
            // entry records what changed, as it did when only the save stepped it.
            if (unrecorded?.Contains(property.Metadata.Name) == true
                || (entry.State == EntityState.Modified && entry.Entity is IVersioned && property.Metadata.Name == nameof(IVersioned.Version)))
            {
                continue;
            }

            var original = entry.State == EntityState.Added ? null : property.OriginalValue;
            var current = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            // The property's own comparer: a JSON list (a clue's problems) is a new instance after loading, yet unchanged.
            if (entry.State == EntityState.Modified && property.Metadata.GetValueComparer().Equals(original, current))
            {
                continue;
            }

            if (entry.State != EntityState.Added) before[property.Metadata.Name] = original;
            if (entry.State != EntityState.Deleted) after[property.Metadata.Name] = current;
        }

        return (JsonSerializer.Serialize(before, Json), JsonSerializer.Serialize(after, Json));
    }

    private static void LeaveOutSecrets(JsonTypeInfo type)
    {
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].AttributeProvider?.IsDefined(typeof(SecretAttribute), true) == true)
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
