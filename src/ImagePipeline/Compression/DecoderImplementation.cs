namespace ImagePipeline.Compression;

/// <summary>Which decoder implementation to use for xz and zstd (gzip always uses the BCL).</summary>
public enum DecoderImplementation
{
    /// <summary>The system library (liblzma, libzstd) when it can be loaded, else the managed decoder.</summary>
    Auto,

    /// <summary>The system library; fails when it cannot be loaded.</summary>
    Native,

    /// <summary>The managed decoders from SharpCompress.</summary>
    Managed,
}
