using Rectification.Application.Abstractions;

namespace Rectification.Integration.Tests.Support;

/// <summary>
/// A file as a host would hand it to the upload command, for sending it without HTTP. Its bytes can be read again (each read of
/// <see cref="Content"/> starts over), so one command can be sent more than once, as the fault-injection tests do.
/// </summary>
public sealed class TestUpload(string? givenName, byte[] bytes) : IUploadedFile
{
    public string? GivenName => givenName;

    public Stream Content => new MemoryStream(bytes, writable: false);

    public ValueTask<bool> IsOnlyFileAsync(CancellationToken ct) => ValueTask.FromResult(true);

    public override string ToString() => $"{givenName} ({bytes.Length} bytes)";
}
