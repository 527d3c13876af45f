using System.Security.Cryptography;
using System.Text;
using Rectification.Domain.Auditing;

namespace Rectification.Domain.Reporting;

/// <summary>
/// A statistics report as it was reported upward (报送上级), kept with the figures of that moment and a seal over them: a later
/// look-back changes the live figures, never the ones reported.
/// </summary>
[AuditedEntity]
public sealed class ReportSnapshot
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The unit whose scope the figures cover (the recorder's unit or one below it); the snapshot is visible in that scope.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The report's filter as JSON (period, rounds, term, kinds), so the same report can be run again live.</summary>
    public string Filter { get; private set; } = "";

    /// <summary>The figures as JSON, exactly as they were shown when reported.</summary>
    public string Figures { get; private set; } = "";

    /// <summary>The instant (UTC) the figures were counted.</summary>
    public DateTime AsOf { get; private set; }

    public Guid RecordedBy { get; private set; }
    public string RecordedByName { get; private set; } = "";

    /// <summary>SHA-256 (lower-case hex) of <see cref="CanonicalForm"/>.</summary>
    public string Seal { get; private set; } = "";

    private ReportSnapshot() { }

    public static ReportSnapshot Record(Guid id, string title, Guid unitId, string filter, string figures, DateTime asOf, Guid recordedBy, string recordedByName)
    {
        var snapshot = new ReportSnapshot
        {
            Id = id, Title = title, UnitId = unitId, Filter = filter, Figures = figures, AsOf = DateTime.SpecifyKind(asOf, DateTimeKind.Utc),
            RecordedBy = recordedBy, RecordedByName = recordedByName,
        };
        snapshot.Seal = ComputeSeal(snapshot.AsOf, filter, figures);
        return snapshot;
    }

    /// <summary>True while the figures, the filter and the instant are those that were sealed.</summary>
    public bool SealHolds => string.Equals(Seal, ComputeSeal(AsOf, Filter, Figures), StringComparison.Ordinal);

    /// <summary>
    /// The sealed text: the instant in ISO 8601 UTC with seven fractional digits ("2026-03-02T01:00:00.0000000Z"), a line feed, the
    /// filter JSON, a line feed, the figures JSON; hashed as UTF-8. Anyone holding the three published values can recompute the seal.
    /// </summary>
    public static string CanonicalForm(DateTime asOf, string filter, string figures) =>
        DateTime.SpecifyKind(asOf, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "\n" + filter + "\n" + figures;

    public static string ComputeSeal(DateTime asOf, string filter, string figures) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm(asOf, filter, figures))));
}
