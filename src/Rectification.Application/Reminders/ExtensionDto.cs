using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles.Kinds;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Reminders;

public sealed record ExtensionDto(Guid Id, string Lifecycle, Guid CaseId, DateOnly OldDeadline, DateOnly NewDeadline, string Reason, ExtensionStatus Status,
    DateTime RequestedAt, Guid RequestedBy, Guid? DecidedBy, DateTime? DecidedAt, string? DecisionComment, Guid UnitId)
{
    public static ExtensionDto From(DeadlineExtension e) => new(e.Id, e.Lifecycle, e.CaseId, e.OldDeadline, e.NewDeadline, e.Reason, e.Status,
        e.RequestedAt, e.RequestedBy, e.DecidedBy, e.DecidedAt, e.DecisionComment, e.UnitId);
}

/// <summary>The deadline of a case that is still being chased, per the ladders' active states.</summary>
internal static class CaseDeadlines
{
    public static async Task<RunningDeadline?> FindAsync(IAppDbContext db, ReminderSettings settings, TargetKind kind, Guid id, CancellationToken ct)
    {
        var source = CaseSources.Of(kind);
        var states = settings.For(source.Lifecycle)?.ActiveStates.ToArray() ?? [];
        return await source.Running(db, states, id).FirstOrDefaultAsync(ct);
    }
}
