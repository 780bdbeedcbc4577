using System.Buffers.Binary;
using SharpCompress.Compressors;
using SharpCompress.Compressors.Deflate;

namespace ImagePipeline.Compression.Managed;

/// <summary>
/// Managed gzip decoding that is as strict as zlib through <c>gzip -d</c>: each member's header,
/// CRC-32 and length trailer are checked, a stream cut short anywhere is an error, members may
/// follow each other, zero padding after the last is ignored and anything else after it is an
/// error. The BCL's GZipStream ends silently on truncation, so the deflate data goes through
/// SharpCompress's inflater, which says how many input bytes it used (<c>TotalIn</c>).
/// </summary>
internal sealed class StrictGzipStream(Stream compressed, string imageName) : IO.ReadOnlyStream
{
    private readonly GzipInput _input = new(compressed);
    private DeflateStream? _member;
    private readonly System.IO.Hashing.Crc32 _crc = new(); // vectorised; Crc32.Append is for the small header pieces
    private uint _length;
    private bool _sawMember;
    private bool _finished;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!_finished && !buffer.IsEmpty)
        {
            if (_member is null && !StartMember())
            {
                _finished = true;
                break;
            }

            int read;
            try
            {
                read = _member!.Read(buffer);
            }
            catch (ZlibException ex)
            {
                throw Corrupt($"the deflate data is invalid ({ex.Message})");
            }

            if (read > 0)
            {
                _crc.Append(buffer[..read]);
                _length += (uint)read;
                return read;
            }

            EndMember();
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _member?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the next member's header; false when the stream ended properly.</summary>
    private bool StartMember()
    {
        if (_sawMember && _input.AtEnd)
        {
            return false;
        }

        if (!_sawMember && _input.AtEnd)
        {
            throw Corrupt("the stream is empty");
        }

        if (_sawMember && _input.PeekByte() != 0x1f)
        {
            // After a complete member zeros are padding (as the native decoder allows), anything else garbage.
            return _input.RestIsZero() ? false : throw Corrupt("unexpected data after the end of the gzip stream");
        }

        if (GzipMemberHeader.Read(_input) is { } error)
        {
            throw Corrupt(error);
        }

        _sawMember = true;
        _crc.Reset();
        _length = 0;
        _input.BeginInflate();
        _member = new DeflateStream(_input.InflaterView, CompressionMode.Decompress, CompressionLevel.Default, leaveOpen: true, System.Text.Encoding.UTF8);
        return true;
    }

    /// <summary>The inflater reached the end of the deflate data (or ran out of input): check the trailer.</summary>
    private void EndMember()
    {
        var member = _member!;
        _member = null;
        var used = member.TotalIn;
        member.Dispose();
        _input.Unread(_input.HandedToInflater - used);

        Span<byte> trailer = stackalloc byte[8];
        if (!_input.TryReadExactly(trailer))
        {
            throw Corrupt("the stream ends inside a member (truncated)");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != _crc.GetCurrentHashAsUInt32())
        {
            throw Corrupt("CRC-32 mismatch in the member trailer");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) != _length)
        {
            throw Corrupt("length mismatch in the member trailer (ISIZE)");
        }
    }

    private DecompressionException Corrupt(string reason) => new(imageName, CompressionFormat.Gzip, reason);
}
