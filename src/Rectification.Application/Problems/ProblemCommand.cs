using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Plans;
using Rectification.Application.Reminders;
using Rectification.Domain.Plans;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

/// <summary>Base for commands that fire one trigger on one problem; state, role and guards are checked before the handler runs.</summary>
public abstract record ProblemCommand(Guid ProblemId, long? ExpectedVersion) : IAppCommand<ProblemSummary>, ILifecycleCommand
{
    [JsonIgnore] public ScopeTarget Target => new(TargetKind.Problem, ProblemId);
    [JsonIgnore] public abstract string Trigger { get; }
}

/// <summary>A problem command's handler: fires on the problem and answers with its summary as the ledger shows it.</summary>
public abstract class ProblemCommandHandler<TCommand>(LifecycleCommandServices services, Deadlines deadlines)
    : LifecycleCommandHandler<TCommand, Problem, ProblemSummary>(services)
    where TCommand : ProblemCommand
{
    protected Result<ProblemSummary> Done(Problem problem, Error? refusal) =>
        refusal is null ? ProblemSummary.From(problem, deadlines) : refusal;
}
