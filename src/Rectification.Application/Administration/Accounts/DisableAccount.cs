using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>Ends the account's sessions and tokens and refuses its sign-ins until enabled again; never one's own, or the last administrator could shut everyone out.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record DisableAccount(Guid AccountId) : AccountCommand(AccountId);

public sealed class DisableAccountHandler(IAccountStore accounts, ICurrentUser user) : AccountCommandHandler<DisableAccount>(accounts)
{
    protected override async Task<Error?> Change(IAccountStore accounts, DisableAccount command, CancellationToken ct) =>
        command.AccountId == user.UserId && await accounts.ExistsAsync(command.AccountId, ct)
            ? Error.Conflict("account.cannot-disable-self")
            : await accounts.DisableAsync(command.AccountId, ct);
}
