using ImagePipeline.Compression.Managed;
using ImagePipeline.Compression.Native;
using ImagePipeline.Compression.Managed.Xz;

namespace ImagePipeline.Compression;

/// <summary>
/// Opens decoding streams. xz, zstd and gzip use the system liblzma, libzstd and zlib when they
/// load (measured faster than the managed decoders; liblzma decodes multi-block files on all
/// cores). Without them, or with <see cref="DecoderImplementation.Managed"/>, managed decoders
/// that reject what the native ones reject: <see cref="StrictXzStream"/> (our xz container
/// around SharpCompress's LZMA2; no ARM64 filter), <see cref="StrictGzipStream"/> and
/// <see cref="NonEmptyZstdStream"/>.
/// </summary>
public sealed class DecoderFactory
{
    private readonly Func<CompressionFormat, bool> _nativeAvailable;

    public DecoderFactory(DecoderOptions? options = null)
        : this(options, format => NativeLibraryInfo.For(format).IsAvailable())
    {
    }

    /// <summary>For tests: <paramref name="nativeAvailable"/> stands in for loading the libraries.</summary>
    internal DecoderFactory(DecoderOptions? options, Func<CompressionFormat, bool> nativeAvailable)
    {
        Options = options ?? DecoderOptions.Default;
        _nativeAvailable = nativeAvailable;
    }

    public DecoderOptions Options { get; }

    /// <summary>True when <paramref name="format"/> would be decoded by a system library.</summary>
    public bool UsesNative(CompressionFormat format) => Options.Implementation switch
    {
        DecoderImplementation.Managed => false,
        _ => _nativeAvailable(format),
    };

    /// <summary>
    /// A stream of the decoded bytes of <paramref name="compressed"/> (which it does not dispose).
    /// Reading throws <see cref="DecompressionException"/> on corrupt input. Throws <see cref="DecoderUnavailableException"/>
    /// when <see cref="DecoderImplementation.Native"/> is asked for and the system library cannot be loaded.
    /// </summary>
    public Stream Open(CompressionFormat format, Stream compressed, string imageName)
    {
        var native = UsesNative(format);
        if (!native && Options.Implementation == DecoderImplementation.Native)
        {
            throw Unavailable(format, imageName);
        }

        return (format, native) switch
        {
            (CompressionFormat.Gzip, true) => new GzipDecoderStream(compressed, imageName),
            (CompressionFormat.Gzip, false) => Managed(new StrictGzipStream(compressed, imageName)),
            (CompressionFormat.Xz, true) => new LzmaDecoderStream(compressed, imageName, Options),
            (CompressionFormat.Xz, false) => Managed(new StrictXzStream(compressed, Options.MemoryLimit)),
            (CompressionFormat.Zstd, true) => new ZstdDecoderStream(compressed, imageName),
            (CompressionFormat.Zstd, false) => Managed(new NonEmptyZstdStream(compressed, imageName)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };

        Stream Managed(Stream decoder) => new ManagedDecoderStream(decoder, imageName, format);
    }

    private static DecoderUnavailableException Unavailable(CompressionFormat format, string imageName)
    {
        var library = NativeLibraryInfo.For(format);
        var name = DecompressionException.FormatName(format);
        return new DecoderUnavailableException(imageName, format,
            $"decoding {name} with --decoder native needs {library.Library}, which could not be loaded. " +
            $"Install the Debian package {library.DebianPackage} (apt-get install {library.DebianPackage}), " +
            "or use --decoder auto (the managed decoder where the library is missing).");
    }
}
