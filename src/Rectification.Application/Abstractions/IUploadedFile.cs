namespace Rectification.Application.Abstractions;

/// <summary>
/// The file of an upload form as the host reads it from the request: the name the client gave and its bytes as they arrive. The
/// bytes are read only by the command's handler, after validation and authorization, so a caller who may not upload is refused
/// without the server accepting megabytes from them.
/// </summary>
public interface IUploadedFile
{
    string? GivenName { get; }

    /// <summary>Read once. A form that turns out malformed (a truncated part, a missing boundary) throws <see cref="UnreadableUploadException"/>.</summary>
    Stream Content { get; }

    /// <summary>Reads the rest of the form, after the file: false when it holds another file or is malformed.</summary>
    ValueTask<bool> IsOnlyFileAsync(CancellationToken ct);
}

/// <summary>The upload's body is not a well-formed form: the client's error, not the server's.</summary>
public sealed class UnreadableUploadException(string message, Exception inner) : Exception(message, inner);
