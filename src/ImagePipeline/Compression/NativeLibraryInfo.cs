using ImagePipeline.Compression.Native;

namespace ImagePipeline.Compression;

/// <summary>The system library that decodes a format, and the Debian package that installs it.</summary>
internal sealed record NativeLibraryInfo(string Library, string DebianPackage, Func<bool> IsAvailable)
{
    public static NativeLibraryInfo For(CompressionFormat format) => format switch
    {
        CompressionFormat.Xz => new("liblzma.so.5 (5.4 or later)", "liblzma5", () => LibLzma.IsAvailable),
        CompressionFormat.Zstd => new("libzstd.so.1", "libzstd1", () => LibZstd.IsAvailable),
        CompressionFormat.Gzip => new("libz.so.1", "zlib1g", () => LibZ.IsAvailable),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
