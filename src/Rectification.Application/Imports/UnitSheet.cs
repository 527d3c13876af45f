using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Organization;
using Rectification.Domain.Organization;

namespace Rectification.Application.Imports;

/// <summary>
/// The unit tree (单位), one <see cref="CreateUnit"/> per row under the parent named by its code: a unit already in the
/// administrator's scope or one of the rows above. A parent's code must name one unit only.
/// </summary>
public sealed class UnitSheet(IAppDbContext db, Visibility.ReadPolicy visibility, IEnumerable<IValidator<CreateUnit>> validators) : ISheetKind
{
    public SheetImportKind Kind => SheetImportKind.Units;

    private IEnumerable<IValidator<CreateUnit>> Validators => validators;

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("UnitCode", true, "XM-SM-101", 14),
        new("UnitName", true, "西明市第一中学", 24),
        new("UnitLevel", true, "事业单位", 12),
        new("ParentCode", true, "XM-SM", 14),
    ];

    internal sealed record Known(Guid Id, string Code, string Name, string Path, bool Active);

    /// <summary>The one active unit a code names among <paramref name="candidates"/>, else the refusal: empty, unknown, deactivated or ambiguous.</summary>
    internal static Known? One(string column, string code, List<Known> candidates, List<string> errors, Func<Known, string> inactive)
    {
        if (code.Length == 0)
        {
            errors.Add(SheetImports.Say("import.required", ("column", SheetImports.Header(column))));
            return null;
        }

        switch (candidates)
        {
            case []:
                errors.Add(SheetImports.Say("import.unknown-unit", ("code", code)));
                return null;
            case [var one] when !one.Active:
                errors.Add(inactive(one));
                return null;
            case [var one]:
                return one;
            default:
                errors.Add(SheetImports.Say("import.ambiguous-unit", ("code", code)));
                return null;
        }
    }

    internal async Task<List<Known>> InScopeAsync(CancellationToken ct)
    {
        var scope = visibility.UnitsInScope;
        return await db.Units.AsNoTracking().Where(u => scope.Contains(u.Id))
            .Select(u => new Known(u.Id, u.Code, u.Name, u.Path, u.DeactivatedAt == null)).ToListAsync(ct);
    }

    public async Task<ISheetRows> StartAsync(Guid? targetId, CancellationToken ct) => new Rows(this, await InScopeAsync(ct));

    private sealed class Rows(UnitSheet sheet, List<Known> known) : ISheetRows
    {
        private readonly IValidator<CreateUnit>[] validators = [.. sheet.Validators];
        private readonly ILookup<string, Known> byCode = known.ToLookup(u => u.Code, StringComparer.Ordinal);
        private readonly HashSet<string> paths = known.Select(u => u.Path).ToHashSet(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Known>> added = new(StringComparer.Ordinal);

        public string TargetName => "";

        public IReadOnlyList<string> TargetErrors => [];

        public IReadOnlyList<string> Check(ImportLine line)
        {
            var errors = new List<string>();
            var level = ImportCells.Choice<UnitLevel>(line, "UnitLevel", errors);
            var parent = Parent(line["ParentCode"], errors);
            var command = new CreateUnit(parent?.Id ?? Guid.AllBitsSet, line["UnitCode"], line["UnitName"], level ?? UnitLevel.Bureau);
            ImportCells.Validate(command, validators, errors);
            if (parent is not null && command.Code.Length > 0)
            {
                var path = parent.Path + command.Code + "/";
                if (!paths.Add(path))
                {
                    errors.Add(SheetImports.Say("unit.code-taken", ("code", command.Code), ("parent", parent.Name)));
                }
                else
                {
                    (added.TryGetValue(command.Code, out var list) ? list : added[command.Code] = []).Add(new Known(Guid.Empty, command.Code, command.Name, path, true));
                }
            }

            return errors;
        }

        private Known? Parent(string code, List<string> errors) =>
            One("ParentCode", code, byCode[code].Concat(added.GetValueOrDefault(code) ?? []).ToList(), errors,
                inactive => SheetImports.Say("unit.parent-inactive", ("parent", inactive.Name)));

        public async Task<IMessage> CommandAsync(ImportLine line, CancellationToken ct)
        {
            // The parent may have been imported by a row above: look it up as the database is now.
            var parentCode = line["ParentCode"];
            var parent = (await sheet.InScopeAsync(ct)).Where(u => u.Code == parentCode).OrderByDescending(u => u.Path.Length).First();
            List<string> ignored = [];
            return new CreateUnit(parent.Id, line["UnitCode"], line["UnitName"], ImportCells.Choice<UnitLevel>(line, "UnitLevel", ignored)!.Value);
        }
    }
}
