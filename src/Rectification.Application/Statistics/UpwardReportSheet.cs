using System.Globalization;
using Rectification.Application.Abstractions;
using Rectification.Application.Localization;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Statistics;

/// <summary>A report upward as one Excel sheet: the table by kind with its total, the table by level, the look-backs and the clue figures.</summary>
public sealed class StatisticsSheet(string fileName, Func<Stream, CancellationToken, Task> write)
{
    public string FileName { get; } = fileName;

    public Task WriteAsync(Stream output, CancellationToken ct) => write(output, ct);
}

public static class UpwardReportSheet
{
    private static readonly string[] KindColumns = ["InspectionKind", "Inspections", "UnitsInspected", "FedBack", "Rectified", "CompletionRate", "Overdue", "Reopened"];
    private static readonly string[] LevelColumns = ["Level", "Units", "UnitsInspected", "Coverage", "FedBack", "Rectified", "CompletionRate", "Overdue", "Reopened"];

    public static StatisticsSheet Of(UpwardReport report, string title, ISpreadsheetWriter writer)
    {
        var en = Messages.IsEnglish(CultureInfo.CurrentUICulture);
        string L(LocalizedText t) => en ? t.En : t.ZhCn;
        string H(string key) => L(Glossary.SheetColumn(key));
        var layout = new SheetLayout(en ? "Report" : "报送统计", title, KindColumns.Select(k => new SheetColumn(H(k), k == "InspectionKind" ? 22 : 14))
            .Concat([new SheetColumn("", 14)]).ToList());

        async Task Write(Stream output, CancellationToken ct)
        {
            await using var sheet = await writer.StartAsync(output, layout, ct);
            async Task Row(params SheetCell[] cells) => await sheet.AddAsync(cells, ct);
            SheetCell[] Figures(UpwardFigures f) =>
            [
                SheetCell.Of(f.Inspections), SheetCell.Of(f.UnitsInspected), SheetCell.Of(f.ProblemsFedBack), SheetCell.Of(f.ProblemsRectified),
                SheetCell.Of(f.CompletionRate), SheetCell.Of(f.ProblemsOverdue), SheetCell.Of(f.ProblemsReopened),
            ];

            foreach (var line in report.ByKind)
            {
                await Row([SheetCell.Of(L(Glossary.Of(line.Kind))), .. Figures(line.Figures)]);
            }

            await Row([SheetCell.Of(H("Total")), .. Figures(report.Total)]);
            await Row();
            await Row([.. LevelColumns.Select(k => SheetCell.Of(H(k)))]);
            foreach (var line in report.ByLevel)
            {
                var f = line.Figures;
                await Row(SheetCell.Of(L(Glossary.Of(line.Level))), SheetCell.Of(line.Units), SheetCell.Of(f.UnitsInspected), SheetCell.Of(line.Coverage),
                    SheetCell.Of(f.ProblemsFedBack), SheetCell.Of(f.ProblemsRectified), SheetCell.Of(f.CompletionRate), SheetCell.Of(f.ProblemsOverdue),
                    SheetCell.Of(f.ProblemsReopened));
            }

            await Row();
            await Row(SheetCell.Of(H("LookBacks")), SheetCell.Of(report.LookBacks.LookBacks));
            await Row(SheetCell.Of(H("UnitsLookedBack")), SheetCell.Of(report.LookBacks.UnitsLookedBack));
            await Row(SheetCell.Of(H("LookBackReopened")), SheetCell.Of(report.LookBacks.ProblemsReopened));
            if (report.Clues is { } clues)
            {
                foreach (var colour in Enum.GetValues<SheetColour>())
                {
                    await Row(SheetCell.Of($"{H("CluesHandedOver")}（{L(Glossary.Of(colour))}）"), SheetCell.Of(clues.ByColour.GetValueOrDefault(colour)));
                }

                await Row(SheetCell.Of(H("CluesConcluded")), SheetCell.Of(clues.Concluded));
                await Row(SheetCell.Of(H("CasesFiled")), SheetCell.Of(clues.CasesFiled));
                await Row(SheetCell.Of(H("PeopleDisciplined")), SheetCell.Of(clues.PeopleDisciplined));
                await Row(SheetCell.Of(H("TransferredToJudicial")), SheetCell.Of(clues.TransferredToJudicial));
                await Row(SheetCell.Of(H("MoneyRecovered")), SheetCell.Of(clues.MoneyRecovered));
            }

            await sheet.FinishAsync(ct);
        }

        return new StatisticsSheet((en ? "report-upward-" : "报送统计-") + report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".xlsx", Write);
    }
}
