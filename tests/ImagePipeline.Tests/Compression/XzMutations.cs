using System.Buffers.Binary;
using ImagePipeline.Compression.Managed;

namespace ImagePipeline.Tests.Compression;

/// <summary>
/// Edits one field of a single-stream xz file made by <c>xz</c> and fixes the CRC-32 that covers
/// it, so that only the targeted rule (the kind xz-utils' bad-* files test) is broken.
/// </summary>
public static class XzMutations
{
    private const int FooterSize = 12;

    /// <summary>Where the index starts: the footer's backward size counts it in 4-byte units.</summary>
    public static int IndexStart(byte[] xz) =>
        xz.Length - FooterSize - ((int)BinaryPrimitives.ReadUInt32LittleEndian(xz.AsSpan(xz.Length - 8)) + 1) * 4;

    /// <summary>Footer: CRC32(backward size, flags) | backward size | flags | "YZ".</summary>
    public static byte[] EditFooter(byte[] xz, Action<byte[]> edit)
    {
        var copy = (byte[])xz.Clone();
        edit(copy);
        var footer = copy.AsSpan(copy.Length - FooterSize);
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32.Append(0, footer.Slice(4, 6)));
        return copy;
    }

    /// <summary>Stream header: magic (6) | flags (2) | CRC32(flags).</summary>
    public static byte[] EditHeaderAndFooterFlags(byte[] xz, byte checkType) => EditFooter(xz, copy =>
    {
        copy[7] = checkType;
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(8), Crc32.Append(0, copy.AsSpan(6, 2)));
        copy[^3] = checkType;
    });

    /// <summary>Edits a byte of the index (at <paramref name="offset"/> from its start) and fixes the index CRC.</summary>
    public static byte[] EditIndex(byte[] xz, int offset, Func<byte, byte> edit)
    {
        var copy = (byte[])xz.Clone();
        var start = IndexStart(copy);
        copy[start + offset] = edit(copy[start + offset]);
        var crcAt = copy.Length - FooterSize - 4;
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(crcAt), Crc32.Append(0, copy.AsSpan(start, crcAt - start)));
        return copy;
    }

    /// <summary>Offset in the index of the first record's uncompressed size (after indicator, count and unpadded size).</summary>
    public static int FirstUncompressedSizeOffset(byte[] xz)
    {
        var offset = IndexStart(xz) + 2;
        while ((xz[offset] & 0x80) != 0)
        {
            offset++;
        }

        return offset + 1 - IndexStart(xz);
    }

    public static byte[] Flip(byte[] bytes, int offset, byte mask = 0x01)
    {
        var copy = (byte[])bytes.Clone();
        copy[offset] ^= mask;
        return copy;
    }
}
