namespace ImagePipeline.Compression.Native;

/// <summary>zstd decoding with the system libzstd (<c>ZSTD_decompressStream</c>); accepts concatenated frames.</summary>
internal sealed unsafe class ZstdDecoderStream : NativeDecoderStream
{
    private readonly ZstdDecoderHandle _stream;
    private bool _frameComplete;
    private bool _sawInput;

    public ZstdDecoderStream(Stream input, string imageName)
        : base(input, imageName, CompressionFormat.Zstd)
    {
        _stream = LibZstd.CreateDStream();
        if (_stream.IsInvalid)
        {
            throw new InsufficientMemoryException("ZSTD_createDStream failed");
        }
    }

    protected override DecodeStatus Decode(
        ReadOnlySpan<byte> input, Span<byte> output, bool inputEnded, out int consumed, out int written)
    {
        if (inputEnded && input.IsEmpty)
        {
            // Everything was consumed; what remains buffered inside libzstd still needs flushing.
            if (!_sawInput)
            {
                throw Corrupt("the stream is empty");
            }
        }

        nuint result;
        fixed (byte* inputPointer = input)
        fixed (byte* outputPointer = output)
        {
            var inBuffer = new ZstdInBuffer { Source = inputPointer, Size = (nuint)input.Length };
            var outBuffer = new ZstdOutBuffer { Destination = outputPointer, Size = (nuint)output.Length };
            result = LibZstd.DecompressStream(_stream, &outBuffer, &inBuffer);
            consumed = (int)inBuffer.Position;
            written = (int)outBuffer.Position;
        }

        if (LibZstd.IsError(result) != 0)
        {
            throw Corrupt(LibZstd.ErrorName(result));
        }

        _sawInput |= consumed > 0;
        if (consumed > 0 || written > 0)
        {
            // A call without progress after a finished frame returns the next frame's header size.
            _frameComplete = result == 0;
        }

        if (inputEnded && consumed == input.Length && written < output.Length)
        {
            // All input is in and the output was not full, so nothing is pending inside libzstd.
            return _frameComplete
                ? DecodeStatus.Finished
                : throw Corrupt("the stream ends inside a frame (truncated)");
        }

        return DecodeStatus.Progress;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
