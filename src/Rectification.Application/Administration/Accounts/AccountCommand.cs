using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Application.Administration.Accounts;

/// <summary>
/// Base of the administrator's commands on one existing account (disable, enable, unlock, reset the password): scoped to the
/// account's user, so another unit's account answers exactly like a missing one, and answering with the account's id.
/// </summary>
public abstract record AccountCommand(Guid AccountId) : IAppCommand<Guid>, IScoped
{
    public ScopeTarget Target => new(TargetKind.User, AccountId);
}

/// <summary>An account command's handler: one change through the account store, whose refusal (if any) is the answer.</summary>
public abstract class AccountCommandHandler<TCommand>(IAccountStore accounts) : ICommandHandler<TCommand, Result<Guid>>
    where TCommand : AccountCommand
{
    public async ValueTask<Result<Guid>> Handle(TCommand command, CancellationToken ct) =>
        await Change(accounts, command, ct) is { } refused ? refused : command.AccountId;

    protected abstract Task<Error?> Change(IAccountStore accounts, TCommand command, CancellationToken ct);
}
