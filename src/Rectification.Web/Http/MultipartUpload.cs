using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Rectification.Application.Abstractions;

namespace Rectification.Web.Http;

/// <summary>
/// The file part of a multipart/form-data upload, read from the request body as it arrives: the reader stops at the first file
/// part of the given field, its bytes are read by whoever reads <see cref="Content"/>, and the rest of the form after it.
/// </summary>
internal sealed class MultipartUpload : IUploadedFile
{
    private readonly MultipartReader reader;
    private readonly string field;
    private readonly Stream content;

    private MultipartUpload(MultipartReader reader, string field, MultipartSection section, string? givenName)
    {
        this.reader = reader;
        this.field = field;
        GivenName = givenName;
        content = new FormStream(section.Body);
    }

    public string? GivenName { get; }

    public Stream Content => content;

    /// <summary>The boundary of a multipart/form-data body, or null when the request is not one.</summary>
    public static string? BoundaryOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 and <= 70 } boundary
            ? boundary
            : null;

    /// <summary>The first file part named <paramref name="field"/>; null when the form has none or is malformed before it.</summary>
    public static async Task<MultipartUpload?> FirstFileAsync(HttpRequest request, string boundary, string field, CancellationToken ct)
    {
        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (FileNameOf(section, field) is { } disposition)
                {
                    var given = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    return new MultipartUpload(reader, field, section, given);
                }
            }
        }
        catch (Exception e) when (IsMalformed(e))
        {
        }

        return null;
    }

    public async ValueTask<bool> IsOnlyFileAsync(CancellationToken ct)
    {
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (FileNameOf(section, field) is not null)
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception e) when (IsMalformed(e))
        {
            return false;
        }
    }

    /// <summary>Other form fields are not read; the reader skips their bodies.</summary>
    private static ContentDispositionHeaderValue? FileNameOf(MultipartSection section, string field) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition()
        && string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, field, StringComparison.Ordinal)
            ? disposition
            : null;

    /// <summary>
    /// A body that is not well-formed multipart (a missing boundary, a truncated part) is the client's error. A request past its
    /// size limit is not: the host answers it with 413.
    /// </summary>
    private static bool IsMalformed(Exception e) => e is InvalidDataException || (e is IOException && e is not BadHttpRequestException);

    /// <summary>The part's bytes, with a malformed form reported as the application's <see cref="UnreadableUploadException"/>.</summary>
    private sealed class FormStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (Exception e) when (IsMalformed(e))
            {
                throw new UnreadableUploadException("The upload's form is malformed.", e);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception e) when (IsMalformed(e))
            {
                throw new UnreadableUploadException("The upload's form is malformed.", e);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
