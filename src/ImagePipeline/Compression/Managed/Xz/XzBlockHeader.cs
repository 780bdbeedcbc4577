namespace ImagePipeline.Compression.Managed.Xz;

/// <summary>One xz block header (after its size byte): sizes, filter chain, checked as liblzma does.</summary>
internal sealed record XzBlockHeader(int Size, ulong? CompressedSize, ulong? UncompressedSize, IReadOnlyList<XzFilter> Filters)
{
    private const ulong Lzma2 = 0x21;

    /// <summary>Reads the rest of a header whose first byte (<paramref name="sizeByte"/>, not 0) was read.</summary>
    public static XzBlockHeader Read(XzReader reader, byte sizeByte)
    {
        var size = (sizeByte + 1) * 4;
        var header = new byte[size];
        header[0] = sizeByte;
        reader.ReadExactly(header.AsSpan(1), "block header");
        if (Crc32.Append(0, header.AsSpan(0, size - 4)) != XzReader.ReadUInt32(header.AsSpan(size - 4)))
        {
            throw new XzFormatException("block header CRC32 mismatch");
        }

        var flags = header[1];
        if ((flags & 0x3C) != 0)
        {
            throw new XzFormatException("block header uses reserved flags (unsupported options)");
        }

        var offset = 2;
        var body = header.AsSpan(0, size - 4);
        ulong? compressed = (flags & 0x40) != 0 ? XzReader.DecodeVli(body, ref offset, "block header") : null;
        ulong? uncompressed = (flags & 0x80) != 0 ? XzReader.DecodeVli(body, ref offset, "block header") : null;
        if (compressed == 0)
        {
            throw new XzFormatException("block header gives a compressed size of 0");
        }

        var filters = new List<XzFilter>();
        for (var i = 0; i < (flags & 0x03) + 1; i++)
        {
            var id = XzReader.DecodeVli(body, ref offset, "block header");
            var propertiesSize = XzReader.DecodeVli(body, ref offset, "block header");
            if (propertiesSize > (ulong)(body.Length - offset))
            {
                throw new XzFormatException("block header filter properties run past the header");
            }

            filters.Add(new XzFilter(id, body.Slice(offset, (int)propertiesSize).ToArray()));
            offset += (int)propertiesSize;
        }

        if (body[offset..].ContainsAnyExcept((byte)0))
        {
            throw new XzFormatException("block header padding is not zero (unsupported options)");
        }

        if (filters[^1].Id != Lzma2 || filters.Take(filters.Count - 1).Any(f => f.Id == Lzma2))
        {
            throw new XzFormatException("unsupported filter chain (LZMA2 must be the last filter and only there)");
        }

        return new XzBlockHeader(size, compressed, uncompressed, filters);
    }
}
