namespace ImagePipeline.Compression;

/// <summary>How a source is compressed; the manifest's <c>source.decompress</c>.</summary>
public enum CompressionFormat
{
    Xz,
    Gzip,
    Zstd,
}
