using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Receipts;

namespace Rectification.Application.Receipts;

/// <summary>A receipt with who acknowledged it and when; Overdue: still pending after its limit.</summary>
public sealed record ReceiptDto(Guid Id, ReceiptKind Kind, string CaseType, Guid CaseId, Guid UnitId, string? Step, DateTime IssuedAt, DateOnly DueDate,
    string State, bool Overdue, DateTime? AcknowledgedAt, Guid? AcknowledgedBy, string? AcknowledgedByName, Role? AcknowledgedByRole, bool Late, long Version)
{
    public static ReceiptDto From(Receipt r, DateOnly today) => new(r.Id, r.Kind, r.CaseType, r.CaseId, r.UnitId, r.Step, r.IssuedAt, r.DueDate, r.State,
        r.State == ReceiptStates.Pending && today > r.DueDate, r.AcknowledgedAt, r.AcknowledgedBy, r.AcknowledgedByName, r.AcknowledgedByRole, r.Late, r.Version);
}
