namespace ImagePipeline.Compression.Managed;

/// <summary>Reads and checks one gzip member header (RFC 1952 section 2.3) as zlib does.</summary>
internal static class GzipMemberHeader
{
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const byte ReservedFlags = 0xE0;

    /// <summary>Consumes the header; returns null when it is valid, else why it is not.</summary>
    public static string? Read(GzipInput input)
    {
        var crc = 0u;
        Span<byte> fixedPart = stackalloc byte[10];
        if (!input.TryReadExactly(fixedPart))
        {
            return Truncated;
        }

        if (fixedPart[0] != 0x1f || fixedPart[1] != 0x8b)
        {
            return "not a gzip stream (bad header magic)";
        }

        if (fixedPart[2] != 8)
        {
            return $"unknown compression method {fixedPart[2]} (only deflate, 8, exists)";
        }

        var flags = fixedPart[3];
        if ((flags & ReservedFlags) != 0)
        {
            return "reserved header flags are set";
        }

        crc = Crc32.Append(crc, fixedPart);
        if ((flags & FlagExtra) != 0)
        {
            Span<byte> length = stackalloc byte[2];
            if (!input.TryReadExactly(length))
            {
                return Truncated;
            }

            crc = Crc32.Append(crc, length);
            var extra = new byte[length[0] | (length[1] << 8)];
            if (!input.TryReadExactly(extra))
            {
                return Truncated;
            }

            crc = Crc32.Append(crc, extra);
        }

        foreach (var flag in new[] { FlagName, FlagComment })
        {
            if ((flags & flag) != 0 && !SkipZeroTerminated(input, ref crc))
            {
                return Truncated;
            }
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            Span<byte> stored = stackalloc byte[2];
            if (!input.TryReadExactly(stored))
            {
                return Truncated;
            }

            if ((stored[0] | (stored[1] << 8)) != (crc & 0xFFFF))
            {
                return "header CRC mismatch";
            }
        }

        return null;
    }

    private static string Truncated => "the stream ends inside a member header (truncated)";

    private static bool SkipZeroTerminated(GzipInput input, ref uint crc)
    {
        int value;
        Span<byte> one = stackalloc byte[1];
        while ((value = input.ReadByte()) >= 0)
        {
            one[0] = (byte)value;
            crc = Crc32.Append(crc, one);
            if (value == 0)
            {
                return true;
            }
        }

        return false;
    }
}
