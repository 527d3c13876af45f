using System.Globalization;
using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Localization;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Application.Imports;

public enum SheetImportKind { Problems, LedgerLines, Units, Users }

/// <summary>What a check found true of an uploaded sheet: every row valid, for this kind and target; and how many rows are imported so far.</summary>
public sealed record ImportMark(SheetImportKind Kind, Guid? TargetId, int Rows, int Done);

/// <summary>A column of an import sheet: its key in <see cref="Glossary.SheetColumns"/>, whether the sheet must have it, and an example value for the template.</summary>
public sealed record ImportColumn(string Key, bool Required, string Example, double Width = 16);

/// <summary>One data row of an uploaded sheet, its cells by column key.</summary>
public sealed class ImportLine(int row, IReadOnlyDictionary<string, string> cells)
{
    public int Row { get; } = row;

    public string this[string key] => cells.TryGetValue(key, out var v) ? v.Trim() : "";

    /// <summary>The cell, or null when empty (an optional field left out).</summary>
    public string? Optional(string key) => this[key] is { Length: > 0 } v ? v : null;
}

/// <summary>A row's refusals, in the reader's language.</summary>
public sealed record ImportRowErrors(int Row, IReadOnlyList<string> Errors);

/// <summary>
/// The outcome of checking an uploaded sheet in one pass: what it is imported into, its data rows, the refusals of the file as a whole
/// (unreadable, columns missing, no rows) and every refused row with all its errors; and the progress of an import under way.
/// </summary>
public sealed record ImportCheck(SheetImportKind Kind, Guid? TargetId, string TargetName, Guid FileId, int Rows, IReadOnlyList<string> FileErrors,
    IReadOnlyList<ImportRowErrors> RowErrors, int Done)
{
    public bool Valid => FileErrors.Count == 0 && RowErrors.Count == 0 && Rows > 0;
}

/// <summary>Where an import stands after a batch: rows imported of the total, and the refusal that stopped it (the row and why).</summary>
public sealed record ImportProgress(int Done, int Total, int? FailedRow, string? Failure)
{
    public bool Finished => Done >= Total || FailedRow is not null;
}

/// <summary>How one kind of sheet is checked and turned into commands; one implementation per kind.</summary>
public interface ISheetKind
{
    SheetImportKind Kind { get; }

    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Loads once what checking and importing the rows needs (the target, codes already taken …).</summary>
    Task<ISheetRows> StartAsync(Guid? targetId, CancellationToken ct);
}

/// <summary>The rows of one sheet against one target.</summary>
public interface ISheetRows
{
    string TargetName { get; }

    /// <summary>Refusals that concern the target rather than a row (a plan no longer editable).</summary>
    IReadOnlyList<string> TargetErrors { get; }

    /// <summary>Every refusal of this row, given the rows before it (duplicates within the sheet, parents named above).</summary>
    IReadOnlyList<string> Check(ImportLine line);

    /// <summary>The command that imports this row, built against the database as it is now (so parents imported above are found).</summary>
    Task<IMessage> CommandAsync(ImportLine line, CancellationToken ct);
}

/// <summary>
/// The import of a sheet (问题清单, 台账, 单位, 用户): the header row finds the columns by their names in either language; each data row is
/// checked with the same validators and rules as its command; nothing is written unless every row passes; then one command per row
/// goes through the pipeline, so validation, authorization, audit and notifications happen as for a single entry.
/// </summary>
public sealed class SheetImports(ISpreadsheetReader reader, ISpreadsheetWriter writer, IImportFileStore files, ICurrentUser user, ISender sender)
{
    private Guid Owner => user.UserId ?? Guid.Empty;

    private static bool English => Messages.IsEnglish(CultureInfo.CurrentUICulture);

    public static string Say(string code, params (string Key, object? Value)[] args) =>
        Messages.Format(code, args.ToDictionary(a => a.Key, a => a.Value), CultureInfo.CurrentUICulture);

    public static string Header(string key) => English ? Glossary.SheetColumn(key).En : Glossary.SheetColumn(key).ZhCn;

    /// <summary>An error as a row's refusal reads: a validation's field messages, else the catalog's text.</summary>
    public static IEnumerable<string> Describe(Error error) =>
        error.FieldErrors.Count > 0 ? error.FieldErrors.SelectMany(f => f.Value) : [Messages.Format(error, CultureInfo.CurrentUICulture)];

    public Task<Guid> UploadAsync(Stream content, CancellationToken ct) => files.SaveAsync(Owner, content, ct);

