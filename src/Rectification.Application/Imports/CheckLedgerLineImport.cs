using Mediator;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Imports;

/// <summary>Checks an uploaded sheet of the 台账 (the unit's ledger lines filled in offline) into its plan, every row in one pass; nothing is written.</summary>
[AllowedRoles(Role.UnitLiaison, Role.UnitLeader)]
public sealed record CheckLedgerLineImport(Guid PlanId, Guid FileId) : IAppQuery<ImportCheck>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Plan, PlanId);
}

public sealed class CheckLedgerLineImportHandler(SheetImports imports, LedgerLineSheet kind) : IQueryHandler<CheckLedgerLineImport, Result<ImportCheck>>
{
    public async ValueTask<Result<ImportCheck>> Handle(CheckLedgerLineImport query, CancellationToken ct) => await imports.CheckAsync(kind, query.PlanId, query.FileId, ct);
}
