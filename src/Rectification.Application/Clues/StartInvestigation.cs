using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Clues;

public sealed record StartInvestigation(Guid ClueId, long? ExpectedVersion = null) : ClueCommand(ClueId, ExpectedVersion)
{
    public override string Trigger => ClueTriggers.StartInvestigation;
}

public sealed class StartInvestigationHandler(LifecycleCommandServices services) : ClueCommandHandler<StartInvestigation>(services)
{
    protected override ValueTask<Result<ClueDto>> Fire(StartInvestigation command, LifecycleStep<Clue> step, CancellationToken ct) =>
        ValueTask.FromResult(Done(step.Case, step.Case.StartInvestigation(step.Machine, User.Role)));
}
