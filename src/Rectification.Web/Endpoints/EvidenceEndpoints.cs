using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Rectification.Application.Problems;
using Rectification.Domain.Common;
using Rectification.Infrastructure.Evidence;
using Rectification.Web.Http;

namespace Rectification.Web.Endpoints;

/// <summary>
/// Evidence files (佐证材料): uploaded as multipart/form-data to a problem, checked by content, stored outside the web root under
/// a generated name with their SHA-256, and read back only through an authorized download with the original name.
/// </summary>
public static class EvidenceEndpoints
{
    public const string FileField = "file";

    public static RouteGroupBuilder MapEvidence(this RouteGroupBuilder api, EvidenceOptions options)
    {
        api.MapPost("/problems/{id:guid}/evidence", Upload)
            .WithMetadata(new UploadSizeLimit(options.MaxRequestBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .WithTags("Problems");
        api.MapGet("/problems/{id:guid}/evidence", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new ListEvidenceFiles(id), ct)).ToHttp())
            .WithTags("Problems");
        api.MapGet("/evidence/{id:guid}", Download).WithTags("Problems");
        return api;
    }

    private static async Task<IResult> Upload(Guid id, HttpRequest request, ISender sender, EvidenceStorage storage, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger("Rectification.Evidence");
        var allowed = await sender.Send(new AuthorizeEvidenceUpload(id), ct);
        if (!allowed.IsSuccess)
        {
            return allowed.ToHttp();
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            return Refuse(log, StatusCodes.Status415UnsupportedMediaType, "evidence.no-file", id);
        }

        StagedEvidence? staged = null;
        string? name = null;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition()
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FileField, StringComparison.Ordinal))
                {
                    continue; // other form fields are not read; the reader skips their bodies
                }

                if (staged is not null)
                {
                    // One file per upload, so each gets its own audit entry and nothing is half-accepted.
                    Discard(staged);
                    return Refuse(log, StatusCodes.Status400BadRequest, "evidence.no-file", id);
                }

                var given = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                name = EvidenceFileName.Sanitize(given);
                if (name is null)
                {
                    return Refuse(log, StatusCodes.Status400BadRequest, "evidence.name-invalid", id, ("name", Shorten(given)));
                }

                staged = await storage.StageAsync(section.Body, ct);
                if (staged.TooLarge)
                {
                    return Refuse(log, StatusCodes.Status413PayloadTooLarge, "evidence.too-large", id, ("limit", storage.Options.MaxFileBytes));
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
        {
            // A body that is not well-formed multipart (a missing boundary, a truncated part) is the client's error, not ours.
            Discard(staged);
            return Refuse(log, StatusCodes.Status400BadRequest, "evidence.no-file", id);
        }
        catch
        {
            Discard(staged);
            throw;
        }

        if (staged is null || name is null)
        {
            return Refuse(log, StatusCodes.Status400BadRequest, "evidence.no-file", id);
        }

        var verdict = EvidenceContent.Judge(staged.TempPath, storage.Options.Package);
        if (!verdict.IsAccepted)
        {
            Discard(staged);
            log.LogWarning("The content of {Name} uploaded to problem {Problem} is refused: {Reason}", name, id, verdict.Reason);
            return verdict.Refusal == ContentRefusal.PackageTooLarge
                ? Refuse(log, StatusCodes.Status415UnsupportedMediaType, verdict.Code, id, ("name", name),
                    ("maxEntries", storage.Options.Package.MaxEntries), ("maxBytes", storage.Options.Package.MaxUnpackedBytes))
                : Refuse(log, StatusCodes.Status415UnsupportedMediaType, verdict.Code, id, ("name", name));
        }

        var contentType = verdict.ContentType!;

        var fileId = Guid.CreateVersion7();
        var storedName = storage.Commit(staged, fileId);
        try
        {
            var recorded = await sender.Send(new RecordEvidenceFile(id, fileId, name, contentType, staged.Length, staged.Sha256), ct);
            if (!recorded.IsSuccess)
            {
                EvidenceStorage.Discard(storage.PathOf(storedName));
            }

            return recorded.ToHttp(file => Results.Created($"/api/evidence/{file.Id}", file));
        }
        catch
        {
            EvidenceStorage.Discard(storage.PathOf(storedName));
            throw;
        }
    }

    private static async Task<IResult> Download(Guid id, ISender sender, EvidenceStorage storage, ILoggerFactory logs, CancellationToken ct)
    {
        var found = await sender.Send(new GetEvidenceFile(id), ct);
        if (!found.IsSuccess)
        {
            return found.ToHttp();
        }

        var file = found.Value;
        Stream content;
        try
        {
            content = storage.OpenRead(file.StoredName);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            logs.CreateLogger("Rectification.Evidence").LogError("Evidence file {Id} is recorded but its bytes are missing at {Path}", id, storage.PathOf(file.StoredName));
            return ResultMapping.ToProblem(Error.NotFound("EvidenceFile", id));
        }

        // Always an attachment: a stored file is never rendered by the browser in the application's origin.
        return Results.File(content, file.File.ContentType, file.File.FileName, lastModified: new DateTimeOffset(file.File.UploadedAt, TimeSpan.Zero),
            entityTag: new EntityTagHeaderValue($"\"{file.File.Sha256}\""));
    }

    private static IResult Refuse(ILogger log, int status, string code, Guid problemId, params (string Key, object? Value)[] args)
    {
        log.LogWarning("Refused an evidence upload to problem {Problem}: {Code} {Args}", problemId, code, string.Join(", ", args.Select(a => $"{a.Key}={a.Value}")));
        return ResultMapping.ToProblem(new Error(ErrorKind.Validation, code, args.ToDictionary(a => a.Key, a => a.Value)), status);
    }

    private static void Discard(StagedEvidence? staged)
    {
        if (staged is { TooLarge: false })
        {
            EvidenceStorage.Discard(staged.TempPath);
        }
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 80 ? text[..80] + "…" : text;

    /// <summary>The upload's own request limit, read by the host's body limit in place of <c>Limits:MaxRequestBytes</c>.</summary>
    private sealed class UploadSizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;

        public override string ToString() => bytes.ToString(CultureInfo.InvariantCulture);
    }
}
