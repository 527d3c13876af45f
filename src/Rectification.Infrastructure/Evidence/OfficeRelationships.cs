namespace Rectification.Infrastructure.Evidence;

/// <summary>Judges one <c>.rels</c> part of a package: what its relationships point at, and whether outside the package.</summary>
internal static class OfficeRelationships
{
    // Relationship kinds (the last segment of the type) that bring code or programs in, whatever the target part is called:
    // a VBA project named "harmless.dat" is still a VBA project. Matched as parts of the kind, so vbaProjectSignature,
    // wordVbaData, xlMacrosheet and activeXControlBinary are caught with their family.
    private static readonly string[] ActiveKindMarkers = ["vba", "macro", "activeX"];

    private static readonly HashSet<string> ActiveKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "control", "oleObject", "package", "attachedToolbars",
        // A template, a sub-document or a frame is another document loaded into this one: never evidence content.
        "attachedTemplate", "subDocument", "frame",
    };

    /// <summary>The refusal the part calls for, or null.</summary>
    public static ContentVerdict? Judge(Stream part, string partName)
    {
        foreach (var relationship in OfficeXml.Elements(part, "Relationship"))
        {
            var type = relationship.GetValueOrDefault("Type", "");
            var kind = type[(type.LastIndexOf('/') + 1)..];
            var target = relationship.GetValueOrDefault("Target", "").Trim();
            var outside = string.Equals(relationship.GetValueOrDefault("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);

            // Word records the template a document was made from (a unit's 公文 template) as an external attachedTemplate on
            // the author's own disk. That path can only name a file on the reader's own machine, so it brings nothing in;
            // a template on a web server or a file share ("template injection") is refused below.
            if (outside && kind.Equals("attachedTemplate", StringComparison.OrdinalIgnoreCase) && IsLocalDrivePath(target))
            {
                continue;
            }

            // An external hyperlink is ordinary (a law's page on the web) and is only followed when the reader clicks it. Every
            // other external target is fetched when the file is opened: a remote template with macros ("template injection"),
            // a linked workbook, a linked OLE object, a remote image or frame that hands the reader's Windows credentials to
            // whoever serves it. A hyperlink to a file share or file: URL does the latter on a click, so it is refused too.
            if (outside && (!kind.Equals("hyperlink", StringComparison.OrdinalIgnoreCase) || IsFileLink(target)))
            {
                return ContentVerdict.Refused(ContentRefusal.ExternalReference, $"{partName} has an external {kind} relationship to {target}");
            }

            if (ActiveKinds.Contains(kind) || ActiveKindMarkers.Any(m => kind.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                return ContentVerdict.Refused(ContentRefusal.ActiveContent, $"{partName} has a {kind} relationship to {target}");
            }
        }

        return null;
    }

    private static bool IsLocalDrivePath(string target)
    {
        var path = target.StartsWith("file:///", StringComparison.OrdinalIgnoreCase) ? target["file:///".Length..] : target;
        return path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '/' or '\\';
    }

    private static bool IsFileLink(string target) =>
        target.StartsWith(@"\\", StringComparison.Ordinal) || target.StartsWith("//", StringComparison.Ordinal)
        || target.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
