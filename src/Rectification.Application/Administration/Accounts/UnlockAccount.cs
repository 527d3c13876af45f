using Mediator;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>Lifts the lockout after failed sign-ins; a disabled account stays disabled.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record UnlockAccount(Guid AccountId) : IAppCommand<Guid>, IScoped
{
    public ScopeTarget Target => new(TargetKind.User, AccountId);
}

public sealed class UnlockAccountHandler(IAccountStore accounts) : ICommandHandler<UnlockAccount, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(UnlockAccount command, CancellationToken ct) =>
        await accounts.UnlockAsync(command.AccountId, ct) is { } refused ? refused : command.AccountId;
}
