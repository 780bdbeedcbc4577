using ManagedZstdStream = SharpCompress.Compressors.ZStandard.DecompressionStream;

namespace ImagePipeline.Compression.Managed;

/// <summary>
/// SharpCompress's zstd decoder, plus the one check it lacks against libzstd: an empty input is
/// no zstd stream (it decodes to nothing without complaint).
/// </summary>
internal sealed class NonEmptyZstdStream : IO.ReadOnlyStream
{
    private readonly ManagedDecoderInput _input;
    private readonly ManagedZstdStream _decoder;
    private readonly string _imageName;

    public NonEmptyZstdStream(Stream compressed, string imageName)
    {
        _input = new ManagedDecoderInput(compressed);
        _decoder = new ManagedZstdStream(_input, leaveOpen: true);
        _imageName = imageName;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _decoder.Read(buffer);
        return read == 0 && !buffer.IsEmpty && _input.Position == 0
            ? throw new DecompressionException(_imageName, CompressionFormat.Zstd, "the stream is empty")
            : read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder.Dispose();
        }

        base.Dispose(disposing);
    }
}
