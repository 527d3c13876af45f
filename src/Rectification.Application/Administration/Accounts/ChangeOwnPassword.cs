using FluentValidation;
using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Unit = Rectification.Domain.Common.Unit;

namespace Rectification.Application.Administration.Accounts;

/// <summary>
/// Anyone signed in with a password changes it, proving the current one. Open to every role and scoped to nobody else: the
/// account changed is always the sender's own.
/// </summary>
public sealed record ChangeOwnPassword([property: Secret] string? CurrentPassword, [property: Secret] string? NewPassword) : IAppCommand<Unit>;

public sealed class ChangeOwnPasswordValidator : AbstractValidator<ChangeOwnPassword>
{
    public ChangeOwnPasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).Must(AccountPasswords.IsAcceptable).WithMessage(AccountPasswords.Rule);
        RuleFor(c => c.NewPassword).Must(AccountPasswords.IsAcceptable).WithMessage(AccountPasswords.Rule);
    }
}

public sealed class ChangeOwnPasswordHandler(IAccountStore accounts, ICurrentUser user) : ICommandHandler<ChangeOwnPassword, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(ChangeOwnPassword command, CancellationToken ct)
    {
        if (user.UserId is not { } id)
        {
            return Error.Conflict("account.no-password");
        }

        return await accounts.ChangePasswordAsync(id, command.CurrentPassword!, command.NewPassword!, ct) is { } refused ? refused : Unit.Value;
    }
}
