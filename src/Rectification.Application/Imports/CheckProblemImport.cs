using Mediator;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Imports;

/// <summary>Checks an uploaded sheet of the 问题清单 (the inspection group's problem list) into an inspection, every row in one pass; nothing is written.</summary>
[AllowedRoles(Role.InspectionOffice, Role.InspectionGroup)]
public sealed record CheckProblemImport(Guid InspectionId, Guid FileId) : IAppQuery<ImportCheck>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Inspection, InspectionId);
}

public sealed class CheckProblemImportHandler(SheetImports imports, ProblemSheet kind) : IQueryHandler<CheckProblemImport, Result<ImportCheck>>
{
    public async ValueTask<Result<ImportCheck>> Handle(CheckProblemImport query, CancellationToken ct) => await imports.CheckAsync(kind, query.InspectionId, query.FileId, ct);
}
