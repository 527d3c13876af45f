using Rectification.Application.Abstractions;

namespace Rectification.Web.Http;

/// <summary>
/// A file of a page's form, which the page framework has already read (to check the form's anti-forgery token) and buffered:
/// the same command as the API's streamed upload receives it, checks it by content and stores it.
/// </summary>
internal sealed class FormFileUpload(IFormFile file, int filesInField) : IUploadedFile
{
    private Stream? content;

    public string? GivenName => file.FileName;

    public Stream Content => content ??= file.OpenReadStream();

    public ValueTask<bool> IsOnlyFileAsync(CancellationToken ct) => ValueTask.FromResult(filesInField == 1);
}
