namespace ImagePipeline.Compression.Managed.Xz;

/// <summary>
/// Managed xz decoding as strict as liblzma with <c>LZMA_CONCATENATED | LZMA_TELL_UNSUPPORTED_CHECK</c>:
/// stream header and footer (flags, CRC32, backward size, magic), every block header, compressed
/// and uncompressed sizes, block padding and integrity check, the index (record count, sizes,
/// padding, CRC32), stream padding in multiples of 4 and concatenated streams. The container is
/// ours; LZMA2 and the branch filters are SharpCompress's, delta is ours.
/// </summary>
internal sealed class StrictXzStream(Stream compressed, long memoryLimit) : IO.ReadOnlyStream
{
    private static readonly byte[] HeaderMagic = [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];

    private readonly XzReader _reader = new(new ManagedDecoderInput(compressed));
    private readonly List<(ulong Unpadded, ulong Uncompressed)> _records = [];
    private byte[] _streamFlags = [];
    private int? _nextStreamFirstByte;
    private bool _inStream;
    private bool _sawStream;
    private bool _finished;
    private XzBlockHeader? _block;
    private Stream? _blockData;
    private XzCheck? _check;
    private long _blockDataStart;
    private ulong _blockUncompressed;

    private int CheckType => _streamFlags[1] & 0x0F;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_blockData is not null)
            {
                var read = _blockData.Read(buffer);
                if (read > 0)
                {
                    _check!.Append(buffer[..read]);
                    _blockUncompressed += (ulong)read;
                    if (_blockUncompressed > (_block!.UncompressedSize ?? ulong.MaxValue))
                    {
                        throw new XzFormatException("a block decodes to more bytes than its header says");
                    }

                    return read;
                }

                EndBlock();
            }

            if (_finished || !Advance())
            {
                return 0;
            }
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _blockData?.Dispose();
            _check?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads structure up to the next block's data; false when the input ended properly.</summary>
    private bool Advance()
    {
        if (!_inStream)
        {
            ReadStreamHeader();
        }

        var first = _reader.ReadByte("block header or index");
        if (first != 0)
        {
            StartBlock(first);
            return true;
        }

        ReadIndexAndFooter();
        _inStream = false;
        return !(_finished = !ReadStreamPadding());
    }

    private void ReadStreamHeader()
    {
        Span<byte> header = stackalloc byte[12];
        var first = _nextStreamFirstByte ?? _reader.ReadByteOrEnd();
        _nextStreamFirstByte = null;
        if (first < 0)
        {
            throw new XzFormatException(_sawStream ? "the stream ends inside the stream header (truncated)" : "the stream is empty");
        }

        header[0] = (byte)first;
        _reader.ReadExactly(header[1..], "stream header");
        if (!header[..6].SequenceEqual(HeaderMagic))
        {
            throw new XzFormatException("not an xz stream (bad header magic)");
        }

        if (Crc32.Append(0, header.Slice(6, 2)) != XzReader.ReadUInt32(header[8..]))
        {
            throw new XzFormatException("stream header CRC32 mismatch");
        }

        if (header[6] != 0 || (header[7] & 0xF0) != 0)
        {
            throw new XzFormatException("unsupported options in the stream header (reserved flags set)");
        }

        _streamFlags = header.Slice(6, 2).ToArray();
        if (!XzCheck.IsSupported(CheckType))
        {
            throw new XzFormatException("the stream uses an integrity check type that is not supported, so its data cannot be verified");
        }

        _records.Clear();
        _inStream = true;
        _sawStream = true;
    }

    private void StartBlock(byte sizeByte)
    {
        _block = XzBlockHeader.Read(_reader, sizeByte);
        _blockDataStart = _reader.Position;
        _blockUncompressed = 0;
        _check = XzCheck.Create(CheckType);
        _blockData = XzFilterChain.Open(_block.Filters, _reader.Input, memoryLimit);
    }

    private void EndBlock()
    {
        var block = _block!;
        _blockData!.Dispose();
        _blockData = null;
        var compressedSize = (ulong)(_reader.Position - _blockDataStart);
        if (block.CompressedSize is { } declared && declared != compressedSize)
        {
            throw new XzFormatException("a block's compressed size differs from its header");
        }

        if (block.UncompressedSize is { } size && size != _blockUncompressed)
        {
            throw new XzFormatException("a block's uncompressed size differs from its header");
        }

        Span<byte> padding = stackalloc byte[3];
        var paddingSize = (int)((4 - (compressedSize % 4)) % 4);
        _reader.ReadExactly(padding[..paddingSize], "block padding");
        if (padding[..paddingSize].ContainsAnyExcept((byte)0))
        {
            throw new XzFormatException("block padding is not zero");
        }

        Span<byte> stored = stackalloc byte[XzCheck.SizeOf(CheckType)];
        _reader.ReadExactly(stored, "block check");
        if (!_check!.Matches(stored))
        {
            throw new XzFormatException("the block's integrity check does not match (corrupt data)");
        }

        _check.Dispose();
        _check = null;
        _records.Add(((ulong)block.Size + compressedSize + (ulong)stored.Length, _blockUncompressed));
    }

    private void ReadIndexAndFooter()
    {
        var indexStart = _reader.Position - 1;
        var crc = Crc32.Append(0, [0]);
        var count = _reader.ReadVli("index", ref crc);
        if (count != (ulong)_records.Count)
        {
            throw new XzFormatException($"the index lists {count} blocks, the stream has {_records.Count}");
        }

        foreach (var (unpadded, uncompressed) in _records)
        {
            if (_reader.ReadVli("index", ref crc) != unpadded || _reader.ReadVli("index", ref crc) != uncompressed)
            {
                throw new XzFormatException("an index record does not match its block's sizes");
            }
        }

        Span<byte> padding = stackalloc byte[3];
        var paddingSize = (int)((4 - ((_reader.Position - indexStart) % 4)) % 4);
        _reader.ReadExactly(padding[..paddingSize], "index padding");
        if (padding[..paddingSize].ContainsAnyExcept((byte)0))
        {
            throw new XzFormatException("index padding is not zero");
        }

        crc = Crc32.Append(crc, padding[..paddingSize]);
        Span<byte> stored = stackalloc byte[4];
        _reader.ReadExactly(stored, "index");
        if (XzReader.ReadUInt32(stored) != crc)
        {
            throw new XzFormatException("index CRC32 mismatch");
        }

        ReadFooter(_reader.Position - indexStart);
    }

    private void ReadFooter(long indexSize)
    {
        Span<byte> footer = stackalloc byte[12];
        _reader.ReadExactly(footer, "stream footer");
        if (footer[10] != (byte)'Y' || footer[11] != (byte)'Z')
        {
            throw new XzFormatException("bad stream footer magic");
        }

        if (Crc32.Append(0, footer.Slice(4, 6)) != XzReader.ReadUInt32(footer))
        {
            throw new XzFormatException("stream footer CRC32 mismatch");
        }

        if (((long)XzReader.ReadUInt32(footer[4..]) + 1) * 4 != indexSize)
        {
            throw new XzFormatException("the backward size in the stream footer does not match the index");
        }

        if (!footer.Slice(8, 2).SequenceEqual(_streamFlags))
        {
            throw new XzFormatException("the stream flags in the footer differ from the header");
        }
    }

    /// <summary>Zero padding in multiples of 4 bytes; true when another stream follows.</summary>
    private bool ReadStreamPadding()
    {
        long zeros = 0;
        while (true)
        {
            var next = _reader.ReadByteOrEnd();
            if (next == 0)
            {
                zeros++;
                continue;
            }

            if (zeros % 4 != 0)
            {
                throw new XzFormatException("stream padding is not a multiple of 4 bytes");
            }

            _nextStreamFirstByte = next < 0 ? null : next;
            return next >= 0;
        }
    }
}
