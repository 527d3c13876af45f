using Mediator;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Imports;

/// <summary>Checks an uploaded sheet of the users with their accounts (用户) in units of the administrator's scope, every row in one pass; nothing is written.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record CheckUserImport(Guid FileId) : IAppQuery<ImportCheck>;

public sealed class CheckUserImportHandler(SheetImports imports, UserSheet kind) : IQueryHandler<CheckUserImport, Result<ImportCheck>>
{
    public async ValueTask<Result<ImportCheck>> Handle(CheckUserImport query, CancellationToken ct) => await imports.CheckAsync(kind, null, query.FileId, ct);
}
