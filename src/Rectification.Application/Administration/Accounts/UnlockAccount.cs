using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>Lifts the lockout after failed sign-ins; a disabled account stays disabled.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record UnlockAccount(Guid AccountId) : AccountCommand(AccountId);

public sealed class UnlockAccountHandler(IAccountStore accounts) : AccountCommandHandler<UnlockAccount>(accounts)
{
    protected override Task<Error?> Change(IAccountStore accounts, UnlockAccount command, CancellationToken ct) => accounts.UnlockAsync(command.AccountId, ct);
}