    /// <summary>Checks every row of the uploaded file; when all pass, marks the file as ready to import into this target.</summary>
    public async Task<Result<ImportCheck>> CheckAsync(ISheetKind kind, Guid? targetId, Guid fileId, CancellationToken ct)
    {
        var rows = await kind.StartAsync(targetId, ct);
        await using var stream = files.Open(Owner, fileId);
        if (stream is null)
        {
            return Error.NotFound("ImportFile", fileId);
        }

        var fileErrors = new List<string>(rows.TargetErrors);
        var rowErrors = new List<ImportRowErrors>();
        var count = 0;
        try
        {
            foreach (var line in Lines(kind, stream, fileErrors))
            {
                count++;
                if (rows.Check(line) is { Count: > 0 } errors)
                {
                    rowErrors.Add(new ImportRowErrors(line.Row, errors));
                }
            }
        }
        catch (InvalidDataException)
        {
            fileErrors.Add(Say("import.unreadable"));
        }

        if (count == 0 && fileErrors.Count == 0)
        {
            fileErrors.Add(Say("import.empty"));
        }

        var mark = files.Mark(Owner, fileId);
        var check = new ImportCheck(kind.Kind, targetId, rows.TargetName, fileId, count, fileErrors, rowErrors, mark is { } m && m.Kind == kind.Kind && m.TargetId == targetId ? m.Done : 0);
        if (check.Valid && mark is null)
        {
            files.SetMark(Owner, fileId, new ImportMark(kind.Kind, targetId, count, 0));
        }

        return check;
    }

    /// <summary>
    /// Imports the next <paramref name="batch"/> rows of a file a check found valid, one command each through the pipeline; stops at
    /// the first refusal (a change made by someone else since the check), naming the row.
    /// </summary>
    public async Task<Result<ImportProgress>> RunAsync(ISheetKind kind, Guid? targetId, Guid fileId, int batch, CancellationToken ct)
    {
        if (files.Mark(Owner, fileId) is not { } mark || mark.Kind != kind.Kind || mark.TargetId != targetId)
        {
            return Error.Rule("import.not-checked");
        }

        if (mark.Done >= mark.Rows)
        {
            return new ImportProgress(mark.Done, mark.Rows, null, null);
        }

        var rows = await kind.StartAsync(targetId, ct);
        await using var stream = files.Open(Owner, fileId);
        if (stream is null)
        {
            return Error.NotFound("ImportFile", fileId);
        }

        var done = mark.Done;
        var index = 0;
        foreach (var line in Lines(kind, stream, []))
        {
            if (index++ < done)
            {
                continue;
            }

            if (done >= mark.Done + batch)
            {
                break;
            }

            var result = await sender.Send(await rows.CommandAsync(line, ct), ct);
            if (result?.GetType().GetProperty(nameof(Result<int>.Error))?.GetValue(result) is Error error)
            {
                files.SetMark(Owner, fileId, mark with { Done = done });
                return new ImportProgress(done, mark.Rows, line.Row, string.Join(" ", Describe(error)));
            }

            done++;
        }

        files.SetMark(Owner, fileId, mark with { Done = done });
        return new ImportProgress(done, mark.Rows, null, null);
    }

    /// <summary>The template: the header row and one example row.</summary>
    public async Task WriteTemplateAsync(ISheetKind kind, Stream output, CancellationToken ct)
    {
        await using var sheet = await writer.StartAsync(output, Layout(kind, withErrors: false), ct);
        await sheet.AddAsync(kind.Columns.Select(c => SheetCell.Of(c.Example)).ToArray(), ct);
        await sheet.FinishAsync(ct);
    }

    /// <summary>The uploaded sheet given back with a last column 错误说明 holding each row's refusals.</summary>
    public async Task<Result<bool>> WriteErrorsAsync(ISheetKind kind, Guid? targetId, Guid fileId, Stream output, CancellationToken ct)
    {
        var checkedSheet = await CheckAsync(kind, targetId, fileId, ct);
        if (!checkedSheet.IsSuccess)
        {
            return checkedSheet.Error!;
        }

        var errors = checkedSheet.Value.RowErrors.ToDictionary(e => e.Row, e => string.Join("\n", e.Errors));
        await using var stream = files.Open(Owner, fileId);
        await using var sheet = await writer.StartAsync(output, Layout(kind, withErrors: true), ct);
        var cells = new SheetCell[kind.Columns.Count + 1];
        try
        {
            foreach (var line in Lines(kind, stream!, []))
            {
                for (var i = 0; i < kind.Columns.Count; i++)
                {
                    cells[i] = SheetCell.Of(line[kind.Columns[i].Key]);
                }

                cells[^1] = SheetCell.Of(errors.GetValueOrDefault(line.Row));
                await sheet.AddAsync(cells, ct);
            }
        }
        catch (InvalidDataException)
        {
            // An unreadable file gives back the header alone; the page says why.
        }

        await sheet.FinishAsync(ct);
        return true;
    }

