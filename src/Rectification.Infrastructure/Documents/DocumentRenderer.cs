using Rectification.Application.Abstractions;
using Rectification.Application.Documents;

namespace Rectification.Infrastructure.Documents;

/// <summary>The page by <see cref="HtmlRenderer"/>, the Word file by <see cref="DocxRenderer"/> (DocumentFormat.OpenXml).</summary>
public sealed class DocumentRenderer : IDocumentRenderer
{
    public string Page(PrintedDocument document) => HtmlRenderer.Render(document);

    public byte[] Word(PrintedDocument document) => DocxRenderer.Render(document);
}
