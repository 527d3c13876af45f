using Rectification.Application.Documents;

namespace Rectification.Application.Abstractions;

/// <summary>
/// Renders a document written once (<see cref="PrintedDocument"/>) both as the printable page and as the Word file a unit
/// files, so the two can never say different things. The formats' libraries stay out of the application.
/// </summary>
public interface IDocumentRenderer
{
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A self-contained HTML page the browser prints to PDF.</summary>
    string Page(PrintedDocument document);

    /// <summary>The .docx (Office Open XML) bytes.</summary>
    byte[] Word(PrintedDocument document);
}
