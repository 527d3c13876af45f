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

public abstract record ClueCommand(Guid ClueId, long? ExpectedVersion) : IAppCommand<ClueDto>, ILifecycleCommand
{
    [JsonIgnore] public ScopeTarget Target => new(TargetKind.Clue, ClueId);
    [JsonIgnore] public abstract string Trigger { get; }
}

/// <summary>A clue command's handler: fires on the clue sheet and answers with the sheet.</summary>
public abstract class ClueCommandHandler<TCommand>(LifecycleCommandServices services) : LifecycleCommandHandler<TCommand, Clue, ClueDto>(services)
    where TCommand : ClueCommand
{
    protected static Result<ClueDto> Done(Clue clue, Error? refusal) => refusal is null ? ClueDto.From(clue) : refusal;
}
