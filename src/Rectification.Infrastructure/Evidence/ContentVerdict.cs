namespace Rectification.Infrastructure.Evidence;

/// <summary>Why a file's content is refused; each reason has its own message, so the uploader learns what to fix.</summary>
public enum ContentRefusal
{
    /// <summary>Not one of the allowed types at all.</summary>
    TypeNotAllowed,

    /// <summary>An Office package carrying macros, ActiveX, OLE objects, embedded packages or executables.</summary>
    ActiveContent,

    /// <summary>An Office package that fetches something from outside when opened (an attached template, a linked workbook).</summary>
    ExternalReference,

    /// <summary>A package with too many entries or too much once unpacked (a zip bomb).</summary>
    PackageTooLarge,

    /// <summary>A package whose structure is broken or ambiguous (duplicate entries, unreadable parts).</summary>
    PackageMalformed,

    /// <summary>Text that is markup a browser would run (HTML, SVG, script).</summary>
    ActiveMarkup,
}

/// <summary>What the content check decided: the detected content type, or the refusal with an English reason for the log.</summary>
public sealed record ContentVerdict(string? ContentType, ContentRefusal? Refusal, string Reason)
{
    public bool IsAccepted => ContentType is not null;

    /// <summary>The message catalog's code for the refusal.</summary>
    public string Code => Refusal switch
    {
        ContentRefusal.ActiveContent => "evidence.active-content",
        ContentRefusal.ExternalReference => "evidence.external-reference",
        ContentRefusal.PackageTooLarge => "evidence.package-too-large",
        ContentRefusal.PackageMalformed => "evidence.package-malformed",
        ContentRefusal.ActiveMarkup => "evidence.active-markup",
        _ => "evidence.type-not-allowed",
    };

    public static ContentVerdict Accepted(string contentType) => new(contentType, null, "");

    public static ContentVerdict Refused(ContentRefusal refusal, string reason) => new(null, refusal, reason);
}
