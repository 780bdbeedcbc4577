namespace ImagePipeline.Compression;

/// <summary>Which decoder implementation to use (<c>--decoder</c>).</summary>
public enum DecoderImplementation
{
    /// <summary>
    /// The system library (liblzma, libzstd, zlib) when it can be loaded; else the managed decoder
    /// for gzip and zstd, and an error for xz (the managed xz decoder is not strict).
    /// </summary>
    Auto,

    /// <summary>The system library; fails when it cannot be loaded.</summary>
    Native,

    /// <summary>The managed decoders (SharpCompress for xz and zstd, our strict gzip reader), even where the system library loads.</summary>
    Managed,
}
