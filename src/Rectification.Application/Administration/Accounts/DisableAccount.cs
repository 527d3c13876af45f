using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>Ends the account's sessions and tokens and refuses its sign-ins until enabled again; never one's own, or the last administrator could shut everyone out.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record DisableAccount(Guid AccountId) : IAppCommand<Guid>, IScoped
{
    public ScopeTarget Target => new(TargetKind.User, AccountId);
}

public sealed class DisableAccountHandler(IAccountStore accounts, ICurrentUser user) : ICommandHandler<DisableAccount, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(DisableAccount command, CancellationToken ct)
    {
        if (command.AccountId == user.UserId && await accounts.ExistsAsync(command.AccountId, ct))
        {
            return Error.Conflict("account.cannot-disable-self");
        }

        return await accounts.DisableAsync(command.AccountId, ct) is { } refused ? refused : command.AccountId;
    }
}
