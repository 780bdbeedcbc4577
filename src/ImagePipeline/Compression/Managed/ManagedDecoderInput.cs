using ImagePipeline.IO;

namespace ImagePipeline.Compression.Managed;

/// <summary>
/// Input of the managed xz and zstd decoders: buffered (headers are read byte by byte), counts the
/// position (it aligns on padding), and does not close our stream when the decoder is disposed.
/// </summary>
internal sealed class ManagedDecoderInput(Stream inner) : ReadOnlyStream
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private long _position;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int ReadByte()
    {
        if (_start == _end && !Fill())
        {
            return -1;
        }

        _position++;
        return _buffer[_start++];
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || (_start == _end && !Fill()))
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(buffer);
        _start += count;
        _position += count;
        return count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_start == _end && !buffer.IsEmpty)
        {
            _start = 0;
            _end = await inner.ReadAsync(_buffer, cancellationToken);
        }

        return Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private bool Fill()
    {
        _start = 0;
        _end = inner.Read(_buffer);
        return _end > 0;
    }
}
