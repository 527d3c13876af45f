using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Http.Metadata;
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
    public const string FileField = RecordEvidenceFile.FileField;

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

    /// <summary>Reads the form up to its file and sends the command; reading the file, checking and storing it are the command's.</summary>
    private static async Task<IResult> Upload(Guid id, HttpRequest request, ISender sender, CancellationToken ct)
    {
        var boundary = MultipartUpload.BoundaryOf(request);
        var file = boundary is null ? null : await MultipartUpload.FirstFileAsync(request, boundary, FileField, ct);
        var recorded = await sender.Send(new RecordEvidenceFile(id, file), ct);
        return recorded.IsSuccess
            ? Results.Created($"/api/evidence/{recorded.Value.Id}", recorded.Value)
            : ResultMapping.ToProblem(recorded.Error!, StatusOf(recorded.Error!, isForm: boundary is not null));
    }

    /// <summary>HTTP has closer statuses than 400 for some refusals: 415 for a body that is not a form or a file refused by its content, 413 for a file too large.</summary>
    private static int? StatusOf(Error error, bool isForm) => error.Code switch
    {
        EvidenceRefusals.TooLarge => StatusCodes.Status413PayloadTooLarge,
        EvidenceRefusals.NoFile when !isForm => StatusCodes.Status415UnsupportedMediaType,
        _ when EvidenceRefusals.OfContent.Contains(error.Code) => StatusCodes.Status415UnsupportedMediaType,
        _ => null,
    };

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

    /// <summary>The upload's own request limit, read by the host's body limit in place of <c>Limits:MaxRequestBytes</c> (also the problem page's, whose progress form carries a file).</summary>
    internal sealed class UploadSizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;

        public override string ToString() => bytes.ToString(CultureInfo.InvariantCulture);
    }
}
