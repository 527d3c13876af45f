namespace Rectification.Application.Documents;

/// <summary>
/// A document as a short list of blocks, written once per kind and language and then rendered both as a printable page and as
/// a .docx, so the page and the file a unit files can never say different things.
/// </summary>
public sealed record PrintedDocument(string Title, string Language, IReadOnlyList<Block> Blocks, string FileStem);

public abstract record Block;

/// <summary>Level 1 is the document title, 2 a section, 3 an item within a section.</summary>
public sealed record Heading(string Text, int Level) : Block;

public sealed record Paragraph(string Text, bool Bold = false, bool AlignRight = false) : Block;

/// <summary>A table; with <see cref="RowHeaders"/> the first cell of each row is a label (a form), else the first row is the header.</summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, bool RowHeaders = false) : Block;
