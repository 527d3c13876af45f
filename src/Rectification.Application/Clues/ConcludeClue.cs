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

public sealed record ConcludeClue(Guid ClueId, string Summary, int CasesFiled, int PeopleDisciplined, int TransferredToJudicial, decimal MoneyRecovered,
    long? ExpectedVersion = null) : ClueCommand(ClueId, ExpectedVersion)
{
    public override string Trigger => ClueTriggers.Conclude;
}

public sealed class ConcludeClueValidator : AbstractValidator<ConcludeClue>
{
    public ConcludeClueValidator()
    {
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.CasesFiled).InclusiveBetween(0, 100_000);
        RuleFor(c => c.PeopleDisciplined).InclusiveBetween(0, 100_000);
        RuleFor(c => c.TransferredToJudicial).InclusiveBetween(0, 100_000);
        RuleFor(c => c.MoneyRecovered).InclusiveBetween(0m, 1_000_000_000_000m);
    }
}

public sealed class ConcludeClueHandler(LifecycleCommandServices services) : ClueCommandHandler<ConcludeClue>(services)
{
    protected override ValueTask<Result<ClueDto>> Fire(ConcludeClue command, LifecycleStep<Clue> step, CancellationToken ct) =>
        ValueTask.FromResult(Done(step.Case, step.Case.Conclude(step.Machine, User.Role,
            new ClueOutcome(command.Summary, command.CasesFiled, command.PeopleDisciplined, command.TransferredToJudicial, command.MoneyRecovered), step.Now)));
}
