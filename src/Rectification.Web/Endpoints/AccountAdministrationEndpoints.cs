using Mediator;
using Rectification.Application.Administration.Accounts;
using Rectification.Application.Messaging;
using Rectification.Domain.Organization;
using Rectification.Web.Http;

namespace Rectification.Web.Endpoints;

public sealed record CreateAccountBody(string? UserName, string? DisplayName, Role? Role, string? Email, string? PreferredLanguage, Guid? UnitId, string? Password);

public sealed record ResetPasswordBody(string? NewPassword);

/// <summary>
/// Account administration for administrators, within their unit and below: create a user with an account, list, unlock, reset
/// a password, disable and enable. Each is an ordinary command or query (Application/Administration/Accounts), so validation,
/// scope (another unit's account answers exactly like a missing one, 404), the transaction and the audit entry are the
/// pipeline's; these endpoints only translate HTTP and answer with the account as it now is.
/// </summary>
public static class AccountAdministrationEndpoints
{
    public static IEndpointRouteBuilder MapAccountAdministration(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/accounts").WithTags("Administration")
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.Administrator)));

        admin.MapGet("/", async (ISender sender, CancellationToken ct) =>
        {
            var listed = await sender.Send(new ListAccounts(), ct);
            return listed.IsSuccess ? Results.Ok(listed.Value) : ResultMapping.ToProblem(listed.Error!);
        });

        admin.MapPost("/", async (CreateAccountBody b, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(new CreateAccount(b.UserName, b.DisplayName, b.Role, b.Email, b.PreferredLanguage, b.UnitId, b.Password), ct);
            return created.IsSuccess
                ? await AsItNowIs(created.Value, sender, created: true, ct)
                : ResultMapping.ToProblem(created.Error!);
        });

        admin.MapPost("/{id:guid}/unlock", (Guid id, ISender sender, CancellationToken ct) => Act(new UnlockAccount(id), sender, ct));

        admin.MapPost("/{id:guid}/password", (Guid id, ResetPasswordBody b, ISender sender, CancellationToken ct) =>
            Act(new ResetAccountPassword(id, b.NewPassword), sender, ct));

        admin.MapPost("/{id:guid}/disable", (Guid id, ISender sender, CancellationToken ct) => Act(new DisableAccount(id), sender, ct));

        admin.MapPost("/{id:guid}/enable", (Guid id, ISender sender, CancellationToken ct) => Act(new EnableAccount(id), sender, ct));

        return app;
    }

    /// <summary>Sends the command and answers with the account it changed, or with the pipeline's refusal.</summary>
    private static async Task<IResult> Act(IAppCommand<Guid> command, ISender sender, CancellationToken ct)
    {
        var changed = await sender.Send(command, ct);
        return changed.IsSuccess ? await AsItNowIs(changed.Value, sender, created: false, ct) : ResultMapping.ToProblem(changed.Error!);
    }

    /// <summary>The account as the list shows it now; one just created also says where it is.</summary>
    private static async Task<IResult> AsItNowIs(Guid id, ISender sender, bool created, CancellationToken ct)
    {
        var listed = await sender.Send(new ListAccounts(id), ct);
        if (!listed.IsSuccess)
        {
            return ResultMapping.ToProblem(listed.Error!);
        }

        var account = listed.Value.Single();
        return created ? Results.Created($"/api/admin/accounts/{id}", account) : Results.Ok(account);
    }
}
