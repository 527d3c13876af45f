using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Administration.Accounts;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using DomainUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Application.Organization;

/// <summary>
/// The first run of a real deployment (the host's <c>setup</c> command): the root unit, at the level of the office that runs the
/// system, and its first administrator with a sign-in account; everything else (the unit tree, the users) that administrator adds.
/// Only on a database that has no unit yet: a second setup cannot take over a deployment in use.
/// </summary>
[AllowedRoles(Role.System)]
public sealed record SetUpDeployment(string RootCode, string RootName, UnitLevel RootLevel, string AdminUserName, string AdminDisplayName, string AdminEmail,
    [property: Secret] string AdminPassword, string PreferredLanguage = "zh-CN") : IAppCommand<DeploymentSetUp>;

/// <param name="AdministratorId">The first administrator's user and account id.</param>
public sealed record DeploymentSetUp(UnitDto Root, Guid AdministratorId);

public sealed class SetUpDeploymentValidator : AbstractValidator<SetUpDeployment>
{
    public SetUpDeploymentValidator()
    {
        RuleFor(c => c.RootCode).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9-]+$");
        RuleFor(c => c.RootName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.RootLevel).IsInEnum();
        RuleFor(c => c.AdminUserName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100).WithMessage("required, at most 100 characters");
        RuleFor(c => c.AdminDisplayName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 200).WithMessage("required, at most 200 characters");
        RuleFor(c => c.AdminEmail).Must(e => !string.IsNullOrWhiteSpace(e) && e.Trim().Length <= 320 && e.Contains('@', StringComparison.Ordinal))
            .WithMessage("required, an e-mail address of at most 320 characters");
        RuleFor(c => c.AdminPassword).Must(AccountPasswords.IsAcceptable).WithMessage(AccountPasswords.Rule);
        RuleFor(c => c.PreferredLanguage).Must(l => l is "zh-CN" or "en").WithMessage("zh-CN or en");
    }
}

public sealed class SetUpDeploymentHandler(IAppDbContext db, IAccountStore accounts) : ICommandHandler<SetUpDeployment, Result<DeploymentSetUp>>
{
    public async ValueTask<Result<DeploymentSetUp>> Handle(SetUpDeployment command, CancellationToken ct)
    {
        if (await db.Units.AnyAsync(ct))
        {
            return Error.Conflict("setup.already-done", ("root", await db.Units.Where(u => u.ParentId == null).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? ""));
        }

        var root = DomainUnit.Create(Guid.CreateVersion7(), command.RootCode.Trim(), command.RootName.Trim(), command.RootLevel, null);
        var id = Guid.CreateVersion7();
        var email = command.AdminEmail.Trim();
        if (await accounts.CreateAsync(id, command.AdminUserName.Trim(), email, command.AdminPassword, ct) is { } refused)
        {
            return refused;
        }

        db.Units.Add(root);
        db.Users.Add(UserAccount.Create(id, command.AdminUserName.Trim(), command.AdminDisplayName.Trim(), email, Role.Administrator, root.Id, command.PreferredLanguage));
        return new DeploymentSetUp(root.ToDto(), id);
    }
}
