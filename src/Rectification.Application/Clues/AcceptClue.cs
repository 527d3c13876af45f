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

/// <summary>The discipline commission acknowledges receipt (签收) of the sheet.</summary>
public sealed record AcceptClue(Guid ClueId, long? ExpectedVersion = null) : ClueCommand(ClueId, ExpectedVersion)
{
    public override string Trigger => ClueTriggers.Accept;
}

public sealed class AcceptClueHandler(LifecycleCommandServices services) : ClueCommandHandler<AcceptClue>(services)
{
    protected override ValueTask<Result<ClueDto>> Fire(AcceptClue command, LifecycleStep<Clue> step, CancellationToken ct) =>
        ValueTask.FromResult(Done(step.Case, step.Case.Accept(step.Machine, User.Role, User.UserId ?? Guid.Empty, step.Now)));
}
