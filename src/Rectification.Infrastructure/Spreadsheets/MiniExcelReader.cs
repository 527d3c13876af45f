using System.Globalization;
using MiniExcelLibs;
using Rectification.Application.Abstractions;

namespace Rectification.Infrastructure.Spreadsheets;

/// <summary>
/// The first sheet of an .xlsx read with MiniExcel's streaming reader, every cell as the text a person reads: numbers in invariant
/// form, dates as yyyy-MM-dd (with the time when it is not midnight), texts trimmed.
/// </summary>
public sealed class MiniExcelReader : ISpreadsheetReader
{
    public IEnumerable<SheetRow> Rows(Stream input)
    {
        IEnumerator<dynamic> rows;
        try
        {
            rows = MiniExcel.Query(input, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidDataException("not a readable .xlsx file", e);
        }

        using (rows)
        {
            var number = 0;
            while (true)
            {
                IDictionary<string, object?> row;
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }

                    row = (IDictionary<string, object?>)rows.Current;
                }
                catch (Exception e) when (e is not OperationCanceledException and not InvalidDataException)
                {
                    throw new InvalidDataException("not a readable .xlsx file", e);
                }

                yield return new SheetRow(++number, row.Values.Select(Text).ToArray());
            }
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime { TimeOfDay.Ticks: 0 } d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}
