namespace Rectification.Infrastructure.Evidence;

/// <summary>Thrown when a package unpacks to more than it may; caught by the package check and turned into a refusal.</summary>
public sealed class UnpackLimitExceededException(string reason) : Exception(reason);

/// <summary>
/// Counts the bytes a package really unpacks to, as they are read, across all its entries: the sizes a zip declares are the
/// attacker's to choose, the bytes that come out of the decompressor are not.
/// </summary>
public sealed class UnpackBudget(long maxBytes)
{
    // A genuine document part (XML, text) compresses 5–30×, rarely past 100×; zeros compress ~1000×. The floor lets
    // small, very regular parts (an empty sheet's styles) through whatever their ratio.
    private const int MaxRatio = 200;
    private const long RatioFloorBytes = 1024 * 1024;

    public long MaxBytes { get; } = maxBytes;

    public long Unpacked { get; private set; }

    /// <summary>A stream over the entry's unpacked bytes that throws once the package or this entry's ratio goes past its bound.</summary>
    public Stream Open(Stream unpacked, string name, long compressedLength) => new CountingStream(this, unpacked, name, compressedLength);

    private void Count(CountingStream entry, int read)
    {
        Unpacked += read;
        entry.Unpacked += read;
        if (Unpacked > MaxBytes)
        {
            throw new UnpackLimitExceededException($"the package unpacks to more than {MaxBytes} bytes (at entry {entry.Name})");
        }

        if (entry.Unpacked > RatioFloorBytes && entry.Unpacked > Math.Max(1, entry.CompressedLength) * MaxRatio)
        {
            throw new UnpackLimitExceededException($"entry {entry.Name} unpacks more than {MaxRatio} times its compressed size of {entry.CompressedLength} bytes");
        }
    }

    private sealed class CountingStream(UnpackBudget budget, Stream inner, string name, long compressedLength) : Stream
    {
        public string Name => name;

        public long CompressedLength => compressedLength;

        public long Unpacked { get; set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Unpacked; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Count(this, read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
