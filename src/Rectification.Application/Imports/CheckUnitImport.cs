using Mediator;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Imports;

/// <summary>Checks an uploaded sheet of the unit tree (单位) under units of the administrator's scope, every row in one pass; nothing is written.</summary>
[AllowedRoles(Role.Administrator)]
public sealed record CheckUnitImport(Guid FileId) : IAppQuery<ImportCheck>;

public sealed class CheckUnitImportHandler(SheetImports imports, UnitSheet kind) : IQueryHandler<CheckUnitImport, Result<ImportCheck>>
{
    public async ValueTask<Result<ImportCheck>> Handle(CheckUnitImport query, CancellationToken ct) => await imports.CheckAsync(kind, null, query.FileId, ct);
}
