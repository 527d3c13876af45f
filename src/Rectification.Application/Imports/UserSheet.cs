using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Administration.Accounts;
using Rectification.Domain.Organization;

namespace Rectification.Application.Imports;

/// <summary>Users with their accounts (用户), one <see cref="CreateAccount"/> per row, in the unit named by its code within the administrator's scope.</summary>
public sealed class UserSheet(IAppDbContext db, UnitSheet units, IEnumerable<IValidator<CreateAccount>> validators) : ISheetKind
{
    public SheetImportKind Kind => SheetImportKind.Users;

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("UserName", true, "xm-sm-101-liaison", 18),
        new("DisplayName", true, "李明", 10),
        new("Role", true, "整改联络员", 14),
        new("Email", true, "liming@example.gov.cn", 24),
        new("UnitCode", true, "XM-SM-101", 14),
        new("Language", false, "zh-CN", 8),
        new("Password", true, "Initial-Pass-2026", 18),
    ];

    private static readonly Role[] Roles = [.. Enum.GetValues<Role>().Where(r => r != Role.System)];

    public async Task<ISheetRows> StartAsync(Guid? targetId, CancellationToken ct)
    {
        var known = await units.InScopeAsync(ct);
        var taken = (await db.Users.Select(u => u.UserName).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new Rows(known.ToLookup(u => u.Code, StringComparer.Ordinal), taken, [.. validators]);
    }

    private sealed class Rows(ILookup<string, UnitSheet.Known> byCode, HashSet<string> taken, IValidator<CreateAccount>[] validators) : ISheetRows
    {
        private readonly Dictionary<string, int> seen = new(StringComparer.OrdinalIgnoreCase);

        public string TargetName => "";

        public IReadOnlyList<string> TargetErrors => [];

        public IReadOnlyList<string> Check(ImportLine line)
        {
            var errors = new List<string>();
            var role = ImportCells.Choice(line, "Role", errors, Roles);
            var unit = Unit(line["UnitCode"], errors);
            var command = Command(line, role ?? Role.UnitLiaison, unit?.Id);
            ImportCells.Validate(command, validators, errors);
            var userName = line["UserName"];
            if (userName.Length > 0)
            {
                if (seen.TryGetValue(userName, out var first))
                {
                    errors.Add(SheetImports.Say("import.duplicate-in-sheet", ("column", SheetImports.Header("UserName")), ("value", userName), ("row", first)));
                }
                else
                {
                    seen[userName] = line.Row;
                    if (taken.Contains(userName))
                    {
                        errors.Add(SheetImports.Say("account.user-name-taken", ("userName", userName)));
                    }
                }
            }

            return errors;
        }

        private UnitSheet.Known? Unit(string code, List<string> errors) =>
            UnitSheet.One("UnitCode", code, [.. byCode[code]], errors, inactive => SheetImports.Say("unit.inactive", ("unit", inactive.Name)));

        public Task<IMessage> CommandAsync(ImportLine line, CancellationToken ct)
        {
            List<string> ignored = [];
            return Task.FromResult<IMessage>(Command(line, ImportCells.Choice(line, "Role", ignored, Roles)!.Value, byCode[line["UnitCode"]].Single().Id));
        }

        /// <summary>An empty language is zh-CN, the default; 中文 and English are read as the two codes.</summary>
        private static CreateAccount Command(ImportLine line, Role role, Guid? unitId) =>
            new(line["UserName"], line["DisplayName"], role, line["Email"], line["Language"] switch
            {
                "" or "中文" or "zh" => "zh-CN",
                "English" or "英文" or "英语" => "en",
                var other => other,
            }, unitId ?? Guid.AllBitsSet, line["Password"]);
    }
}
