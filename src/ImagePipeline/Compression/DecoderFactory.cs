using ImagePipeline.Compression.Managed;
using ImagePipeline.Compression.Native;
using SharpCompress.Compressors.Xz;

namespace ImagePipeline.Compression;

/// <summary>
/// Opens decoding streams. xz, zstd and gzip use the system liblzma, libzstd and zlib when they
/// load (measured faster than the managed decoders; liblzma decodes multi-block files on all
/// cores). Without them, gzip and zstd fall back to managed decoders that reject what the native
/// ones reject (<see cref="StrictGzipStream"/>, <see cref="NonEmptyZstdStream"/>). SharpCompress's
/// xz decoder is not strict (it ignores the index, stream padding and concatenated streams and
/// lacks the delta and ARM64 filters), so <see cref="DecoderImplementation.Auto"/> refuses xz
/// without liblzma and only an explicit <see cref="DecoderImplementation.Managed"/> uses it.
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
    /// when the format's system library is required (<see cref="DecoderImplementation.Native"/>, or
    /// xz with <see cref="DecoderImplementation.Auto"/>) and cannot be loaded.
    /// </summary>
    public Stream Open(CompressionFormat format, Stream compressed, string imageName)
    {
        var native = UsesNative(format);
        if (!native && RequiresNative(format))
        {
            throw Unavailable(format, imageName);
        }

        return (format, native) switch
        {
            (CompressionFormat.Gzip, true) => new GzipDecoderStream(compressed, imageName),
            (CompressionFormat.Gzip, false) => Managed(new StrictGzipStream(compressed, imageName)),
            (CompressionFormat.Xz, true) => new LzmaDecoderStream(compressed, imageName, Options),
            (CompressionFormat.Xz, false) => Managed(new XZStream(new ManagedDecoderInput(compressed))),
            (CompressionFormat.Zstd, true) => new ZstdDecoderStream(compressed, imageName),
            (CompressionFormat.Zstd, false) => Managed(new NonEmptyZstdStream(compressed, imageName)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };

        Stream Managed(Stream decoder) => new ManagedDecoderStream(decoder, imageName, format);
    }

    private bool RequiresNative(CompressionFormat format) => Options.Implementation switch
    {
        DecoderImplementation.Native => true,
        DecoderImplementation.Auto => format == CompressionFormat.Xz,
        _ => false,
    };

    private DecoderUnavailableException Unavailable(CompressionFormat format, string imageName)
    {
        var library = NativeLibraryInfo.For(format);
        var name = DecompressionException.FormatName(format);
        var why = Options.Implementation == DecoderImplementation.Native
            ? "the native decoder was asked for"
            : "the managed xz decoder does not check the index, padding and concatenated streams, so it runs only when asked for";
        return new DecoderUnavailableException(imageName, format,
            $"decoding {name} needs {library.Library}, which could not be loaded ({why}). " +
            $"Install the Debian package {library.DebianPackage} (apt-get install {library.DebianPackage}), " +
            "or choose the managed decoder with --decoder managed.");
    }
}
