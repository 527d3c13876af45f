using FluentValidation;
using Mediator;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>An administrator sets a new password for someone who lost theirs; every session and token issued before ends.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record ResetAccountPassword(Guid AccountId, [property: Secret] string? NewPassword) : IAppCommand<Guid>, IScoped
{
    public ScopeTarget Target => new(TargetKind.User, AccountId);
}

public sealed class ResetAccountPasswordValidator : AbstractValidator<ResetAccountPassword>
{
    public ResetAccountPasswordValidator() =>
        RuleFor(c => c.NewPassword).Must(AccountPasswords.IsAcceptable).WithMessage(AccountPasswords.Rule);
}

public sealed class ResetAccountPasswordHandler(IAccountStore accounts) : ICommandHandler<ResetAccountPassword, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ResetAccountPassword command, CancellationToken ct) =>
        await accounts.ResetPasswordAsync(command.AccountId, command.NewPassword!, ct) is { } refused ? refused : command.AccountId;
}
