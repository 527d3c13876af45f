namespace Rectification.Application.Abstractions;

/// <summary>A cell written to a sheet: a text, a whole number, a day or a figure with decimals; all null is an empty cell.</summary>
public readonly record struct SheetCell(string? Text, long? Number = null, DateOnly? Day = null, decimal? Amount = null)
{
    public static SheetCell Of(decimal amount) => new(null, null, null, amount);

    public static SheetCell Of(string? text) => new(text);

    public static SheetCell Of(long number) => new(null, number);

    public static SheetCell Of(DateOnly? day) => new(null, null, day);
}

/// <summary>A column of a written sheet: its header and its width in characters.</summary>
public sealed record SheetColumn(string Header, double Width = 14);

/// <summary>One sheet: its name, an optional title row across its columns, the header row, then the rows.</summary>
public sealed record SheetLayout(string SheetName, string? Title, IReadOnlyList<SheetColumn> Columns);

/// <summary>
/// Writes .xlsx files row by row onto a stream, holding one row at a time (the library stays in the infrastructure): an export of
/// any length costs the same memory.
/// </summary>
public interface ISpreadsheetWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    ValueTask<ISheetRows> StartAsync(Stream output, SheetLayout layout, CancellationToken ct);
}

/// <summary>The rows of a sheet being written; <see cref="FinishAsync"/> closes the file.</summary>
public interface ISheetRows : IAsyncDisposable
{
    /// <summary>Adds one row; the cells are copied, so the caller may reuse the array.</summary>
    ValueTask AddAsync(SheetCell[] cells, CancellationToken ct);

    ValueTask FinishAsync(CancellationToken ct);
}
