using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Rectification.Application.Abstractions;
using Rectification.Application.Imports;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Web.Pages;

/// <summary>
/// 导入 at /imports/{kind}: upload an Excel sheet (problems into an inspection, ledger lines into a plan, units, users), see every
/// row's errors in one pass (and the sheet back with an 错误说明 column), import only when all rows pass, one command per row with
/// the count shown as it goes; the template of each kind to download. Only for the roles whose commands the rows become.
/// </summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public sealed class ImportsModel(ISender sender, ICurrentUser user, SheetImports imports, IServiceProvider services) : PageModel
{
    /// <summary>The largest sheet taken (20 MB: some 100,000 rows).</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Rows imported per request; the page asks for the next batch until all are in.</summary>
    public const int Batch = 25;

    /// <summary>Refused rows listed on the page at most; the error sheet holds them all.</summary>
    public const int ListedRows = 500;

    [FromRoute(Name = "kind")] public string KindName { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "target")] public Guid? TargetId { get; set; }
    [BindProperty(SupportsGet = true, Name = "file")] public Guid? FileId { get; set; }

    public ImportCheck? Check { get; private set; }
    public ImportProgress? Progress { get; private set; }
    public string? Refusal { get; private set; }

    public SheetImportKind Kind { get; private set; }

    public static readonly IReadOnlyDictionary<string, (SheetImportKind Kind, Role[] Roles, bool Targeted)> Kinds = new Dictionary<string, (SheetImportKind, Role[], bool)>
    {
        ["problems"] = (SheetImportKind.Problems, [Role.InspectionOffice, Role.InspectionGroup], true),
        ["ledger-lines"] = (SheetImportKind.LedgerLines, [Role.UnitLiaison, Role.UnitLeader], true),
        ["units"] = (SheetImportKind.Units, [Role.Administrator], false),
        ["users"] = (SheetImportKind.Users, [Role.Administrator], false),
    };

    public IReadOnlyList<ImportColumn> Columns => Sheet.Columns;

    private ISheetKind Sheet => Kind switch
    {
        SheetImportKind.Problems => services.GetRequiredService<ProblemSheet>(),
        SheetImportKind.LedgerLines => services.GetRequiredService<LedgerLineSheet>(),
        SheetImportKind.Units => services.GetRequiredService<UnitSheet>(),
        _ => services.GetRequiredService<UserSheet>(),
    };

    public string Link(string? handler = null, Guid? file = null) =>
        $"/imports/{KindName}?" + string.Join("&", new[] { TargetId is { } t ? $"target={t}" : null, file is { } f ? $"file={f}" : null, handler is null ? null : $"handler={handler}" }
            .Where(p => p is not null));

    /// <summary>Where the user came from: the inspection, the plan, or the administration page.</summary>
    public string BackLink => Kind switch
    {
        SheetImportKind.Problems => $"/inspections/{TargetId}",
        SheetImportKind.LedgerLines => $"/plans/{TargetId}",
        SheetImportKind.Units => "/admin/units",
        _ => "/admin/accounts",
    };

    private IActionResult? Refuse()
    {
        if (!Kinds.TryGetValue(KindName, out var kind) || (kind.Targeted && TargetId is null))
        {
            return NotFound();
        }

        Kind = kind.Kind;
        return kind.Roles.Contains(user.Role) ? null : StatusCode(StatusCodes.Status403Forbidden);
    }

    private IAppQuery<ImportCheck> CheckQuery(Guid file) => Kind switch
    {
        SheetImportKind.Problems => new CheckProblemImport(TargetId!.Value, file),
        SheetImportKind.LedgerLines => new CheckLedgerLineImport(TargetId!.Value, file),
        SheetImportKind.Units => new CheckUnitImport(file),
        _ => new CheckUserImport(file),
    };

    /// <summary>The page; with a file, its check: every refused row, or the button to import it.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused) return refused;
        if (FileId is { } file)
        {
            var check = await sender.Send(CheckQuery(file), ct);
            if (!check.IsSuccess) return Answer(check.Error!);
            Check = check.Value;
        }
        else if (TargetId is not null && (await sender.Send(CheckQuery(Guid.Empty), ct)).Error is { } error && !IsMissingFile(error))
        {
            // The target itself (an inspection, a plan) must be one this user may see: else the same 404 as elsewhere.
            return Answer(error);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? sheet, CancellationToken ct)
    {
        if (Refuse() is { } refused) return refused;
        if (sheet is null || sheet.Length == 0)
        {
            Refusal = UiText.T("imp-choose-file");
            return Page();
        }

        if (sheet.Length > MaxBytes)
        {
            Refusal = UiText.T("imp-too-large");
            return Page();
        }

        await using var content = sheet.OpenReadStream();
        var id = await imports.UploadAsync(content, ct);
        return Redirect(Link(file: id));
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused) return refused;
        await Download(UiText.T("imp-template-file-" + KindName) + ".xlsx", body => imports.WriteTemplateAsync(Sheet, body, ct));
        return new EmptyResult();
    }

    /// <summary>The uploaded sheet with the 错误说明 column, after the same authorized check the page shows.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused) return refused;
        if (FileId is not { } file) return NotFound();
        var check = await sender.Send(CheckQuery(file), ct);
        if (!check.IsSuccess) return Answer(check.Error!);
        await Download(UiText.T("imp-errors-file") + ".xlsx", body => imports.WriteErrorsAsync(Sheet, TargetId, file, body, ct));
        return new EmptyResult();
    }

    /// <summary>
    /// Imports the next batch. Through htmx the answer is the progress block, which asks for the next batch itself until all rows
    /// are in; without script every batch runs in this one request.
    /// </summary>
    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused) return refused;
        if (FileId is not { } file) return NotFound();
        var htmx = Request.Headers.ContainsKey("HX-Request");
        Result<ImportProgress> progress;
        do
        {
            progress = await imports.RunAsync(Sheet, TargetId, file, Batch, ct);
        }
        while (!htmx && progress.IsSuccess && !progress.Value.Finished);

        if (!progress.IsSuccess)
        {
            Refusal = Messages.Format(progress.Error!, CultureInfo.CurrentUICulture);
            return htmx ? Partial("_ImportProgress", this) : Page();
        }

        Progress = progress.Value;
        return htmx ? Partial("_ImportProgress", this) : Page();
    }

    private static bool IsMissingFile(Error error) => error.Kind == ErrorKind.NotFound && error.Args.GetValueOrDefault("entity") is Term { Code: "ImportFile" };

    private IActionResult Answer(Error error) => error.Kind switch
    {
        ErrorKind.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        ErrorKind.NotFound => NotFound(),
        _ => StatusCode(StatusCodes.Status400BadRequest),
    };

    private async Task Download(string fileName, Func<Stream, Task> write)
    {
        Response.ContentType = ISpreadsheetWriter.ContentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = "sheet.xlsx" }.ToString();
        await write(Response.Body);
    }
}
