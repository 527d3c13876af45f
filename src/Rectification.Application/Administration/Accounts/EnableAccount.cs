using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>Lets a disabled (or locked) account sign in again.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record EnableAccount(Guid AccountId) : AccountCommand(AccountId);

public sealed class EnableAccountHandler(IAccountStore accounts) : AccountCommandHandler<EnableAccount>(accounts)
{
    protected override Task<Error?> Change(IAccountStore accounts, EnableAccount command, CancellationToken ct) => accounts.EnableAsync(command.AccountId, ct);
}
