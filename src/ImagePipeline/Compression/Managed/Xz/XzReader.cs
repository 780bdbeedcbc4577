using System.Buffers.Binary;

namespace ImagePipeline.Compression.Managed.Xz;

/// <summary>Exact reads of container fields from the counted input, with the format's integer encoding.</summary>
internal sealed class XzReader(ManagedDecoderInput input)
{
    public ManagedDecoderInput Input => input;

    public long Position => input.Position;

    /// <summary>The next byte, or -1 at the end of the input.</summary>
    public int ReadByteOrEnd() => input.ReadByte();

    public void ReadExactly(Span<byte> target, string what)
    {
        if (input.ReadAtLeast(target, target.Length, throwOnEndOfStream: false) != target.Length)
        {
            throw new XzFormatException($"the stream ends inside the {what} (truncated)");
        }
    }

    public byte ReadByte(string what)
    {
        var value = input.ReadByte();
        return value < 0 ? throw new XzFormatException($"the stream ends inside the {what} (truncated)") : (byte)value;
    }

    /// <summary>A variable-length integer (7 bits a byte, at most 9 bytes, no needless trailing zero byte).</summary>
    public ulong ReadVli(string what, ref uint crc)
    {
        ulong value = 0;
        Span<byte> one = stackalloc byte[1];
        for (var i = 0; i < 9; i++)
        {
            one[0] = ReadByte(what);
            crc = Crc32.Append(crc, one);
            value |= (ulong)(one[0] & 0x7F) << (7 * i);
            if ((one[0] & 0x80) == 0)
            {
                return i > 0 && one[0] == 0 ? throw new XzFormatException($"the {what} has a non-minimal integer") : value;
            }
        }

        throw new XzFormatException($"the {what} has an integer longer than 9 bytes");
    }

    /// <summary>Decodes a variable-length integer from <paramref name="data"/> at <paramref name="offset"/> (a block header).</summary>
    public static ulong DecodeVli(ReadOnlySpan<byte> data, ref int offset, string what)
    {
        ulong value = 0;
        for (var i = 0; i < 9; i++)
        {
            if (offset >= data.Length)
            {
                throw new XzFormatException($"the {what} ends inside an integer");
            }

            var b = data[offset++];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                return i > 0 && b == 0 ? throw new XzFormatException($"the {what} has a non-minimal integer") : value;
            }
        }

        throw new XzFormatException($"the {what} has an integer longer than 9 bytes");
    }

    public static uint ReadUInt32(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt32LittleEndian(data);
}
