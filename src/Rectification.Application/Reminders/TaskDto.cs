using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Reminders;

public sealed record TaskDto(Guid Id, SupervisionTaskKind Kind, string Lifecycle, Guid CaseId, Guid UnitId, Role AssigneeRole, DateOnly DueDate,
    DateTime OpenedAt, SupervisionTaskStatus Status, DateTime? CompletedAt, string? Record)
{
    public static TaskDto From(SupervisionTask t) => new(t.Id, t.Kind, t.Lifecycle, t.CaseId, t.UnitId, t.AssigneeRole, t.DueDate, t.OpenedAt, t.Status, t.CompletedAt, t.Record);
}
