using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Problems;
using Rectification.Domain.Problems;
using Severity = Rectification.Domain.Problems.Severity;

namespace Rectification.Application.Imports;

/// <summary>The inspection group's problem list (问题清单), one <see cref="RegisterProblem"/> per row, into one inspection.</summary>
public sealed class ProblemSheet(IAppDbContext db, IEnumerable<IValidator<RegisterProblem>> validators) : ISheetKind
{
    public SheetImportKind Kind => SheetImportKind.Problems;

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("ProblemCode", false, "", 14),
        new("Problem", true, "落实全面从严治党主体责任不到位", 30),
        new("Description", true, "班子成员履行“一岗双责”不力", 30),
        new("Category", true, "党的领导", 12),
        new("Severity", true, "一般", 10),
        new("Facts", true, "抽查2025年党委会会议记录12份，涉及党风廉政建设的仅1次", 40),
        new("Basis", true, "《中国共产党问责条例》第七条", 24),
        new("ProcessRecord", false, "调阅资料、个别谈话", 24),
    ];

    public async Task<ISheetRows> StartAsync(Guid? targetId, CancellationToken ct)
    {
        var inspectionId = targetId ?? Guid.Empty;
        var name = await db.Inspections.Where(i => i.Id == inspectionId)
            .Select(i => db.Rounds.Where(r => r.Id == i.RoundId).Select(r => r.Name).FirstOrDefault() + "·" + i.GroupName + "·"
                + db.Units.Where(u => u.Id == i.UnitId).Select(u => u.Name).FirstOrDefault())
            .FirstOrDefaultAsync(ct) ?? "";
        var taken = (await db.Problems.Where(p => p.InspectionId == inspectionId).Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return new Rows(inspectionId, name, taken, validators);
    }

    private sealed class Rows(Guid inspectionId, string name, HashSet<string> taken, IEnumerable<IValidator<RegisterProblem>> validators) : ISheetRows
    {
        private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
        private readonly IValidator<RegisterProblem>[] validators = [.. validators];

        public string TargetName => name;

        public IReadOnlyList<string> TargetErrors => [];

        public IReadOnlyList<string> Check(ImportLine line)
        {
            var errors = new List<string>();
            var command = Command(line, errors);
            ImportCells.Validate(command, validators, errors);
            if (command.Code is { } code)
            {
                if (seen.TryGetValue(code, out var first))
                {
                    errors.Add(SheetImports.Say("import.duplicate-in-sheet", ("column", SheetImports.Header("ProblemCode")), ("value", code), ("row", first)));
                }
                else
                {
                    seen[code] = line.Row;
                    if (taken.Contains(code))
                    {
                        errors.Add(SheetImports.Say("problem.code-taken", ("code", code)));
                    }
                }
            }

            return errors;
        }

        public Task<IMessage> CommandAsync(ImportLine line, CancellationToken ct) => Task.FromResult<IMessage>(Command(line, []));

        private RegisterProblem Command(ImportLine line, List<string> errors) =>
            new(inspectionId, line["Problem"], line["Description"], line["Category"], ImportCells.Choice<Severity>(line, "Severity", errors) ?? Severity.General,
                line["Facts"], line["Basis"], line["ProcessRecord"], RaisedDuringInspection: false, Code: line.Optional("ProblemCode"));
    }
}
