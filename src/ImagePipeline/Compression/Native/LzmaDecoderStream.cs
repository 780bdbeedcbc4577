namespace ImagePipeline.Compression.Native;

/// <summary>
/// xz decoding with the system liblzma's multi-threaded decoder: blocks of multi-block files
/// (<c>xz -T</c>) decode in parallel; single-block files decode on one thread at liblzma speed.
/// Concatenated streams and stream padding are accepted like <c>xz -d</c> does; an integrity check
/// of a type liblzma does not know is an error (<c>xz -d</c> warns and exits 2), since the
/// block data could then not be verified.
/// </summary>
internal sealed unsafe class LzmaDecoderStream : NativeDecoderStream
{
    private readonly LzmaStreamHandle _stream = new();

    public LzmaDecoderStream(Stream input, string imageName, DecoderOptions options)
        : base(input, imageName, CompressionFormat.Xz)
    {
        var mt = new LzmaMtOptions
        {
            Flags = LibLzma.Concatenated | LibLzma.TellUnsupportedCheck,
            Threads = (uint)options.EffectiveThreads,
            MemlimitThreading = (ulong)options.ThreadingMemoryLimit,
            MemlimitStop = (ulong)options.MemoryLimit,
        };
        var result = LibLzma.StreamDecoderMt(_stream.Stream, mt);
        if (result != LzmaResult.Ok)
        {
            _stream.Dispose();
            throw new InvalidOperationException($"lzma_stream_decoder_mt failed: {result}");
        }
    }

    protected override DecodeStatus Decode(
        ReadOnlySpan<byte> input, Span<byte> output, bool inputEnded, out int consumed, out int written)
    {
        var stream = _stream.Stream;
        LzmaResult result;
        fixed (byte* inputPointer = input)
        fixed (byte* outputPointer = output)
        {
            stream->NextIn = inputPointer;
            stream->AvailIn = (nuint)input.Length;
            stream->NextOut = outputPointer;
            stream->AvailOut = (nuint)output.Length;
            result = LibLzma.Code(stream, inputEnded ? LibLzma.ActionFinish : LibLzma.ActionRun);
            consumed = input.Length - (int)stream->AvailIn;
            written = output.Length - (int)stream->AvailOut;
            stream->NextIn = null;
            stream->NextOut = null;
        }

        return result switch
        {
            LzmaResult.Ok => DecodeStatus.Progress,
            LzmaResult.StreamEnd => DecodeStatus.Finished,
            LzmaResult.BufError when inputEnded => throw Corrupt("the stream ends before its end marker (truncated)"),
            LzmaResult.BufError => DecodeStatus.Progress,
            LzmaResult.UnsupportedCheck => throw Corrupt("the stream uses an integrity check type that liblzma does not support, so its data cannot be verified"),
            LzmaResult.FormatError => throw Corrupt("not an xz stream (bad header magic)"),
            LzmaResult.DataError => throw Corrupt("compressed data is corrupt (LZMA_DATA_ERROR)"),
            LzmaResult.OptionsError => throw Corrupt("unsupported options in the stream header (LZMA_OPTIONS_ERROR)"),
            LzmaResult.MemlimitError => throw Corrupt("decoding would need more memory than the configured limit"),
            LzmaResult.MemError => throw new InsufficientMemoryException("liblzma could not allocate memory"),
            _ => throw Corrupt($"liblzma returned {result}"),
        };
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
