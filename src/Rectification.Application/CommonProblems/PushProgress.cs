using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Application.Plans;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Inspections;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Severity = Rectification.Domain.Problems.Severity;

namespace Rectification.Application.CommonProblems;

internal static class PushProgress
{
    public static PushProgressDto Of(CommonProblemPush push, IReadOnlyList<SelfCheckTask> tasks, IReadOnlyDictionary<Guid, string> unitNames,
        IReadOnlyDictionary<Guid, string> problemStates, DateOnly today)
    {
        var rows = tasks
            .Select(t => new SelfCheckRow(t.Id, t.UnitId, unitNames.GetValueOrDefault(t.UnitId, ""), t.State, t.DueDate,
                t.State == SelfCheckStates.Pending && today > t.DueDate, t.AnsweredAt, t.AnsweredByName, t.Statement, t.OpenedProblemId,
                t.OpenedProblemId is { } p ? problemStates.GetValueOrDefault(p) : null, t.Late))
            .OrderBy(r => r.UnitName, StringComparer.Ordinal)
            .ToList();
        return new PushProgressDto(push.Id, push.ProblemId, push.Title, push.Note, push.PushedAt, push.DueDate, rows.Count,
            rows.Count(r => r.State == SelfCheckStates.NotPresent), rows.Count(r => r.State == SelfCheckStates.Opened),
            rows.Count(r => r.State == SelfCheckStates.Pending), rows.Count(r => r.Overdue), rows.Count(r => r.Late), rows);
    }
}
