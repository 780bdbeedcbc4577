using System.Buffers;
using ImagePipeline.IO;

namespace ImagePipeline.Compression.Native;

/// <summary>
/// A read-only stream that pulls compressed bytes from an inner stream and runs them through a
/// native streaming decoder. Subclasses implement one <see cref="Decode"/> step.
/// </summary>
internal abstract class NativeDecoderStream : ReadOnlyStream
{
    private const int InputBufferSize = 1 << 20;

    private readonly Stream _input;
    private readonly byte[] _inputBuffer = ArrayPool<byte>.Shared.Rent(InputBufferSize);
    private int _inputStart;
    private int _inputEnd;
    private bool _inputEnded;
    private bool _finished;
    private bool _disposed;

    protected NativeDecoderStream(Stream input, string imageName, CompressionFormat format)
    {
        _input = input;
        ImageName = imageName;
        Format = format;
    }

    protected enum DecodeStatus
    {
        Progress,
        Finished,
    }

    protected string ImageName { get; }

    protected CompressionFormat Format { get; }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished || buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            if (_inputStart == _inputEnd && !_inputEnded)
            {
                await FillInputAsync(cancellationToken);
            }

            var status = Decode(
                _inputBuffer.AsSpan(_inputStart, _inputEnd - _inputStart), buffer.Span, _inputEnded, out var consumed, out var written);
            _inputStart += consumed;
            if (status == DecodeStatus.Finished)
            {
                _finished = true;
                return written;
            }

            if (written > 0)
            {
                return written;
            }

            if (consumed == 0)
            {
                if (_inputEnded)
                {
                    throw Corrupt("the stream ends before its end marker (truncated)");
                }

                await FillInputAsync(cancellationToken);
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>One decoder step over the buffered input into <paramref name="output"/>.</summary>
    /// <param name="inputEnded">No input follows what is in <paramref name="input"/>.</param>
    protected abstract DecodeStatus Decode(
        ReadOnlySpan<byte> input, Span<byte> output, bool inputEnded, out int consumed, out int written);

    protected DecompressionException Corrupt(string reason) => new(ImageName, Format, reason);

    protected override void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _disposed = true;
            ArrayPool<byte>.Shared.Return(_inputBuffer);
        }

        base.Dispose(disposing);
    }

    /// <summary>Moves unread input to the front and reads more behind it.</summary>
    private async ValueTask FillInputAsync(CancellationToken cancellationToken)
    {
        if (_inputStart > 0)
        {
            _inputBuffer.AsSpan(_inputStart, _inputEnd - _inputStart).CopyTo(_inputBuffer);
            _inputEnd -= _inputStart;
            _inputStart = 0;
        }

        if (_inputEnd == _inputBuffer.Length)
        {
            throw Corrupt("the decoder made no progress on a full input buffer");
        }

        var read = await _input.ReadAsync(_inputBuffer.AsMemory(_inputEnd), cancellationToken);
        if (read == 0)
        {
            _inputEnded = true;
        }

        _inputEnd += read;
    }
}
