using Mediator;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>Lets a disabled (or locked) account sign in again.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record EnableAccount(Guid AccountId) : IAppCommand<Guid>, IScoped
{
    public ScopeTarget Target => new(TargetKind.User, AccountId);
}

public sealed class EnableAccountHandler(IAccountStore accounts) : ICommandHandler<EnableAccount, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(EnableAccount command, CancellationToken ct) =>
        await accounts.EnableAsync(command.AccountId, ct) is { } refused ? refused : command.AccountId;
}
