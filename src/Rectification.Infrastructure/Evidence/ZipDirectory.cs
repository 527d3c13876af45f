using System.Buffers.Binary;

namespace Rectification.Infrastructure.Evidence;

/// <summary>
/// Reads the entry count a zip declares in its end-of-central-directory record, before the archive is opened: opening reads the
/// whole central directory into objects, and a 20 MB file can list hundreds of thousands of entries. The declared count is
/// checked against the real one when the archive opens (a mismatch is an error), so a low count cannot smuggle more entries.
/// </summary>
internal static class ZipDirectory
{
    private const int RecordLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <summary>The declared entry count (65,535 meaning "that many or more, see zip64"), or null when no record is found.</summary>
    public static int? DeclaredEntryCount(Stream file)
    {
        var length = file.Length;
        var tail = (int)Math.Min(length, RecordLength + MaxCommentLength);
        var buffer = new byte[tail];
        file.Position = length - tail;
        file.ReadExactly(buffer);
        file.Position = 0;
        for (var i = tail - RecordLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) == 0x06054B50)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
            }
        }

        return null;
    }
}
