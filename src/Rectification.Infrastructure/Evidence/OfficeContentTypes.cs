namespace Rectification.Infrastructure.Evidence;

/// <summary>A package's <c>[Content_Types].xml</c>: the type of each part, by its name or, failing that, by its extension.</summary>
internal sealed class OfficeContentTypes
{
    public const string PartName = "[Content_Types].xml";
    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string PrinterSettings = "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings";

    // Types that carry code or other programs: macro-enabled documents, VBA projects and their data, Excel 4 macro sheets,
    // ActiveX controls, OLE objects. Matched inside the type, whatever case, so "...macroEnabled.main+xml" and
    // "application/vnd.ms-office.vbaProject" alike are caught.
    private static readonly string[] ActiveMarkers = ["macroEnabled", "vbaProject", "vbaData", "macrosheet", "activeX", "oleObject"];

    // Whole documents embedded as parts (an Excel sheet in a Word file, a chart's data workbook): each a package of its own
    // that this check would have to open in turn, and where Office's own macro and OLE handling applies again.
    private static readonly string[] EmbeddedPackages =
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.openxmlformats-package",
        "application/msword",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
        "application/x-msdownload",
        "application/java-archive",
    ];

    private readonly Dictionary<string, string> byExtension = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> byPart = new(StringComparer.OrdinalIgnoreCase);

    private OfficeContentTypes()
    {
    }

    /// <summary>Every declared type, defaults and overrides, including those for parts the package does not contain.</summary>
    public List<string> Declared { get; } = [];

    public static OfficeContentTypes Read(Stream part)
    {
        var types = new OfficeContentTypes();
        foreach (var element in OfficeXml.Elements(part, "Default", "Override"))
        {
            var type = element.GetValueOrDefault("ContentType", "");
            types.Declared.Add(type);
            if (element["#element"] == "Default" && element.GetValueOrDefault("Extension") is { Length: > 0 } extension)
            {
                types.byExtension.TryAdd(extension, type);
            }
            else if (element.GetValueOrDefault("PartName") is { Length: > 0 } name)
            {
                types.byPart.TryAdd(OfficePackage.Normalize(name), type);
            }
        }

        return types;
    }

    /// <summary>The first declared type that carries code or embeds a package, if any.</summary>
    public string? FirstActive() => Declared.FirstOrDefault(type =>
        ActiveMarkers.Any(m => type.Contains(m, StringComparison.OrdinalIgnoreCase))
        || EmbeddedPackages.Any(p => type.Trim().Equals(p, StringComparison.OrdinalIgnoreCase)));

    public string? TypeOf(string entryName)
    {
        var name = OfficePackage.Normalize(entryName);
        return byPart.TryGetValue(name, out var type) ? type : byExtension.GetValueOrDefault(Path.GetExtension(name).TrimStart('.'));
    }
}
