namespace Rectification.Application.Abstractions;

/// <summary>A row read from a sheet: its number in the sheet (1 for the first) and each cell as the text it shows ("" when empty).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";

    public bool IsEmpty => Cells.All(c => c.Length == 0);
}

/// <summary>Reads the first sheet of an .xlsx file row by row (streaming; the library stays in the infrastructure).</summary>
public interface ISpreadsheetReader
{
    /// <summary>The rows in order, empty rows included so that numbers match the sheet. Throws <see cref="InvalidDataException"/> for a file that is not a readable .xlsx.</summary>
    IEnumerable<SheetRow> Rows(Stream input);
}
