using System.IO.Compression;
using ImagePipeline.Compression.Native;
using SharpCompress.Compressors.Xz;
using ManagedZstdStream = SharpCompress.Compressors.ZStandard.DecompressionStream;

namespace ImagePipeline.Compression;

/// <summary>
/// Opens decoding streams. xz, zstd and gzip use the system liblzma, libzstd and zlib when they
/// load (measured faster than the managed decoders; liblzma decodes multi-block files on all
/// cores; zlib reports a truncated gzip stream, which <see cref="GZipStream"/> silently accepts),
/// else SharpCompress for xz and zstd and the BCL's <see cref="GZipStream"/> for gzip.
/// </summary>
public sealed class DecoderFactory
{
    public DecoderFactory(DecoderOptions? options = null)
    {
        Options = options ?? DecoderOptions.Default;
    }

    public DecoderOptions Options { get; }

    /// <summary>True when <paramref name="format"/> would be decoded by a system library.</summary>
    public bool UsesNative(CompressionFormat format) => format switch
    {
        CompressionFormat.Xz => WantsNative(LibLzma.IsAvailable, "liblzma.so.5 (≥ 5.4)"),
        CompressionFormat.Zstd => WantsNative(LibZstd.IsAvailable, "libzstd.so.1"),
        CompressionFormat.Gzip => WantsNative(LibZ.IsAvailable, "libz.so.1"),
        _ => false,
    };

    /// <summary>
    /// A stream of the decoded bytes of <paramref name="compressed"/> (which it does not dispose).
    /// Reading throws <see cref="DecompressionException"/> (native decoders) or the managed decoder's
    /// own exception on corrupt input; callers wrap the latter with <see cref="DecompressionException"/>.
    /// </summary>
    public Stream Open(CompressionFormat format, Stream compressed, string imageName) => format switch
    {
        CompressionFormat.Gzip when UsesNative(format) => new GzipDecoderStream(compressed, imageName),
        CompressionFormat.Gzip => new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true),
        CompressionFormat.Xz when UsesNative(format) => new LzmaDecoderStream(compressed, imageName, Options),
        CompressionFormat.Xz => new SynchronousReadStream(new XZStream(new ManagedDecoderInput(compressed))),
        CompressionFormat.Zstd when UsesNative(format) => new ZstdDecoderStream(compressed, imageName),
        CompressionFormat.Zstd => new ManagedZstdStream(compressed, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private bool WantsNative(bool available, string library) => Options.Implementation switch
    {
        DecoderImplementation.Managed => false,
        DecoderImplementation.Native when !available =>
            throw new DllNotFoundException($"{library} is not available; use the managed decoder instead"),
        _ => available,
    };
}
