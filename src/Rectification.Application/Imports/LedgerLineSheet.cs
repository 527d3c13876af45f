using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Plans;
using Rectification.Domain.Common;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Application.Imports;

/// <summary>The unit's ledger filled in offline (台账), one <see cref="EditLedgerLine"/> per row, by problem code, into one plan.</summary>
public sealed class LedgerLineSheet(IAppDbContext db, IEnumerable<IValidator<EditLedgerLine>> validators, ILifecycleCatalog catalog, WorkingCalendar calendar,
    TimeProvider clock) : ISheetKind
{
    public SheetImportKind Kind => SheetImportKind.LedgerLines;

    private IEnumerable<IValidator<EditLedgerLine>> Validators => validators;

    private Domain.Common.Error? Limits(Problem problem, RectificationKind kind, DateOnly deadline) =>
        LedgerLimits.Check(problem, kind, deadline, catalog, calendar, clock.GetUtcNow().UtcDateTime);

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("ProblemCode", true, "XM-2026-001", 14),
        new("Measures", true, "修订党委议事规则，每季度专题研究党风廉政建设", 40),
        new("ResponsibleLeader", true, "张书记", 12),
        new("ResponsibleDepartment", true, "办公室", 14),
        new("Kind", true, "限期整改", 12),
        new("Deadline", true, "2026-06-30", 12),
    ];

    public async Task<ISheetRows> StartAsync(Guid? targetId, CancellationToken ct)
    {
        var planId = targetId ?? Guid.Empty;
        var plan = await db.Plans.AsNoTracking().Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == planId, ct);
        var problems = plan is null ? [] : await db.Problems.AsNoTracking().Where(p => p.InspectionId == plan.InspectionId).ToListAsync(ct);
        var byCode = plan is null ? new Dictionary<string, Problem>() : problems.Where(p => plan.Lines.Any(l => l.ProblemId == p.Id))
            .ToDictionary(p => p.Code, StringComparer.Ordinal);
        var name = plan is null ? "" : await db.Units.Where(u => u.Id == plan.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var targetErrors = new List<string>();
        if (plan is not null && plan.State is not (PlanStates.Drafting or PlanStates.Returned))
        {
            var state = catalog.Current(Plan.Lifecycle).States.GetValueOrDefault(plan.State);
            targetErrors.Add(SheetImports.Say("import.plan-not-editable",
                ("state", state is null ? plan.State : (Localization.Messages.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture) ? state.En : state.ZhCn))));
        }

        return new Rows(this, planId, name, byCode, targetErrors);
    }

    private sealed class Rows(LedgerLineSheet sheet, Guid planId, string name, Dictionary<string, Problem> byCode, IReadOnlyList<string> targetErrors) : ISheetRows
    {
        private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
        private readonly IValidator<EditLedgerLine>[] validators = [.. sheet.Validators];

        public string TargetName => name;

        public IReadOnlyList<string> TargetErrors => targetErrors;

        public IReadOnlyList<string> Check(ImportLine line)
        {
            var errors = new List<string>();
            var code = line["ProblemCode"];
            var problem = byCode.GetValueOrDefault(code);
            if (code.Length == 0)
            {
                errors.Add(SheetImports.Say("import.required", ("column", SheetImports.Header("ProblemCode"))));
            }
            else if (problem is null)
            {
                errors.Add(SheetImports.Say("import.unknown-problem", ("code", code)));
            }
            else if (seen.TryGetValue(code, out var first))
            {
                errors.Add(SheetImports.Say("import.duplicate-in-sheet", ("column", SheetImports.Header("ProblemCode")), ("value", code), ("row", first)));
            }
            else
            {
                seen[code] = line.Row;
            }

            var kind = ImportCells.Choice<RectificationKind>(line, "Kind", errors);
            var deadline = ImportCells.Day(line, "Deadline", errors);
            // Values already refused above stand in as valid ones, so that a cell is refused once.
            var command = new EditLedgerLine(planId, problem?.Id ?? Guid.AllBitsSet, line["Measures"], line["ResponsibleLeader"], line["ResponsibleDepartment"],
                kind ?? RectificationKind.TimeLimited, deadline ?? new DateOnly(2000, 1, 1));
            ImportCells.Validate(command, validators, errors);
            if (problem is not null && kind is { } k && deadline is { } d
                && sheet.Limits(problem, k, d) is { } outOfLimits)
            {
                errors.AddRange(SheetImports.Describe(outOfLimits));
            }

            return errors;
        }

        public Task<IMessage> CommandAsync(ImportLine line, CancellationToken ct)
        {
            List<string> ignored = [];
            return Task.FromResult<IMessage>(new EditLedgerLine(planId, byCode[line["ProblemCode"]].Id, line["Measures"], line["ResponsibleLeader"], line["ResponsibleDepartment"],
                ImportCells.Choice<RectificationKind>(line, "Kind", ignored)!.Value, ImportCells.Day(line, "Deadline", ignored)!.Value));
        }
    }
}