    private static SheetLayout Layout(ISheetKind kind, bool withErrors)
    {
        var columns = kind.Columns.Select(c => new SheetColumn(Header(c.Key), c.Width)).ToList();
        if (withErrors)
        {
            columns.Add(new SheetColumn(Header("Errors"), 50));
        }

        return new SheetLayout(English ? "Import" : "导入", null, columns);
    }

    /// <summary>
    /// The data rows under the header row (the first row naming a column of this kind, in either language), empty rows skipped; a
    /// required column missing from the header is a file error and no row follows.
    /// </summary>
    private IEnumerable<ImportLine> Lines(ISheetKind kind, Stream stream, List<string> fileErrors)
    {
        Dictionary<int, string>? columns = null;
        foreach (var row in reader.Rows(stream))
        {
            if (row.IsEmpty)
            {
                continue;
            }

            if (columns is null)
            {
                var found = new Dictionary<int, string>();
                for (var i = 0; i < row.Cells.Count; i++)
                {
                    var text = row.Cells[i].Trim();
                    if (kind.Columns.FirstOrDefault(c => Glossary.SheetColumn(c.Key) is var label
                            && (string.Equals(label.ZhCn, text, StringComparison.Ordinal) || string.Equals(label.En, text, StringComparison.OrdinalIgnoreCase))) is { } column)
                    {
                        found.TryAdd(i, column.Key);
                    }
                }

                if (found.Count == 0)
                {
                    continue; // a title row above the header
                }

                var missing = kind.Columns.Where(c => c.Required && !found.ContainsValue(c.Key)).Select(c => Header(c.Key)).ToList();
                if (missing.Count > 0)
                {
                    fileErrors.Add(Say("import.missing-columns", ("columns", string.Join(English ? ", " : "、", missing))));
                    yield break;
                }

                columns = found;
                continue;
            }

            var cells = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
            foreach (var (index, key) in columns)
            {
                cells[key] = row[index];
            }

            yield return new ImportLine(row.Number, cells);
        }

        if (columns is null && fileErrors.Count == 0)
        {
            fileErrors.Add(Say("import.missing-columns", ("columns", string.Join(English ? ", " : "、", kind.Columns.Where(c => c.Required).Select(c => Header(c.Key))))));
        }
    }
}

/// <summary>Parsing of cells shared by the kinds: labels of the glossary in either language, days.</summary>
public static class ImportCells
{
    /// <summary>An enum value from its glossary label (zh-CN or English) or its code; adds a refusal naming the choices when unknown or empty.</summary>
    public static TEnum? Choice<TEnum>(ImportLine line, string key, List<string> errors, IEnumerable<TEnum>? allowed = null) where TEnum : struct, Enum
    {
        var text = line[key];
        var choices = (allowed ?? Enum.GetValues<TEnum>()).ToList();
        if (text.Length == 0)
        {
            errors.Add(SheetImports.Say("import.required", ("column", SheetImports.Header(key))));
            return null;
        }

        foreach (var value in choices)
        {
            var label = Glossary.Of(value);
            if (string.Equals(label.ZhCn, text, StringComparison.Ordinal) || string.Equals(label.En, text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var english = Messages.IsEnglish(CultureInfo.CurrentUICulture);
        errors.Add(SheetImports.Say("import.unknown-value", ("column", SheetImports.Header(key)), ("value", text),
            ("choices", string.Join(english ? ", " : "、", choices.Select(c => english ? Glossary.Of(c).En : Glossary.Of(c).ZhCn)))));
        return null;
    }

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日", "yyyy-MM-dd HH:mm"];

    public static DateOnly? Day(ImportLine line, string key, List<string> errors)
    {
        var text = line[key];
        if (text.Length == 0)
        {
            errors.Add(SheetImports.Say("import.required", ("column", SheetImports.Header(key))));
            return null;
        }

        if (DateTime.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return DateOnly.FromDateTime(day);
        }

        errors.Add(SheetImports.Say("import.bad-date", ("column", SheetImports.Header(key)), ("value", text)));
        return null;
    }

    /// <summary>The refusals of a command by its own validators and the plain-text rule, as the pipeline's first step would give them.</summary>
    public static void Validate<TCommand>(TCommand command, IEnumerable<FluentValidation.IValidator<TCommand>> validators, List<string> errors)
    {
        foreach (var validator in validators)
        {
            errors.AddRange(validator.Validate(command).Errors.Select(e => e.ErrorMessage));
        }

        errors.AddRange(Behaviors.PlainTextFields.Check(command!).Select(f => f.Message));
    }
}
