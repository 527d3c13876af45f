using Rectification.Application.Abstractions;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Rectification.Infrastructure.Spreadsheets;

/// <summary>
/// .xlsx files written with SpreadCheetah, which streams each row into the zip as it comes: the title row (bold, merged across the
/// columns), the header row (bold, frozen, with a filter), then the rows; days as real dates shown yyyy-mm-dd.
/// </summary>
public sealed class SpreadCheetahWriter : ISpreadsheetWriter
{
    public async ValueTask<ISheetRows> StartAsync(Stream output, SheetLayout layout, CancellationToken ct)
    {
        var stream = new AsyncWriteStream(output);
        var spreadsheet = await Spreadsheet.CreateNewAsync(stream, new SpreadCheetahOptions { BufferSize = 64 * 1024 }, ct);
        var options = new WorksheetOptions { FrozenRows = layout.Title is null ? 1 : 2 };
        for (var i = 0; i < layout.Columns.Count; i++)
        {
            options.Column(i + 1).Width = layout.Columns[i].Width;
        }

        var last = ColumnName(layout.Columns.Count);
        var headerRow = layout.Title is null ? 1 : 2;
        options.AutoFilter = new AutoFilterOptions($"A{headerRow}:{last}{headerRow}");
        await spreadsheet.StartWorksheetAsync(layout.SheetName, options, ct);
        var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        var wrap = spreadsheet.AddStyle(new Style { Alignment = { WrapText = true, Vertical = VerticalAlignment.Top } });
        var day = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd"), Alignment = { Vertical = VerticalAlignment.Top } });
        if (layout.Title is { } title)
        {
            await spreadsheet.AddRowAsync([new Cell(title, spreadsheet.AddStyle(new Style { Font = { Bold = true, Size = 14 } }))], ct);
            spreadsheet.MergeCells($"A1:{last}1");
        }

        await spreadsheet.AddHeaderRowAsync(layout.Columns.Select(c => c.Header).ToArray(), bold, ct);
        return new Rows(spreadsheet, stream, layout.Columns.Count, wrap, day);
    }

    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + (number - 1) % 26) + name;
        }

        return name;
    }

    private sealed class Rows(Spreadsheet spreadsheet, AsyncWriteStream stream, int width, StyleId wrap, StyleId day) : ISheetRows
    {
        private readonly Cell[] buffer = new Cell[width];

        public ValueTask AddAsync(SheetCell[] cells, CancellationToken ct)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                var c = i < cells.Length ? cells[i] : default;
                buffer[i] = c switch
                {
                    { Day: { } d } => new Cell(d.ToDateTime(TimeOnly.MinValue), day),
                    { Number: { } n } => new Cell(n),
                    { Amount: { } a } => new Cell(a),
                    { Text: { } t } => new Cell(t, wrap),
                    _ => new Cell(),
                };
            }

            return spreadsheet.AddRowAsync(buffer, ct);
        }

        public async ValueTask FinishAsync(CancellationToken ct)
        {
            await spreadsheet.FinishAsync(ct);
            await spreadsheet.DisposeAsync();
            await stream.FlushAsync(ct);
        }

        public async ValueTask DisposeAsync()
        {
            await spreadsheet.DisposeAsync();
            await stream.SendPendingAsync(CancellationToken.None);
        }
    }
}
