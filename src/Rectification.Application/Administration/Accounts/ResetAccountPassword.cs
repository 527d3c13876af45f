using FluentValidation;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>An administrator sets a new password for someone who lost theirs; every session and token issued before ends.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record ResetAccountPassword(Guid AccountId, [property: Secret] string? NewPassword) : AccountCommand(AccountId);

public sealed class ResetAccountPasswordValidator : AbstractValidator<ResetAccountPassword>
{
    public ResetAccountPasswordValidator() =>
        RuleFor(c => c.NewPassword).Must(AccountPasswords.IsAcceptable).WithMessage(AccountPasswords.Rule);
}

public sealed class ResetAccountPasswordHandler(IAccountStore accounts) : AccountCommandHandler<ResetAccountPassword>(accounts)
{
    protected override Task<Error?> Change(IAccountStore accounts, ResetAccountPassword command, CancellationToken ct) =>
        accounts.ResetPasswordAsync(command.AccountId, command.NewPassword!, ct);
}
