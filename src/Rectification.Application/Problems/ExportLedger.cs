using System.Globalization;
using FluentValidation;
using Rectification.Domain.Lifecycles;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Problems;

/// <summary>
/// The ledger (台账) as an Excel sheet, filtered exactly like <see cref="ListLedger"/> and in the same order, one row per problem:
/// 序号, 问题编号, 问题, 整改措施, 责任领导, 责任部门, 整改类型, 整改时限, 进展, 状态, 亮灯, 销号日期, under a title naming the unit, the
/// inspection when filtered by one and the office day. The rows stream from the database to the sheet one at a time.
/// </summary>
public sealed record ExportLedger(
    Guid? UnitId = null, Guid? InspectionId = null, Guid? RoundId = null, string? State = null, TrafficLight? Light = null, RectificationKind? Kind = null,
    string? Department = null, bool? Overdue = null, string? Text = null, LedgerSort Sort = LedgerSort.Code, bool Descending = false, bool OpenFirst = true,
    Domain.Organization.UnitLevel? Level = null, string? Step = null, bool? Reopened = null)
    : IAppQuery<LedgerExport>, ILedgerFilter;

/// <summary>A ledger export ready to be written: its file name, and the writing itself (run while the request's scope lives).</summary>
public sealed class LedgerExport(string fileName, Func<Stream, CancellationToken, Task<int>> write)
{
    public string FileName { get; } = fileName;

    /// <summary>Writes the .xlsx onto <paramref name="output"/>; returns the number of problem rows.</summary>
    public Task<int> WriteAsync(Stream output, CancellationToken ct) => write(output, ct);
}

public sealed class ExportLedgerValidator : AbstractValidator<ExportLedger>
{
    public ExportLedgerValidator()
    {
        RuleFor(q => q.State).MaximumLength(50);
        RuleFor(q => q.Department).MaximumLength(200);
        RuleFor(q => q.Text).MaximumLength(200);
        RuleFor(q => q.Light).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Step).MaximumLength(100);
        RuleFor(q => q.Level).IsInEnum();
    }
}

public sealed class ExportLedgerHandler(IAppDbContext db, Visibility.ReadPolicy visibility, Deadlines deadlines, ICurrentUser user,
    ILifecycleCatalog catalog, ISpreadsheetWriter writer)
    : IQueryHandler<ExportLedger, Result<LedgerExport>>
{
    /// <summary>The columns in their order, by the keys of <see cref="Glossary.SheetColumns"/>, with their widths.</summary>
    public static readonly (string Key, double Width)[] Columns =
    [
        ("No", 6), ("ProblemCode", 16), ("Problem", 40), ("Measures", 40), ("ResponsibleLeader", 12), ("ResponsibleDepartment", 16),
        ("Kind", 12), ("Deadline", 12), ("Progress", 40), ("State", 12), ("Light", 8), ("ClosedOn", 12),
    ];

    public async ValueTask<Result<LedgerExport>> Handle(ExportLedger query, CancellationToken ct)
    {
        var en = Messages.IsEnglish(CultureInfo.CurrentUICulture);
        string L(LocalizedText t) => en ? t.En : t.ZhCn;
        var scope = visibility.UnitsInScope;
        var unitId = query.UnitId ?? user.UnitId;
        string? inspectionName = null;
        if (query.InspectionId is { } inspectionId && await db.Inspections.Where(i => i.Id == inspectionId && scope.Contains(i.UnitId))
                .Select(i => new { i.GroupName, i.UnitId, Round = db.Rounds.Where(r => r.Id == i.RoundId).Select(r => r.Name).FirstOrDefault() })
                .FirstOrDefaultAsync(ct) is { } inspection)
        {
            inspectionName = en ? $"{inspection.Round}, {inspection.GroupName}" : $"{inspection.Round}·{inspection.GroupName}";
            unitId = query.UnitId ?? inspection.UnitId;
        }

        // A unit outside the scope is not named: the title falls back to the user's own unit.
        var unitName = await db.Units.Where(u => u.Id == unitId && scope.Contains(u.Id)).Select(u => u.Name).FirstOrDefaultAsync(ct)
            ?? await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var today = deadlines.Today;
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = en
            ? $"Rectification ledger of {unitName}{(inspectionName is null ? "" : $" ({inspectionName})")}, as of {day}"
            : $"{unitName}整改台账{(inspectionName is null ? "" : $"（{inspectionName}）")}　导出日期：{day}";
        var layout = new SheetLayout(en ? "Ledger" : "整改台账", title,
            Columns.Select(c => new SheetColumn(L(Glossary.SheetColumn(c.Key)), c.Width)).ToList());
        var states = catalog.Current(Problem.Lifecycle).States;
        var yellow = deadlines.YellowWithinDays;
        var problems = LedgerFilter.Order(LedgerFilter.Apply(visibility.Problems().AsNoTracking(), query, db, deadlines), query);
        var rows = problems.Select(p => new
        {
            p.Code, p.Title, p.State, p.Kind, p.Deadline, p.ReminderDue, p.ClosedAt,
            Line = db.Plans.SelectMany(plan => plan.Lines).Where(l => l.ProblemId == p.Id)
                .Select(l => new { l.Measures, l.ResponsibleLeader, l.ResponsibleDepartment, l.Kind, l.Deadline }).FirstOrDefault(),
            Progress = p.Progress.OrderByDescending(r => r.Number).Select(r => r.Text).FirstOrDefault(),
        });

        async Task<int> Write(Stream output, CancellationToken token)
        {
            await using var sheet = await writer.StartAsync(output, layout, token);
            var cells = new SheetCell[Columns.Length];
            var number = 0;
            await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(token))
            {
                var kind = r.Kind ?? r.Line?.Kind;
                var light = TrafficLights.For(r.ReminderDue ?? r.Deadline, today, yellow, Domain.Problems.Overdue.IsChased(r.State));
                cells[0] = SheetCell.Of(++number);
                cells[1] = SheetCell.Of(r.Code);
                cells[2] = SheetCell.Of(r.Title);
                cells[3] = SheetCell.Of(r.Line?.Measures);
                cells[4] = SheetCell.Of(r.Line?.ResponsibleLeader);
                cells[5] = SheetCell.Of(r.Line?.ResponsibleDepartment);
                cells[6] = SheetCell.Of(kind is { } k ? L(Glossary.Of(k)) : null);
                cells[7] = SheetCell.Of(r.Deadline ?? r.Line?.Deadline);
                cells[8] = SheetCell.Of(r.Progress);
                cells[9] = SheetCell.Of(states.TryGetValue(r.State, out var label) ? L(label) : r.State);
                cells[10] = SheetCell.Of(light == TrafficLight.None ? null : L(Glossary.Of(light)));
                cells[11] = SheetCell.Of(r.ClosedAt is { } closed ? OfficeTime.DayOf(closed) : null);
                await sheet.AddAsync(cells, token);
            }

            await sheet.FinishAsync(token);
            return number;
        }

        var fileName = (en ? "ledger-" : "整改台账-") + day + ".xlsx";
        return new LedgerExport(fileName, Write);
    }
}
