using System.Globalization;
using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Clues;
using Rectification.Application.Documents;
using Rectification.Application.Localization;
using Rectification.Application.Evaluations;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Application.Statistics;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;
using Rectification.Web.Http;

namespace Rectification.Web.Endpoints;

/// <summary>Documents and figures generated from the ledger (一次录入，多次调用): nobody types the same facts twice.</summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:guid}/diff", async (Guid id, int from, int to, ISender s, CancellationToken ct) =>
            (await s.Send(new DiffPlanRevisions(id, from, to), ct)).ToHttp()).WithTags("Plans");
        api.MapGet("/statistics/by-unit", async (Guid? parentId, Guid? roundId, ISender s, CancellationToken ct) =>
            (await s.Send(new GetStatisticsByUnit(parentId, roundId), ct)).ToHttp()).WithTags("Statistics");
        api.MapGet("/problems/{id:guid}/write-off", async (Guid id, string? format, ISender s, IDocumentRenderer renderer, CancellationToken ct) =>
            (await s.Send(new GetWriteOffRecord(id), ct)).ToHttp(record => Document(record, format, WriteOffDocument.Of, renderer))).WithTags("Problems");
        api.MapGet("/inspections/{id:guid}/feedback-letter", async (Guid id, string? format, ISender s, IDocumentRenderer renderer, CancellationToken ct) =>
            (await s.Send(new GetInspectionDocument(id), ct)).ToHttp(d => Document(d, format, InspectionDocuments.FeedbackLetter, renderer))).WithTags("Inspections");
        api.MapGet("/inspections/{id:guid}/status-report", async (Guid id, string? format, ISender s, IDocumentRenderer renderer, CancellationToken ct) =>
            (await s.Send(new GetInspectionDocument(id), ct)).ToHttp(d => Document(d, format, InspectionDocuments.StatusReport, renderer))).WithTags("Inspections");
        api.MapGet("/inspections/{id:guid}/evaluation", async (Guid id, string? format, ISender s, CancellationToken ct) =>
            (await s.Send(new GetEvaluation(id), ct)).ToHttp(e => format == "csv"
                ? Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(EvaluationCsv(e))).ToArray(), "text/csv", $"evaluation-{id}.csv")
                : Results.Ok(e))).WithTags("Evaluation");
        api.MapGet("/evaluations", async (Guid? roundId, ISender s, CancellationToken ct) =>
            (await s.Send(new ListEvaluations(roundId), ct)).ToHttp()).WithTags("Evaluation");
        api.MapPost("/inspections/{id:guid}/evaluation/scores", async (Guid id, ScoreBody b, ISender s, CancellationToken ct) =>
            (await s.Send(new RecordEvaluationScore(id, b.Source, b.Score, b.Comment), ct)).ToHttp()).WithTags("Evaluation");
        api.MapGet("/clues/{id:guid}/handover-sheet", async (Guid id, string? format, ISender s, IDocumentRenderer renderer, CancellationToken ct) =>
            (await s.Send(new GetClue(id), ct)).ToHttp(d => Document(d, format, ClueDocuments.HandoverSheet, renderer))).WithTags("Clues");
        api.MapGet("/clues/report", async (string? month, string? format, ISender s, IDocumentRenderer renderer, CancellationToken ct) =>
            (await s.Send(new GetClueReport(month ?? ""), ct)).ToHttp(r => ClueReport(r, format, renderer))).WithTags("Clues");
        api.MapGet("/problems/export.xlsx", async (Guid? unitId, Guid? inspectionId, Guid? roundId, string? state, TrafficLight? light, RectificationKind? kind,
                string? department, bool? overdue, string? text, LedgerSort? sort, bool? desc, bool? all, Domain.Organization.UnitLevel? level, string? step,
                bool? reopened, ISender s, CancellationToken ct) =>
            (await s.Send(new ExportLedger(unitId, inspectionId, roundId, state, light, kind, department, overdue == true ? true : null, text, sort ?? LedgerSort.Code,
                desc == true, all != true, level, step, reopened), ct))
                .ToHttp(export => Results.Stream(body => export.WriteAsync(body, ct), ISpreadsheetWriter.ContentType, export.FileName)))
            .WithTags("Problems");
        return api;
    }

    /// <summary>The monthly clue report as data by default, a .docx with <c>format=docx</c>, a printable page with <c>format=html</c>.</summary>
    private static IResult ClueReport(ClueReport report, string? format, IDocumentRenderer renderer)
    {
        if (format is not ("docx" or "html"))
        {
            return Results.Ok(report);
        }

        var document = ClueDocuments.MonthlyReport(report, Messages.IsEnglish(CultureInfo.CurrentUICulture));
        return format == "docx"
            ? Results.File(renderer.Word(document), IDocumentRenderer.WordContentType, document.FileStem + ".docx")
            : Results.Content(renderer.Page(document), "text/html; charset=utf-8");
    }

    /// <summary>A printable page by default (zh-CN, or English by Accept-Language), a .docx to file with <c>format=docx</c>, the data with <c>format=json</c>.</summary>
    private static IResult Document<TData>(TData data, string? format, Func<TData, bool, PrintedDocument> write, IDocumentRenderer renderer)
    {
        if (format == "json")
        {
            return Results.Ok(data);
        }

        var document = write(data, Messages.IsEnglish(CultureInfo.CurrentUICulture));
        return format == "docx"
            ? Results.File(renderer.Word(document), IDocumentRenderer.WordContentType, document.FileStem + ".docx")
            : Results.Content(renderer.Page(document), "text/html; charset=utf-8");
    }

    /// <summary>The evaluation as a spreadsheet-ready file (UTF-8 with BOM, so Excel reads the Chinese labels).</summary>
    private static string EvaluationCsv(EvaluationDto e)
    {
        static string Q(object? v) => "\"" + (Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var lines = new List<string> { "source,label,weight,score,comment" };
        lines.AddRange(e.Sources.Select(s => string.Join(',', Q(s.Source), Q(s.Label), Q(s.Weight), Q(s.Score), Q(s.Comment))));
        lines.Add(string.Join(',', Q("Composite"), Q(e.Grade), Q(1m), Q(e.Composite), Q("")));
        return string.Join("\r\n", lines) + "\r\n";
    }
}

public sealed record ScoreBody(string Source, decimal Score, string? Comment);
