using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Administration.Accounts;

/// <summary>A person with an account to sign in with, in a unit the administrator's scope covers. Returns the new account's id.</summary>
[AllowedRoles(Domain.Organization.Role.Administrator)]
public sealed record CreateAccount(string? UserName, string? DisplayName, Role? Role, string? Email, string? PreferredLanguage, Guid? UnitId,
    [property: Secret] string? Password) : IAppCommand<Guid>, IScoped
{
    // Validation runs first, so the unit is there whenever the target is asked for.
    public ScopeTarget Target => new(TargetKind.Unit, UnitId ?? Guid.Empty);
}

public sealed class CreateAccountValidator : AbstractValidator<CreateAccount>
{
    private static readonly string[] Languages = ["zh-CN", "en"];

    public CreateAccountValidator()
    {
        RuleFor(c => c.UserName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100).WithMessage("required, at most 100 characters");
        RuleFor(c => c.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 200).WithMessage("required, at most 200 characters");
        RuleFor(c => c.Email).Must(e => !string.IsNullOrWhiteSpace(e) && e.Trim().Length <= 320 && e.Contains('@', StringComparison.Ordinal))
            .WithMessage("required, an e-mail address of at most 320 characters");
        // System is the scheduler's own identity, never a person's.
        RuleFor(c => c.Role).Must(r => r is { } role && Enum.IsDefined(role) && role != Domain.Organization.Role.System).WithMessage("required, a role other than System");
        RuleFor(c => c.PreferredLanguage).Must(l => l is not null && Languages.Contains(l)).WithMessage("required, zh-CN or en");
        RuleFor(c => c.UnitId).NotNull().WithMessage("required");
        RuleFor(c => c.Password).Must(AccountPasswords.IsAcceptable).WithMessage(AccountPasswords.Rule);
    }
}

public sealed class CreateAccountHandler(IAppDbContext db, IAccountStore accounts) : ICommandHandler<CreateAccount, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateAccount command, CancellationToken ct)
    {
        var userName = command.UserName!.Trim();
        if (await db.Users.AnyAsync(u => u.UserName == userName, ct) || await accounts.IsUserNameTakenAsync(userName, ct))
        {
            return Error.Conflict("account.user-name-taken", ("userName", userName));
        }

        // A deactivated unit takes nobody new (DeactivateUnit).
        if (await db.Units.AnyAsync(u => u.Id == command.UnitId && u.DeactivatedAt != null, ct))
        {
            return Error.Rule("unit.inactive", ("unit", await db.Units.Where(u => u.Id == command.UnitId).Select(u => u.Name).FirstAsync(ct)));
        }

        var id = Guid.CreateVersion7();
        var email = command.Email!.Trim();
        if (await accounts.CreateAsync(id, userName, email, command.Password!, ct) is { } refused)
        {
            return refused;
        }

        db.Users.Add(UserAccount.Create(id, userName, command.DisplayName!.Trim(), email, command.Role!.Value, command.UnitId!.Value, command.PreferredLanguage!));
        return id;
    }
}
