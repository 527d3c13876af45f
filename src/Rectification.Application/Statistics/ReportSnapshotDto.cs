using System.Text.Json;
using System.Text.Json.Serialization;
using Rectification.Domain.Reporting;

namespace Rectification.Application.Statistics;

/// <summary>A report as it was sent upward, with the published texts its seal is computed over (see <see cref="ReportSnapshot.CanonicalForm"/>).</summary>
/// <param name="Report">The figures as reported; the clue figures are left out for a reader who may not see them.</param>
/// <param name="FilterJson">The filter exactly as sealed.</param>
/// <param name="FiguresJson">The figures exactly as sealed; null for a reader from whom the clue figures in them are withheld.</param>
public sealed record ReportSnapshotDto(Guid Id, string Title, Guid UnitId, string UnitName, DateTime AsOf, string RecordedByName, string Seal, bool SealHolds,
    UpwardReport Report, string FilterJson, string? FiguresJson);

/// <summary>A line of the list of reports sent upward.</summary>
public sealed record ReportSnapshotSummary(Guid Id, string Title, string UnitName, DateTime AsOf, string RecordedByName, string Seal);

/// <summary>One way to write a report's filter and figures, so that the sealed text is the same wherever it is computed.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static ReportSnapshotDto ToDto(ReportSnapshot snapshot, string unitName, bool seesClueFigures)
    {
        var report = Read<UpwardReport>(snapshot.Figures);
        return new ReportSnapshotDto(snapshot.Id, snapshot.Title, snapshot.UnitId, unitName, snapshot.AsOf, snapshot.RecordedByName, snapshot.Seal,
            snapshot.SealHolds, seesClueFigures ? report : report with { Clues = null }, snapshot.Filter,
            seesClueFigures || report.Clues is null ? snapshot.Figures : null);
    }
}
